import * as fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../electron/desk/documents/pdf-test-helpers';
import { documentFonts } from '../../resources/fonts/load-document-fonts';
import { defaultDemoPlan, generateRegistry } from '../../resources/demo/generate-registry';
import { FIXTURE_HOUSEHOLDS } from '../../test-support/registry-fixture';
import {
  embedDocumentFonts,
  FontCoverageError,
  loadDocumentFonts,
  missingCharacters,
  NO_SHAPING,
  printableText,
  REGISTRY_REPERTOIRE,
} from './document-fonts';

/** One name from each script the registry may hold, as typed (some in decomposed form). */
export const NAMES_OF_EVERY_SCRIPT = [
  'Ștefănescu Ionuț Mădălina Țîrcă', // Romanian: comma below, breve, circumflex
  'Wąsowska Małgorzata Łukasz Źdźbło Ćwiek Ńasz Śródka Żółć', // Polish
  'Çela Arbër Dhëmbi Ëngjëll', // Albanian
  'Dvořák Jiří Šťěpánek Žůžek Čeněk', // Czech
  'Yıldız Ayşe Ağaoğlu İsmail Şahin Öztürk Güler', // Turkish, dotted and dotless i
  'Nguyễn Thị Hồng Nhung Trần Ệ Phạm Ở Lê Hữu Trường', // Vietnamese, stacked diacritics
  "D'Amico Nicolò Dell’Acqua Perché", // Italian
  'Kovac\u030cevic\u0301 S\u0326tefan', // typed with combining marks: NFC gives Kovačević Ștefan
];

const fonts = documentFonts();

