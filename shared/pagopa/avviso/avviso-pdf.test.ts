import { describe, expect, it } from 'vitest';
import { extractPdfText, flat } from '../../../electron/desk/documents/pdf-test-helpers';
import { pdfPageCount } from '../../../electron/desk/documents/pdf-page-count';
import { readAvvisoCodes } from '../../../test-support/avviso-readback';
import { generateNoticeNumber } from '../notice-number';
import { avvisoModelSchema, type AvvisoModel } from './avviso-model';
import { avvisiPdf, avvisoPdf } from './avviso-pdf';
import { readPosteDataMatrix } from './poste-datamatrix';
import { documentFonts } from '../../../resources/fonts/load-document-fonts';

const fonts = documentFonts();

const notice = (base: number): string => {
  const n = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base });
  if (!n.ok) throw new Error(n.error.message.en);
  return n.value.noticeNumber;
};

const ENTE_CF = '00190540062';

const single: AvvisoModel = {
  ente: {
    fiscalCode: ENTE_CF,
    name: 'Comune di Casale Monferrato',
    settore: 'Servizio Tributi',
    cbill: null,
    info: ['www.comune.casale-monferrato.al.it', 'tributi@comune.casale-monferrato.al.it - 0142 444 111'],
  },
  recipient: {
    fiscalCode: 'RSSMRA72L09H501S',
    name: 'Mario Rossi',
    address: 'Via Roma 12, 15033 Casale Monferrato (AL)',
  },
  subject: 'TARI 2026 - utenza domestica',
  single: { noticeNumber: notice(1), amountCents: 23_450, dueDate: '2026-12-16' },
  instalments: [],
  postal: null,
};

const instalments: AvvisoModel = {
  ...single,
  ente: { ...single.ente, cbill: 'AB12C' },
  subject: 'Canone unico 2027 - dehors Via Roma',
  single: null,
  instalments: [
    { noticeNumber: notice(11), amountCents: 34_906, dueDate: '2027-01-31' },
    { noticeNumber: notice(12), amountCents: 34_906, dueDate: '2027-04-30' },
    { noticeNumber: notice(13), amountCents: 34_905, dueDate: '2027-07-31' },
  ],
};

const qrOf = (n: string, cents: number): string => `PAGOPA|002|${n}|${ENTE_CF}|${cents}`;

