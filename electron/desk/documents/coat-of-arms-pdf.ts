import { rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import {
  emblemInitials,
  imageKindOf,
  NEUTRAL_EMBLEM,
  readSvgShapes,
  type SvgShape,
} from '../../../shared/documents/coat-of-arms';
import type { A4Writer } from './pdf-layout';

const NAVY = rgb(0.11, 0.22, 0.4);
const FIELD = rgb(0.86, 0.89, 0.94);

/** What the header's slot shows: the comune's own image, its SVG drawn as paths, or the neutral emblem. */
export type PreparedArms =
  | { kind: 'image'; image: PDFImage }
  | { kind: 'svg'; width: number; height: number; shapes: SvgShape[] }
  | { kind: 'neutral'; initials: string };

/**
 * Reads the comune's file once per document. A file that is not a PNG, JPEG or SVG of paths, or
 * does not decode, gives the neutral emblem: a certificate is never refused for its decoration.
 */
export async function prepareCoatOfArms(
  doc: A4Writer,
  bytes: Uint8Array | undefined,
  comuneName: string,
): Promise<PreparedArms> {
  const neutral: PreparedArms = { kind: 'neutral', initials: emblemInitials(comuneName) };
  if (!bytes || bytes.length === 0) return neutral;
  try {
    switch (imageKindOf(bytes)) {
      case 'png':
        return { kind: 'image', image: await doc.pdf.embedPng(bytes) };
      case 'jpeg':
        return { kind: 'image', image: await doc.pdf.embedJpg(bytes) };
      case 'svg': {
        const svg = readSvgShapes(new TextDecoder().decode(bytes));
        return svg ? { kind: 'svg', ...svg } : neutral;
      }
      default:
        return neutral;
    }
  } catch {
    return neutral;
  }
}

const hexColor = (hex: string | null) =>
  hex
    ? rgb(
        parseInt(hex.slice(1, 3), 16) / 255,
        parseInt(hex.slice(3, 5), 16) / 255,
        parseInt(hex.slice(5, 7), 16) / 255,
      )
    : rgb(0, 0, 0);

/** Draws it centred in the slot (bottom-left `x`, `y`, `width` × `height` points), keeping its proportions. */
export function drawCoatOfArms(
  doc: A4Writer,
  page: PDFPage,
  arms: PreparedArms,
  slot: { x: number; y: number; width: number; height: number },
): void {
  const fit = (w: number, h: number) => {
    const scale = Math.min(slot.width / w, slot.height / h);
    const [dw, dh] = [w * scale, h * scale];
    return { scale, x: slot.x + (slot.width - dw) / 2, y: slot.y + (slot.height - dh) / 2, dw, dh };
  };
  if (arms.kind === 'image') {
    const f = fit(arms.image.width, arms.image.height);
    page.drawImage(arms.image, { x: f.x, y: f.y, width: f.dw, height: f.dh });
    return;
  }
  if (arms.kind === 'svg') {
    const f = fit(arms.width, arms.height);
    // drawSvgPath draws from the top-left corner with y downwards, as SVG does
    for (const s of arms.shapes)
      page.drawSvgPath(s.d, { x: f.x, y: f.y + f.dh, scale: f.scale, color: hexColor(s.fill) });
    return;
  }
  const f = fit(NEUTRAL_EMBLEM.width, NEUTRAL_EMBLEM.height);
  const top = f.y + f.dh;
  page.drawSvgPath(NEUTRAL_EMBLEM.shield, {
    x: f.x,
    y: top,
    scale: f.scale,
    color: FIELD,
    borderColor: NAVY,
    borderWidth: 1.2,
  });
  page.drawSvgPath(NEUTRAL_EMBLEM.band, { x: f.x, y: top, scale: f.scale, color: NAVY });
  // the initials under the band, as large as the shield's width allows
  const size = Math.min(16, (f.dw * 0.8) / Math.max(1, doc.widthOf(arms.initials, 1, true)));
  const w = doc.widthOf(arms.initials, size, true);
  doc.text(arms.initials, {
    x: f.x + (f.dw - w) / 2,
    y: top - 78 * f.scale - size * 0.35,
    size,
    bold: true,
    color: NAVY,
  });
}