describe('the documents’ font', () => {
  it('prints every character of the demo and the fixture registries’ names and addresses', () => {
    const texts: string[] = [];
    const households = [...generateRegistry({ seed: 1, comuni: defaultDemoPlan() }), ...FIXTURE_HOUSEHOLDS];
    for (const h of households) {
      const a = h.family.address;
      texts.push(a.streetType, a.streetName, a.houseNumber, a.interior, a.frazione);
      for (const m of h.members) texts.push(m.surname, m.givenNames, m.birthPlaceName);
    }
    const all = texts.join(' ');
    expect(all).toContain('Ștefănescu');
    expect(all).toContain('Nguyễn');
    expect(missingCharacters(all, fonts.covers)).toEqual([]);
    expect(missingCharacters(NAMES_OF_EVERY_SCRIPT.join(' '), fonts.covers)).toEqual([]);
  }, 120_000);

  it('demands of a font every character the registry’s names hold, upper case included', () => {
    // A font is refused at import for any character of the repertoire it lacks: so every
    // character of a name must be in it, or a font without it would be accepted and print "?".
    const demanded = new Set(REGISTRY_REPERTOIRE);
    const outside = (text: string): string[] =>
      missingCharacters(`${text} ${text.toUpperCase()}`, (c) => demanded.has(c));
    const households = [
      ...generateRegistry({ seed: 3, comuni: defaultDemoPlan(20_000) }),
      ...FIXTURE_HOUSEHOLDS,
    ];
    const names = households.flatMap((h) => h.members.flatMap((m) => [m.surname, m.givenNames]));
    expect(outside(names.join(' '))).toEqual([]);
    expect(outside(NAMES_OF_EVERY_SCRIPT.join(' '))).toEqual([]);
  }, 120_000);

  it('covers the whole repertoire a registry name may hold', () => {
    expect(missingCharacters(REGISTRY_REPERTOIRE.join(''), fonts.covers)).toEqual([]);
  });

  it('refuses a font that cannot print the registry’s names, naming the missing characters', () => {
    // Roboto Mono's Latin subset (a dev dependency, the UI's monospace): no ș, ł, ř, ğ, ệ…
    const require = createRequire(import.meta.url);
    const latinOnly = readFileSync(
      require.resolve('@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff'),
    );
    let refusal: unknown;
    try {
      loadDocumentFonts({ regular: latinOnly, bold: latinOnly });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(FontCoverageError);
    const missing = (refusal as FontCoverageError).missing;
    for (const c of ['ș', 'ț', 'ł', 'ř', 'ğ', 'ệ']) expect(missing).toContain(c);
    expect(missing).not.toContain('à');
    expect((refusal as Error).message).toContain(
      'cannot print 423 required character(s): Ā U+0100, ā U+0101',
    );
  });

  it('printable text: NFC, plain spaces, and "?" only for what no Latin font would hold', () => {
    expect(printableText('Kovac\u030cevic\u0301\u00a0S\u0326tefan', fonts)).toBe('Kovačević Ștefan');
    expect(printableText('北京 🙂\u0007', fonts)).toBe('?? ?');
  });

  it('turns Indic scripts into "?" although the font has their glyphs: fontkit cannot shape them', async () => {
    expect(printableText('Anita नमस्ते\u0953', fonts)).toBe('Anita ???????');
    const pdf = await PDFDocument.create();
    const { regular } = await embedDocumentFonts(pdf, fonts);
    pdf.addPage().drawText(printableText('Anita नमस्ते', fonts), { x: 20, y: 800, size: 9, font: regular });
    const [text] = await extractPdfText(await pdf.save());
    expect(text).toBe('Anita ??????');
  });

  it('round-trips every script through a PDF: the extracted text is the name, NFC', async () => {
    const pdf = await PDFDocument.create();
    const { regular, bold } = await embedDocumentFonts(pdf, fonts);
    const page = pdf.addPage();
    NAMES_OF_EVERY_SCRIPT.forEach((name, i) =>
      page.drawText(printableText(name, fonts), {
        x: 20,
        y: 800 - 20 * i,
        size: 9,
        font: i % 2 ? bold : regular,
      }),
    );
    // the widths line breaking uses are pdf-lib's own
    for (const name of NAMES_OF_EVERY_SCRIPT) {
      const t = printableText(name, fonts);
      expect(fonts.widthOf(t, 9)).toBeCloseTo(regular.widthOfTextAtSize(t, 9), 6);
      expect(fonts.widthOf(t, 11, true)).toBeCloseTo(bold.widthOfTextAtSize(t, 11), 6);
    }
    const [text] = await extractPdfText(await pdf.save());
    expect(text?.split('\n')).toEqual(NAMES_OF_EVERY_SCRIPT.map((n) => n.normalize('NFC')));
  });

  it('lays text out with the glyphs fontkit’s own layout gives it, shaping features off', () => {
    // the shared faces skip fontkit's shaping plan for plain text (Latin, Greek, Cyrillic, common
    // characters); a freshly parsed face lays everything out through fontkit's layout engine
    for (const weight of ['regular', 'bold'] as const) {
      const shared = fonts.engine.create(fonts.bytes[weight]);
      const fresh = fontkit.create(fonts.bytes[weight]);
      const ids = (face: typeof fresh, text: string): string => {
        try {
          return face
            .layout(text, NO_SHAPING)
            .glyphs.map((g) => g.id)
            .join(' ');
        } catch (e) {
          return String(e); // fontkit's Indic shaper fails (Devanagari): it must fail the same way
        }
      };
      let seed = 7;
      const pick = <T>(list: readonly T[]): T => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return list[seed % list.length] as T;
      };
      const everyChar = fresh.characterSet.map((cp) => String.fromCodePoint(cp));
      const texts = [
        ...everyChar,
        ...NAMES_OF_EVERY_SCRIPT.map((n) => printableText(n, fonts)),
        REGISTRY_REPERTOIRE.join(''),
        'Ἀθῆναι Москва 1⁄2 ½ fi ffl a\u200bb x\ufe00y क्षि',
        ...Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => pick(everyChar)).join('')),
        ...Array.from({ length: 1000 }, () =>
          Array.from({ length: 10 }, () => pick(REGISTRY_REPERTOIRE)).join(''),
        ),
      ];
      for (const text of texts)
        expect(ids(shared, text), `${weight} ${JSON.stringify(text)}`).toBe(ids(fresh, text));
    }
  }, 60_000);

  it('one parsed font serves many documents without one document spoiling the next one’s text', async () => {
    const printed = async (line: string): Promise<string | undefined> => {
      const pdf = await PDFDocument.create();
      const { regular } = await embedDocumentFonts(pdf, fonts);
      pdf.addPage().drawText(line, { x: 20, y: 800, size: 9, font: regular });
      return (await extractPdfText(await pdf.save()))[0];
    };
    // composite letters: their subset pulls in "ı", "Z" and "E" as parts
    expect(await printed('Jiří Žůžek Ěí ì')).toBe('Jiří Žůžek Ěí ì');
    expect(await printed('Yıldız ZE')).toBe('Yıldız ZE');
  });
});
