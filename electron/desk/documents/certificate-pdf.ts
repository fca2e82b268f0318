import { rgb } from 'pdf-lib';
import {
  assertPrintable,
  type Certificate,
  type CertificateLineSection,
} from '../../../shared/certificates/build-certificate';
import { drawCoatOfArms, prepareCoatOfArms } from './coat-of-arms-pdf';
import { createA4Document, GREY, type A4Writer } from './pdf-layout';
import { qrMatrix } from './qr-matrix';

/**
 * The A4 PDF of an anagrafe certificate. Every sentence comes from `certificate.lines`, in their
 * order, so what the rules in shared/certificates decide is exactly what is printed; this file
 * only decides where and how big. The issuer's name and province (header band), the identifier
 * under the QR code and the page numbers are the only words taken from elsewhere.
 *
 * Layout: header band (coat of arms, comune, province, office), title, identifier, the CERTIFICA
 * sentence with holder and facts, fees, validity, place and date, signature; at the foot of the
 * last page the QR code (the verification address) with the identifier and the address under it,
 * then the destination sentence (DPR 445/2000 art. 40), the document's last line.
 */

export interface CertificatePdfOptions {
  /** the moment of issue: the PDF's creation date, so two renders of one issue are identical */
  issuedAt: Date;
  /**
   * the comune's coat of arms, PNG, JPEG or SVG (resources/coats-of-arms); without it, or when it
   * cannot be read, the neutral emblem with the comune's initials (shared/documents/coat-of-arms.ts)
   */
  coatOfArms?: Uint8Array;
}

const NAVY = rgb(0.11, 0.22, 0.4);
const BAND = rgb(0.94, 0.95, 0.97);

const HEADER_HEIGHT = 86;
const ARMS = { width: 54, height: 66 } as const;
/** side of the QR symbol, quiet zone excluded: about 27 mm */
const QR_SIZE = 76;
const SIGNATURE_COLUMN = 330;

export async function renderCertificatePdf(
  certificate: Certificate,
  options: CertificatePdfOptions,
): Promise<Uint8Array> {
  assertPrintable(certificate);
  const { issuer } = certificate;
  const section = (s: CertificateLineSection): string[] =>
    certificate.lines.filter((l) => l.section === s).map((l) => l.text);
  const identifierLine = section('identifier')[0] ?? `Certificato n. ${certificate.id}`;

  const doc = await createA4Document({
    title: `${certificate.title} – ${certificate.id}`,
    author: `Comune di ${issuer.comune.name} – ${issuer.office}`,
    subject: identifierLine,
    createdAt: options.issuedAt,
    pageLabel: (page, pages) => `${identifierLine} – pagina ${page} di ${pages}`,
    runningHead: (page) => (page > 1 ? `Comune di ${issuer.comune.name} – ${certificate.title}` : null),
  });

  await header(doc, certificate, section('header').slice(1), options.coatOfArms);

  doc.paragraph(section('title').join('\n'), { size: 14, bold: true, align: 'center', spaceBefore: 22 });
  doc.paragraph(section('identifier').join('\n'), { size: 10, align: 'center', color: GREY, spaceAfter: 16 });

  const [opening, certifica, ...since] = section('intro');
  if (opening !== undefined) doc.paragraph(opening);
  if (certifica !== undefined) {
    doc.paragraph(certifica, { size: 12, bold: true, align: 'center', spaceBefore: 8, spaceAfter: 8 });
  }
  for (const line of since) doc.paragraph(line);

  const [name, ...personal] = section('holder');
  const holderIndent = 24;
  if (name !== undefined) doc.paragraph(name, { size: 12, bold: true, indent: holderIndent, spaceBefore: 8 });
  for (const line of personal) doc.paragraph(line, { indent: holderIndent });

  doc.space(6);
  for (const line of section('fact')) {
    const item = /^\d+\.\s/.exec(line);
    if (item) {
      // a household member: numbered, continuation lines under the name
      doc.paragraph(line, { indent: holderIndent, hangingIndent: doc.widthOf(item[0], 10.5) });
    } else doc.paragraph(line, { spaceBefore: 4 });
  }

  doc.space(14);
  for (const line of section('fees')) doc.paragraph(line, { size: 9.5, spaceAfter: 1 });
  for (const line of section('validity')) doc.paragraph(line, { size: 9.5, spaceBefore: 4 });

  const foot = footZone(doc, certificate, section('verification'), section('footer'));
  // place, date and signature stay on the page that carries the footer
  signatureBlock(doc, certificate, section('closing'), section('signature'), foot.height);
  foot.draw();
  return doc.save();
}

