import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfPageCount } from './pdf-page-count';
import { A4, createA4Document, safeText, wrapText } from './pdf-layout';
import { extractPdfLines, extractPdfText, flat, overlappingLines, pdfInfo } from './pdf-test-helpers';

const createdAt = new Date('2025-03-15T09:30:00Z');

describe('safeText', () => {
  it('keeps the registry’s letters of every Latin script, the euro sign, quotes and dashes', () => {
    const text =
      'àèéìòù € dell’atto “così” – — … «» Ionuț Ștefănescu Łukasz Ëndrit Çela Řehoř İsmail ığ Nguyễn Thị Ệ';
    expect(safeText(text)).toBe(text);
  });

  it('spaces as plain spaces, control characters dropped, what the font lacks simplified or "?"', () => {
    expect(safeText('a\tb\u2009c\u202fd')).toBe('a b c d');
    expect(safeText('soft\u00adhyphen\u200b')).toBe('softhyphen');
    expect(safeText('日本 🙂')).toBe('?? ?');
    // combining accents typed separately come out as the precomposed letter
    expect(safeText('perche\u0301 S\u0326tefan')).toBe('perché Ștefan');
  });
});

describe('wrapText', () => {
  const measure = (s: string): number => s.length;

  it('fills lines greedily, never wider than the column, losing no word', () => {
    const text = 'la famiglia anagrafica è così composta da tre persone residenti';
    const lines = wrapText(text, measure, 20);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
    expect(lines).toEqual(['la famiglia', 'anagrafica è così', 'composta da tre', 'persone residenti']);
  });

  it('narrower continuation lines, hard breaks, and words longer than the column', () => {
    expect(wrapText('aa bb cc dd', measure, 5, 2)).toEqual(['aa bb', 'cc', 'dd']);
    expect(wrapText('one\ntwo', measure, 50)).toEqual(['one', 'two']);
    expect(wrapText('https://x.example/verifica/ID', measure, 10)).toEqual([
      'https://x.',
      'example/ve',
      'rifica/ID',
    ]);
  });
});

describe('createA4Document', { timeout: 30_000 }, () => {
  async function sample(paragraphs: number): Promise<Uint8Array> {
    const doc = await createA4Document({
      title: 'Chiusura di cassa – 15/03/2025',
      author: 'Comune di Casale Monferrato',
      createdAt,
      pageLabel: (page, pages) => `pagina ${page} di ${pages}`,
      runningHead: (page) => (page > 1 ? 'Chiusura di cassa (segue)' : null),
    });
    doc.heading('Chiusura di cassa');
    doc.keyValue('Sportello', 'Casale - Anagrafe 1');
    doc.keyValue(
      'Operatore',
      'Paola Ferrari, con una descrizione lunga abbastanza da andare a capo nella colonna',
    );
    doc.rule();
    for (let i = 1; i <= paragraphs; i++) {
      doc.paragraph(`Paragrafo ${i}: ricevuta n. ${i} – diritti di segreteria € 0,52 – perché sì.`);
    }
    return doc.save();
  }

  it('is an A4 PDF with the metadata given, dated at createdAt, produced by Sportello', async () => {
    const bytes = await sample(3);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getPage(0).getSize()).toEqual({ width: A4.width, height: A4.height });
    expect(pdf.getTitle()).toBe('Chiusura di cassa – 15/03/2025');
    expect(pdf.getAuthor()).toBe('Comune di Casale Monferrato');
    expect(pdf.getProducer()).toBe('Sportello');
    expect(pdf.getCreator()).toBe('Sportello');
    expect(pdf.getCreationDate()?.toISOString()).toBe(createdAt.toISOString());
    expect(pdf.getModificationDate()?.toISOString()).toBe(createdAt.toISOString());
    const { info } = await pdfInfo(bytes);
    expect(info.Language).toBe('it-IT');
  });

  it('the same calls give the same bytes', async () => {
    expect(Buffer.from(await sample(40)).equals(Buffer.from(await sample(40)))).toBe(true);
  });

  it('flows onto new pages, keeping the order, numbering every page, text never overlapping', async () => {
    const bytes = await sample(120);
    const pages = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // the count the writer recorded at save is the one a parse of the bytes gives
    expect(await pdfPageCount(bytes)).toBe(pages.length);
    expect(await pdfPageCount(bytes.slice())).toBe(pages.length);
    const all = flat(pages.join('\n'));
    let at = -1;
    for (let i = 1; i <= 120; i++) {
      const next = all.indexOf(
        `Paragrafo ${i}: ricevuta n. ${i} – diritti di segreteria € 0,52 – perché sì.`,
      );
      expect(next).toBeGreaterThan(at);
      at = next;
    }
    pages.forEach((text, i) => {
      expect(text).toContain(`pagina ${i + 1} di ${pages.length}`);
      expect(text.includes('Chiusura di cassa (segue)')).toBe(i > 0);
    });
    expect(flat(pages[0] ?? '')).toContain(
      'Operatore Paola Ferrari, con una descrizione lunga abbastanza da andare a capo nella colonna',
    );
    for (const lines of await extractPdfLines(bytes)) {
      expect(overlappingLines(lines)).toEqual([]);
      // everything inside the page, the content above the page label
      for (const l of lines) {
        expect(l.y).toBeGreaterThan(0);
        expect(l.x + l.width).toBeLessThanOrEqual(A4.width - 56 + 0.5);
      }
    }
  });

  it('pinToBottom puts the last block at the foot of the page', async () => {
    const doc = await createA4Document({ title: 't', createdAt });
    doc.paragraph('in alto');
    const height = doc.measure('in fondo');
    doc.pinToBottom(height);
    doc.paragraph('in fondo');
    expect(doc.y).toBeCloseTo(doc.margins.bottom, 5);
    expect(doc.pageCount).toBe(1);
    const [lines] = await extractPdfLines(await doc.save());
    const bottom = lines?.find((l) => l.text === 'in fondo');
    expect(bottom?.y).toBeLessThan(doc.margins.bottom + height);
  });

  it('save() finishes the document', async () => {
    const doc = await createA4Document({ title: 't', createdAt });
    await doc.save();
    await expect(doc.save()).rejects.toThrow(/already saved/);
  });
});
