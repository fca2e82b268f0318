import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The package's ES build exports the engine only as its default (its types describe the CommonJS
 * namespace): the desk's bundled main process gets `default`, Node and the tests get the namespace.
 * Taking `create` from the namespace alone left it undefined in out/main, and no document printed.
 */
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

/** pdf-lib's font engine (its type is not exported from the package root) */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The Unicode font every document the desk and the hub print is set in (issue 18 §2): a name is
 * printed as the registry holds it ("Ionuț Ștefănescu", not "Ionut Stefanescu"). The font's bytes
 * are read at the edges (resources/fonts/load-document-fonts.ts) and handed in: shared/ does no I/O.
 *
 * Loading checks the font once: it must print every character of REGISTRY_REPERTOIRE, or it is
 * refused with the characters it lacks (a certificate must never show a blank box in a name).
 * Each document embeds only the glyphs it uses (subset), so a certificate stays a few kB larger
 * than with the standard Helvetica, not 600 kB.
 */

/** A TTF/OTF regular + bold pair, as bytes. */
export interface FontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/** A font pair checked for coverage: what documents embed. */
export interface DocumentFontSet {
  readonly bytes: FontBytes;
  /** pdf-lib's font engine, answering with the faces parsed once at load (see embedDocumentFonts) */
  readonly engine: Fontkit;
  /** whether both weights print the character (one code point) */
  covers(char: string): boolean;
  /**
   * Width in points of printable text, as pdf-lib would measure it (no shaping: the sum of the
   * glyphs' advances) without laying the text out each time: line breaking measures a lot.
   */
  widthOf(text: string, size: number, bold?: boolean): number;
}

/** The two weights embedded in one PDF. */
export interface EmbeddedFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/**
 * Every character a name, an address or a document's own wording may hold: the Latin scripts of
 * the people an Italian registry records (Italian, Romanian ș ț ă â î, Albanian ë ç, Polish ł ą ę
 * ś ż ź ć ń, Czech ř ě ů, Turkish ğ ı İ ş, Hungarian ő ű, the Nordic and Baltic letters, Vietnamese
 * with its stacked diacritics ệ ở ữ) and the punctuation Italian documents use (’ « » – — € °).
 * Non-Latin scripts are transliterated into the registry by the registry office (ANPR holds names
 * in Latin letters), so they are not asked of the font.
 */
export const REGISTRY_REPERTOIRE: readonly string[] = [
  ...range(0x20, 0x7e), // Basic Latin
  ...range(0xa0, 0xff), // Latin-1 Supplement
  ...range(0x100, 0x17f), // Latin Extended-A (ł ś ż ř ě ů ğ ı İ ş ő ű …)
  ...'ƏəƠơƯưǍǎǏǐǑǒǓǔǦǧǨǩǪǫȘșȚțȞȟ', // Latin Extended-B letters in use (Romanian comma below, Vietnamese horn, Azeri schwa)
  ...range(0x1e00, 0x1eff), // Latin Extended Additional (Vietnamese ạ ả ấ … ỹ)
  ...range(0x300, 0x30c), // combining marks a name may be typed with, left after NFC
  ...'\u0323\u0326\u0327\u0328', // combining dot below, comma below, cedilla, ogonek
  ...'‐‑–—‘’‚“”„•…‰′″‹›€™№°',
];

/** Characters of the Indic scripts (script extensions, so the Vedic signs U+0951–U+0954 too). */
const NEEDS_INDIC_SHAPING =
  /[\u0951-\u0954\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}]/u;

/** The characters of `text` (NFC, one code point each) that `covers` says no. */
export function missingCharacters(text: string, covers: (char: string) => boolean): string[] {
  const missing = new Set<string>();
  for (const char of text.normalize('NFC')) {
    if (/\s|\p{Cc}|\p{Cf}/u.test(char)) continue;
    if (!covers(char)) missing.add(char);
  }
  return [...missing];
}

