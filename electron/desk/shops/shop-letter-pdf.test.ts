import { describe, expect, it } from 'vitest';
import { shopRecord } from '../../../shared/shops/test-fixtures';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';
import { renderSciaLetter, type LetterContext } from './shop-letter-pdf';

const shop = shopRecord({
  scia: {
    caseId: 'case-1',
    filingId: 'filing-1',
    event: 'apertura',
    filedOn: '2026-10-20',
    dueDate: '2026-12-19',
    outcome: 'pending',
    conformBy: null,
    decidedOn: null,
  },
});
const context: LetterContext = {
  comuneName: 'Casale Monferrato',
  sciaProtocol: '2026/0000123',
  reason: 'manca la planimetria dei locali',
  conformBy: '2026-12-02',
  issuedAt: new Date('2026-11-02T10:00:00Z'),
  issuedOn: '2026-11-02',
  signedBy: 'supervisore.casale',
};
const textOf = async (pdf: Uint8Array) => flat((await extractPdfText(pdf)).join('\n'));

describe('SCIA outcome letters', { timeout: 30_000 }, () => {
  it('the invitation to conform names the SCIA, what is missing and the date to conform by', async () => {
    const text = await textOf(await renderSciaLetter('invito', shop, context));
    expect(text).toContain('Invito a conformare');
    expect(text).toContain('SCIA prot. n. 2026/0000123 del 20/10/2026');
    expect(text).toContain('manca la planimetria dei locali');
    expect(text).toContain('entro il 02/12/2026');
  });

  it('the prohibition orders the activity to stop and says how to appeal; "conforme" lets it continue', async () => {
    const stop = await textOf(await renderSciaLetter('divieto', shop, context));
    expect(stop).toContain('Divieto di prosecuzione');
    expect(stop).toContain('Bottega Ferraris');
    expect(stop).toContain('TAR');
    const ok = await textOf(await renderSciaLetter('conforme', shop, { ...context, conformBy: null }));
    expect(ok).toContain('risulta conforme');
    expect(ok).toContain('Ferraris Anna');
  });
});