// each test renders pages and scans them for codes: seconds on a shared 2-core machine
describe('avvisoPdf', { timeout: 30_000 }, () => {
  it('a single payment: one page; the QR reads back as the notice, the ente and the amount', async () => {
    const pdf = await avvisoPdf(single, fonts);
    expect(await pdfPageCount(pdf)).toBe(1);
    const [page] = await readAvvisoCodes(pdf, 1);
    expect(page?.qr).toEqual([qrOf(notice(1), 23_450)]);
    expect(page?.dataMatrix).toEqual([]);
    const text = flat((await extractPdfText(pdf)).join('\n'));
    expect(text).toContain('TARI 2026 - utenza domestica');
    expect(text).toContain('Comune di Casale Monferrato');
    expect(text).toContain('RSSMRA72L09H501S');
    expect(text).toContain('€ 234,50 entro il 16/12/2026');
    expect(text).toContain('RATA UNICA');
    // §6.1: printed in blocks of 4
    expect(text).toContain('3010 0000 0000 0001 44');
    expect(text).toContain(ENTE_CF);
    expect(text).not.toContain('BOLLETTINO POSTALE PA');
  });

  it('three instalments: a tear-off part each, its own QR, over two pages', async () => {
    const pdf = await avvisoPdf(instalments, fonts);
    expect(await pdfPageCount(pdf)).toBe(2);
    const codes = await readAvvisoCodes(pdf, 2);
    expect(codes.flatMap((p) => p.qr)).toEqual(
      instalments.instalments.map((i) => qrOf(i.noticeNumber, i.amountCents)),
    );
    const text = flat((await extractPdfText(pdf)).join('\n'));
    expect(text).toContain('in 3 rate per € 1.047,17, la prima entro il 31/01/2027');
    expect(text).toContain('RATA 1 DI 3');
    expect(text).toContain('RATA 3 DI 3');
    expect(text).toContain('AB12C');
    expect(text).not.toContain('RATA UNICA');
  });

  it('with a postal account: a bollettino PA under each part, its Data Matrix read back', async () => {
    const model: AvvisoModel = {
      ...single,
      recipient: { ...single.recipient, name: 'Niccolò Rossi' },
      postal: {
        accountNumber: '12345678',
        holder: 'Comune di Casale Monferrato - Servizio Tesoreria',
        authorisation: 'Aut. n. DEMO/2026 del 01/01/2026',
      },
    };
    const pdf = await avvisoPdf(model, fonts);
    const pages = await pdfPageCount(pdf);
    const codes = await readAvvisoCodes(pdf, pages);
    const [dm] = codes.flatMap((p) => p.dataMatrix);
    expect(dm).toHaveLength(256);
    expect(dm?.startsWith(`codfase=NBPA;18${notice(1)}12000012345678100000023450`)).toBe(true);
    expect(dm).toContain('NICCOLO ROSSI');
    expect(readPosteDataMatrix(dm ?? '')).toEqual({
      noticeNumber: notice(1),
      postalAccount: '000012345678',
      amountCents: 23_450,
      enteFiscalCode: ENTE_CF,
    });
    expect(codes.flatMap((p) => p.qr)).toEqual([qrOf(notice(1), 23_450)]);
    const text = flat((await extractPdfText(pdf)).join('\n'));
    expect(text).toContain('BOLLETTINO POSTALE PA');
    expect(text).toContain('sul C/C n. 12345678');
    expect(text).toContain('Niccolò Rossi');
  });

  it('50 notices in bulk: each from a page of its own', async () => {
    const models = Array.from({ length: 50 }, (_, i) => ({
      ...single,
      single: { noticeNumber: notice(100 + i), amountCents: 1_000 + i, dueDate: '2026-12-16' },
    }));
    const pdf = await avvisiPdf(models, fonts);
    expect(await pdfPageCount(pdf)).toBe(50);
    const mixed = await avvisiPdf([single, instalments, single], fonts);
    expect(await pdfPageCount(mixed)).toBe(4);
  });

  it('is deterministic: the same model gives the same bytes', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    expect(await avvisoPdf(single, fonts, { issuedAt: at })).toEqual(
      await avvisoPdf(single, fonts, { issuedAt: at }),
    );
  });
});

describe('avvisoModelSchema', () => {
  const refused = (model: unknown): string[] => {
    const r = avvisoModelSchema.safeParse(model);
    return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
  };

  it('accepts the examples', () => {
    expect(refused(single)).toEqual([]);
    expect(refused(instalments)).toEqual([]);
  });

  it('refuses an amount of 0, a 19-digit notice, a CF ente of 10 characters', () => {
    expect(refused({ ...single, single: { ...single.single, amountCents: 0 } })).toEqual([
      'single.amountCents',
    ]);
    expect(refused({ ...single, single: { ...single.single, noticeNumber: `${notice(1)}0` } })).toEqual([
      'single.noticeNumber',
    ]);
    expect(refused({ ...single, ente: { ...single.ente, fiscalCode: '0019054006' } })).toEqual([
      'ente.fiscalCode',
    ]);
  });

  it('refuses wrong check digits, one lone instalment, a repeated notice, no payment option', async () => {
    expect(refused({ ...single, single: { ...single.single, noticeNumber: '301000000000000145' } })).toEqual([
      'single.noticeNumber',
    ]);
    const [first, second] = instalments.instalments;
    expect(refused({ ...instalments, instalments: [first] })).toEqual(['instalments']);
    expect(refused({ ...instalments, instalments: [first, first] })).toEqual(['instalments']);
    expect(refused({ ...single, single: null })).toEqual(['single']);
    expect(refused({ ...instalments, instalments: [first, second], subject: 'x'.repeat(61) })).toEqual([
      'subject',
    ]);
    await expect(
      avvisoPdf({ ...single, single: { ...single.single!, amountCents: 0 } }, fonts),
    ).rejects.toThrow(RangeError);
  });
});