async function header(
  doc: A4Writer,
  certificate: Certificate,
  officeLines: readonly string[],
  coatOfArms: Uint8Array | undefined,
): Promise<void> {
  const { comune } = certificate.issuer;
  const left = doc.margins.left;
  const arms = await prepareCoatOfArms(doc, coatOfArms, comune.name);
  doc.block(HEADER_HEIGHT, (top, page) => {
    page.drawRectangle({
      x: left,
      y: top - HEADER_HEIGHT,
      width: doc.contentWidth,
      height: HEADER_HEIGHT,
      color: BAND,
    });
    page.drawLine({
      start: { x: left, y: top - HEADER_HEIGHT },
      end: { x: left + doc.contentWidth, y: top - HEADER_HEIGHT },
      thickness: 1.5,
      color: NAVY,
    });

    const slot = { x: left + 12, y: top - (HEADER_HEIGHT + ARMS.height) / 2 };
    drawCoatOfArms(doc, page, arms, { ...slot, ...ARMS });

    const x = slot.x + ARMS.width + 16;
    const lines: { text: string; size: number; bold?: boolean }[] = [
      { text: `COMUNE DI ${comune.name.toUpperCase()}`, size: 16, bold: true },
      ...(comune.province.trim() ? [{ text: `Provincia di ${comune.province.trim()}`, size: 10 }] : []),
      ...officeLines.map((text) => ({ text, size: 10 })),
    ];
    const height = lines.reduce((h, l) => h + l.size * 1.35, 0);
    let baseline = top - (HEADER_HEIGHT - height) / 2;
    for (const line of lines) {
      baseline -= line.size * 1.35;
      doc.text(line.text, {
        x,
        y: baseline + line.size * 0.3,
        size: line.size,
        bold: line.bold,
        color: NAVY,
      });
    }
  });
}

function signatureBlock(
  doc: A4Writer,
  certificate: Certificate,
  closing: readonly string[],
  signature: readonly string[],
  /** room to keep below the block on the same page */
  reserve: number,
): void {
  const column = {
    indent: doc.contentWidth - SIGNATURE_COLUMN,
    width: SIGNATURE_COLUMN,
    align: 'center',
  } as const;
  const [title, ...rest] = signature;
  const autograph = certificate.signature === 'autograph';
  const handSpace = 34;
  const height =
    doc.measure(closing.join('\n'), { spaceBefore: 18 }) +
    doc.measure(title ?? '', { ...column, spaceBefore: 8 }) +
    (autograph
      ? handSpace + 4 + doc.measure(rest.join('\n'), { ...column, bold: true })
      : rest.reduce((h, line) => h + doc.measure(line, { ...column, size: 7.5, spaceBefore: 2 }), 0));
  doc.ensureSpace(height + reserve);

  doc.paragraph(closing.join('\n'), { spaceBefore: 18 });
  if (title === undefined) return;
  doc.paragraph(title, { ...column, spaceBefore: 8 });
  if (autograph) {
    // room for the officer's hand, above the printed name
    doc.space(handSpace);
    doc.rule({
      indent: column.indent + 30,
      width: column.width - 60,
      spaceBefore: 0,
      spaceAfter: 2,
      color: GREY,
    });
    for (const line of rest) doc.paragraph(line, { ...column, bold: true });
  } else {
    for (const line of rest) doc.paragraph(line, { ...column, size: 7.5, color: GREY, spaceBefore: 2 });
  }
}

/** The foot of the last page: the QR code with the identifier and address, then the footer sentence. */
function footZone(
  doc: A4Writer,
  certificate: Certificate,
  verification: readonly string[],
  footer: readonly string[],
): { height: number; draw: () => void } {
  const url = certificate.verificationUrl;
  const captionWidth = 300;
  const caption = {
    size: 7.5,
    align: 'right',
    indent: doc.contentWidth - captionWidth,
    width: captionWidth,
  } as const;
  const captionText = verification.length > 0 ? verification.join('\n') : (url ?? '');
  const footerText = { size: 9.5, bold: true, align: 'center', spaceBefore: 6 } as const;

  const matrix = url === null ? null : qrMatrix(url);
  const quietZone = 4;
  const qrHeight =
    matrix === null
      ? 0
      : QR_SIZE * (1 + (2 * quietZone) / matrix.size) +
        doc.measure(certificate.id, { size: 8, bold: true }) +
        doc.measure(captionText, caption);
  const footerHeight = 14 + doc.measure(footer.join('\n'), footerText);
  const height = qrHeight + footerHeight;

  const draw = (): void => {
    doc.pinToBottom(height);
    if (matrix !== null) {
      doc.qr(matrix, { size: QR_SIZE, align: 'right', quietZone });
      doc.paragraph(certificate.id, { size: 8, bold: true, align: 'right' });
      doc.paragraph(captionText, { ...caption, color: GREY });
    }
    doc.rule({ spaceBefore: 8, spaceAfter: 4, thickness: 0.8, color: NAVY });
    doc.paragraph(footer.join('\n'), footerText);
  };
  return { height, draw };
}
