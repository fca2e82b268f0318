/**
 * Each comune's coat of arms on its documents is configuration, not code: a PNG, JPEG or SVG
 * file the comune supplies (its own official image; DPR 28/01/1943 n. 652 and the DPCM of the
 * Ufficio araldico govern it, so the project never draws one). Until the comune sends its file
 * (and in the demo) the documents carry a NEUTRAL emblem: a plain geometric shield with the
 * comune's initials, which no one can mistake for an official coat of arms.
 */
export interface CoatOfArmsSetting {
  /** Belfiore code */
  comune: string;
  /** path of the comune's image, relative to resources/coats-of-arms/ (null: the neutral emblem) */
  file: string | null;
  source: string;
}

/** Per comune; a comune without a row gets the neutral emblem. */
export const COAT_OF_ARMS_SETTINGS: readonly CoatOfArmsSetting[] = [
  {
    comune: 'B885',
    file: null,
    source: 'the comune has not supplied its image: neutral emblem until it does',
  },
];

export const coatOfArmsFileOf = (belfiore: string): string | null =>
  COAT_OF_ARMS_SETTINGS.find((s) => s.comune === belfiore)?.file ?? null;

/** Words that are not initials: "Borgo San Martino" → BSM, "Frassineto Po" → FP, "Casale Monferrato" → CM. */
const SMALL_WORDS = new Set(['di', 'de', 'del', 'della', 'dei', 'delle', 'e', 'ed', 'al', 'sul', 'in', 'a']);

export function emblemInitials(comuneName: string): string {
  const words = comuneName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[\s'’-]+/)
    .filter((w) => w.length > 0 && !SMALL_WORDS.has(w.toLowerCase()));
  const initials = words.map((w) => w.charAt(0).toUpperCase()).join('');
  return initials.slice(0, 3) || '?';
}

/**
 * The neutral emblem's outline in a 100 × 120 box (y down, as SVG): a heater shield, a
 * horizontal band across it. Only straight lines and quadratic curves: drawn as vector paths.
 */
export const NEUTRAL_EMBLEM = {
  width: 100,
  height: 120,
  shield: 'M 4 4 L 96 4 L 96 62 Q 96 100 50 116 Q 4 100 4 62 Z',
  band: 'M 4 34 L 96 34 L 96 50 L 4 50 Z',
} as const;

/** The kinds of image file a comune may configure, by their first bytes. */
export function imageKindOf(bytes: Uint8Array): 'png' | 'jpeg' | 'svg' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return null;
}

export interface SvgShape {
  d: string;
  /** '#rrggbb' or null (black, as SVG's default) */
  fill: string | null;
}

/**
 * A comune's SVG as the PDF draws it: its viewBox and the `<path>` elements with their fill
 * (the form heraldic SVGs from the comuni's sites take). Anything else is left out; no paths
 * means the neutral emblem.
 */
export function readSvgShapes(svg: string): { width: number; height: number; shapes: SvgShape[] } | null {
  const viewBox = /viewBox\s*=\s*["']\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*["']/i.exec(
    svg,
  );
  const width = Number(viewBox?.[3] ?? /\swidth\s*=\s*["']([\d.]+)/i.exec(svg)?.[1]);
  const height = Number(viewBox?.[4] ?? /\sheight\s*=\s*["']([\d.]+)/i.exec(svg)?.[1]);
  if (!(width > 0) || !(height > 0)) return null;
  const shapes: SvgShape[] = [];
  for (const m of svg.matchAll(/<path\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    const d = /\sd\s*=\s*["']([^"']+)["']/i.exec(` ${attrs}`)?.[1];
    if (!d) continue;
    const fill =
      /\sfill\s*=\s*["'](#[0-9a-f]{6}|#[0-9a-f]{3}|none)["']/i.exec(` ${attrs}`)?.[1] ??
      /fill\s*:\s*(#[0-9a-f]{6}|#[0-9a-f]{3}|none)/i.exec(attrs)?.[1] ??
      null;
    if (fill === 'none') continue;
    shapes.push({ d, fill: fill ? expandHex(fill) : null });
  }
  return shapes.length > 0 ? { width, height, shapes } : null;
}

const expandHex = (hex: string): string =>
  hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}`.toLowerCase() : hex.toLowerCase();
