import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { CanoneApplicationRecord } from '../../../shared/canone/canone-wire';
import { canoneFee } from '../../../shared/canone/fee';
import { extractPdfText, flat, renderPdfPage } from '../documents/pdf-test-helpers';
import type { RgbaImage } from '../documents/qr-matrix';
import { renderConcession, renderRefusalNotice } from './canone-pdf';

const URL = 'https://hub.example.it/verify/canone/CUS-B885-2026-000007?k=7KQ3ZP9M';
const decode = (image: RgbaImage) => jsQR(image.data, image.width, image.height)?.data ?? null;

const fee = canoneFee({
  comune: 'B885',
  category: 'dehors',
  regime: 'temporary',
  zone: '1',
  measure: 12,
  start: '2026-06-01',
  end: '2026-08-29',
});
if (!fee.ok) throw new Error('the worked example must price');

/** DOMAIN.md §5.4's dehors, granted with one code-47 notice. */
const granted: CanoneApplicationRecord = {
  id: 'a-1',
  comune: 'B885',
  caseId: 'c-1',
  procedureCode: 'occupazione_suolo_pubblico',
  protocol: { number: { year: 2026, number: 42 }, registeredAt: '2026-05-04T09:10:00' },
  applicant: {
    kind: 'company',
    partitaIva: '02345670067',
    name: 'Bar Roma di Rossi & C. s.n.c.',
    codiceFiscale: null,
    seat: 'Via Roma 5, Casale Monferrato',
    pec: 'barroma@pec.example.it',
  },
  site: { streetType: 'Via', streetName: 'Roma', civic: '5' },
  zone: '1',
  purpose: 'Tavoli e ombrelloni del bar',
  category: 'dehors',
  regime: 'temporary',
  measure: 12,
  start: '2026-06-01',
  end: '2026-08-29',
  hours: null,
  ownSign: false,
  trafficAffected: false,
  quotedFeeCents: 104_717,
  fee: { ...fee.value, lines: fee.value.lines.map((l) => ({ ...l })) },
  status: 'approved',
  statusReason: null,
  concession: {
    number: 'CUS-B885-2026-000007',
    verificationKey: '7KQ3ZP9M',
    validFrom: '2026-06-01',
    validTo: '2026-08-29',
    decidedOn: '2026-05-12',
    decidedBy: 'supervisore.casale',
  },
  notices: [
    {
      noticeNumber: '347000000000000124',
      iuv: '47000000000000124',
      year: 2026,
      instalment: 1,
      of: 1,
      amountCents: 104_717,
      dueDate: '2026-06-11',
      status: 'open',
    },
  ],
  policeRequested: false,
  submittedAt: '2026-05-04T09:00:00',
  submittedBy: 'anagrafe.casale',
  revokedAt: null,
};

describe('canone PDFs', { timeout: 30_000 }, () => {
  it('the concession names holder, place, measure, period, fee with its breakdown and the notice; its QR reads back', async () => {
    const pdf = await renderConcession(granted, {
      comuneName: 'Casale Monferrato',
      verificationUrl: URL,
      protocol: '2026/0000042',
    });
    const text = flat((await extractPdfText(pdf)).join('\n'));
    expect(text).toContain('CONCESSIONE DI OCCUPAZIONE DI SUOLO PUBBLICO');
    expect(text).toContain('n. CUS-B885-2026-000007 del 12/05/2026');
    expect(text).toContain('protocollo n. 2026/0000042');
    expect(text).toContain('Bar Roma di Rossi & C. s.n.c. (P.IVA 02345670067)');
    expect(text).toContain('Via Roma 5 (zona 1)');
    expect(text).toContain('12 m²');
    expect(text).toContain('temporanea dal 01/06/2026 al 29/08/2026');
    expect(text).toContain('€ 1.047,17');
    expect(text).toContain('0,808');
    expect(text).toContain('347000000000000124 – € 1.047,17 entro il 11/06/2026');
    expect(decode(await renderPdfPage(pdf, 1, 2))).toBe(URL);
    // the same record prints the same bytes (no clock is read)
    const again = await renderConcession(granted, {
      comuneName: 'Casale Monferrato',
      verificationUrl: URL,
      protocol: '2026/0000042',
    });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('the art. 10-bis letter lists the reasons and gives ten days for observations', async () => {
    const pdf = await renderRefusalNotice(
      { ...granted, status: 'submitted', concession: null, notices: [] },
      {
        comuneName: 'Casale Monferrato',
        protocol: '2026/0000042',
        reasons:
          'Il marciapiede è largo 1,5 m: il passaggio dei pedoni non resta libero\nManca la planimetria',
        writtenOn: '2026-05-20',
        clerk: 'supervisore.casale',
      },
    );
    const text = flat((await extractPdfText(pdf)).join('\n'));
    expect(text).toContain('art. 10-bis della legge 7 agosto 1990, n. 241');
    expect(text).toContain('protocollo n. 2026/0000042');
    expect(text).toContain('– Il marciapiede è largo 1,5 m');
    expect(text).toContain('– Manca la planimetria');
    expect(text).toContain('dieci giorni');
    expect(text).toContain('PEC: barroma@pec.example.it');
  });
});