/** A font that cannot print part of the repertoire: the characters, as the refusal names them. */
export class FontCoverageError extends Error {
  constructor(
    readonly font: string,
    readonly missing: readonly string[],
  ) {
    const shown = missing
      .slice(0, 40)
      .map((c) => `${c} U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
      .join(', ');
    super(`font ${font} cannot print ${missing.length} required character(s): ${shown}`);
    this.name = 'FontCoverageError';
  }
}

/**
 * Checks the pair and keeps what embedding needs. Refuses (FontCoverageError) a font lacking any
 * character of `required` (REGISTRY_REPERTOIRE unless told), naming the characters.
 */
export function loadDocumentFonts(
  bytes: FontBytes,
  required: Iterable<string> = REGISTRY_REPERTOIRE,
): DocumentFontSet {
  const regular = fontkit.create(bytes.regular);
  const bold = fontkit.create(bytes.bold);
  const faces = [regular, bold];
  const covered = (faces[0]?.characterSet ?? []).filter((cp) =>
    faces.every((f) => f.hasGlyphForCodePoint(cp)),
  );
  const set = new Set(covered);
  // Indic scripts need a shaper fontkit cannot run here (its Indic engine throws): a font holding
  // their glyphs still does not print them, and they become "?" like any other missing character
  const covers = (char: string): boolean =>
    set.has(char.codePointAt(0) ?? -1) && !NEEDS_INDIC_SHAPING.test(char);
  for (const face of faces) {
    const missing = missingCharacters([...required].join(''), (c) =>
      face.hasGlyphForCodePoint(c.codePointAt(0) ?? -1),
    );
    if (missing.length > 0) throw new FontCoverageError(face.postscriptName || 'font', missing);
  }
  // Parsing a 600 kB font (and warming its glyph caches) costs far more than a certificate: pdf-lib
  // would do it twice per document, so one parsed pair serves every document of the process. One
  // catch: fontkit caches a glyph with the characters it was first asked for, and a subset asks for
  // the parts of a composite letter ("ı" inside "í") with none, so a later document's text layer
  // would map that glyph to nothing (a reader copies "Y ld z"). Every glyph is created from its
  // character first, in code point order (space before no-break space), as a fresh font would be.
  for (const face of faces) {
    for (const cp of [...face.characterSet].sort((a, b) => a - b)) face.glyphForCodePoint(cp);
  }
  for (const face of faces) withPlainLayout(face);
  const engine: Fontkit = {
    create: (data: Uint8Array, postscriptName?: string) =>
      data === bytes.regular ? regular : data === bytes.bold ? bold : fontkit.create(data, postscriptName),
  } as Fontkit;
  const advances = faces.map((face) => {
    const cache = new Map<number, number>();
    return (cp: number): number => {
      let a = cache.get(cp);
      if (a === undefined) {
        a = face.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm;
        cache.set(cp, a);
      }
      return a;
    };
  });
  const widthOf = (text: string, size: number, isBold = false): number => {
    const advance = advances[isBold ? 1 : 0] ?? (() => 0);
    let em = 0;
    for (const char of text) em += advance(char.codePointAt(0) ?? 0);
    return em * size;
  };
  return { bytes, engine, covers, widthOf };
}

/**
 * OpenType features off: pdf-lib draws each glyph at its advance width and ignores positioning
 * (kern, mark), so shaping would only cost time (most of a certificate's); and `ccmp` would split
 * a precomposed letter such as "ị" into base + mark glyphs whose Unicode mapping pdf-lib writes
 * wrongly (a reader would copy "i0" out of the document), `liga` would print "ﬁ" for "fi".
 */
export const NO_SHAPING = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'rclt', 'calt', 'clig', 'liga', 'kern', 'mark', 'mkmk', 'curs'].map((f) => [
    f,
    false,
  ]),
);

/** The part of a parsed fontkit face that the plain layout uses and replaces. */
interface LayoutFace {
  layout(
    text: string,
    features?: unknown,
    ...rest: unknown[]
  ): { glyphs: { id: number }[]; script?: string | null; direction?: string | null };
  glyphForCodePoint(codePoint: number): { id: number };
  GSUB?: { featureList?: { tag: string }[] };
  morx?: unknown;
}

/** fontkit's scripts it lays out with its default shaper, left to right (zzzz: common characters only) */
const PLAIN_SCRIPTS = new Set(['latn', 'grek', 'cyrl', 'zzzz']);
/** never plain: the fraction slash (its neighbours take `frac`, `numr`, `dnom`), default-ignorables (hidden) */
const NEVER_PLAIN = /\p{Default_Ignorable_Code_Point}|\u2044/u;

/**
 * Gives the parsed face a layout that, for text laid out with NO_SHAPING whose every character is
 * "plain", takes each character's glyph straight from the cmap, which is what fontkit's layout
 * gives for such text, without building a shaping plan for every string: fontkit's script
 * detection, plan and feature assignment took most of the time a certificate spends on its text
 * (each drawText lays its line out). Anything else goes to fontkit's own layout.
 *
 * Plain: a character that fontkit itself, laid out alone, sets with one glyph, its cmap glyph, in
 * a script of its default left-to-right shaper (Latin, Greek, Cyrillic, or no script: digits,
 * punctuation, combining marks), checked once per character. A string of such characters gets
 * that shaper too, and with NO_SHAPING the only features left to it are the fraction ones (only
 * around the fraction slash, never plain) and rvrn, ltra, ltrm: a face whose GSUB has one of these,
 * or that shapes with AAT (morx), keeps fontkit's layout for everything. Not plain, for example:
 * Devanagari (Noto Sans has it; its shaper substitutes glyphs whatever the features).
 */
function withPlainLayout(face: LayoutFace): void {
  const always = new Set(['rvrn', 'ltra', 'ltrm']);
  if (face.morx || (face.GSUB?.featureList ?? []).some((f) => always.has(f.tag))) return;
  const shaped = face.layout.bind(face);
  const plain = new Map<number, boolean>();
  const isPlain = (cp: number): boolean => {
    let known = plain.get(cp);
    if (known === undefined) {
      known = false;
      const char = String.fromCodePoint(cp);
      if (!NEVER_PLAIN.test(char)) {
        try {
          const run = shaped(char, NO_SHAPING);
          known =
            run.glyphs.length === 1 &&
            run.glyphs[0]?.id === face.glyphForCodePoint(cp).id &&
            run.direction === 'ltr' &&
            PLAIN_SCRIPTS.has(run.script ?? '');
        } catch {
          known = false;
        }
      }
      plain.set(cp, known);
    }
    return known;
  };
  face.layout = (text, features, ...rest) => {
    if (features !== NO_SHAPING || rest.length > 0) return shaped(text, features, ...rest);
    const glyphs: { id: number }[] = [];
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (!isPlain(cp)) return shaped(text, features);
      glyphs.push(face.glyphForCodePoint(cp));
    }
    return { glyphs };
  };
}

/** Both weights embedded in `pdf`, as subsets of the glyphs the document uses. */
export async function embedDocumentFonts(pdf: PDFDocument, fonts: DocumentFontSet): Promise<EmbeddedFonts> {
  pdf.registerFontkit(fonts.engine);
  const options = { subset: true, features: NO_SHAPING };
  return {
    regular: await pdf.embedFont(fonts.bytes.regular, options),
    bold: await pdf.embedFont(fonts.bytes.bold, options),
  };
}

/**
 * `text` as the font can print it, on one line: NFC (a name typed as base + combining mark prints
 * as the registry's letter); any space becomes a plain space; control and format characters go;
 * a character the font lacks loses its diacritics if that makes it printable, else becomes "?".
 * Drawing never throws, and never shows an empty box.
 */
export function printableText(text: string, fonts: Pick<DocumentFontSet, 'covers'>): string {
  // what each character becomes depends on the character and the font only: worked out once per
  // font (the regular expressions cost more than the rest of a document's text handling)
  let known = printableChars.get(fonts.covers);
  if (!known) {
    known = new Map();
    printableChars.set(fonts.covers, known);
  }
  let out = '';
  for (const char of text.normalize('NFC')) {
    let printable = known.get(char);
    if (printable === undefined) {
      printable = printableChar(char, fonts.covers);
      known.set(char, printable);
    }
    out += printable;
  }
  return out;
}

/** What printableText makes of one character (NFC, one code point) for the font that `covers` describes. */
function printableChar(char: string, covers: (char: string) => boolean): string {
  if (/\s/u.test(char)) return ' ';
  if (/\p{Cc}|\p{Cf}/u.test(char)) return '';
  if (covers(char)) return char;
  const plain = [...char.normalize('NFKD').replace(/\p{M}/gu, '')];
  return plain.length > 0 && plain.every((c) => covers(c)) ? plain.join('') : '?';
}

/** printableText's answers, by font (its `covers`) and character */
const printableChars = new WeakMap<(char: string) => boolean, Map<string, string>>();
