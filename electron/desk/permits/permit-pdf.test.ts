import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { cudeRecord, permitRecord } from '../../../shared/permits/test-fixtures';
import { extractPdfText, flat, renderPdfPage } from '../documents/pdf-test-helpers';
import type { RgbaImage } from '../documents/qr-matrix';
import { renderPermitA4, renderPermitCard } from './permit-pdf';

const URL = 'https://hub.example.it/verify/permit/PRM-B885-A2-2026-000042?k=7KQ3ZP9M';
const context = {
  comuneName: 'Casale Monferrato',
  verificationUrl: URL,
  issuedAt: new Date('2026-12-06T10:00:00Z'),
};

const decode = (image: RgbaImage) => jsQR(image.data, image.width, image.height)?.data ?? null;

describe('permit PDFs', { timeout: 30_000 }, () => {
  it('the A4 sheet carries kind, number, plate, validity and a QR that reads back the verification address', async () => {
    const pdf = await renderPermitA4(permitRecord({ number: 'PRM-B885-A2-2026-000042' }), context);
    const text = flat((await extractPdfText(pdf)).join('\n'));
    expect(text).toContain('PERMESSO ZTL – RESIDENTI');
    expect(text).toContain('n. PRM-B885-A2-2026-000042');
    expect(text).toContain('AB123CD');
    expect(text).toContain('01/04/2025');
    expect(text).toContain('31/03/2027');
    const page = await renderPdfPage(pdf, 1, 2);
    expect(decode(page)).toBe(URL);
  });

  it('the card is ID-1 sized and its QR reads back too', async () => {
    const pdf = await renderPermitCard(permitRecord({ number: 'PRM-B885-A2-2026-000042' }), context);
    const page = await renderPdfPage(pdf, 1, 5);
    // 85.6 × 54 mm at 5 px per point
    expect(Math.round(page.width / 5 / (72 / 25.4))).toBe(86);
    expect(Math.round(page.height / 5 / (72 / 25.4))).toBe(54);
    expect(decode(page)).toBe(URL);
  });

  it('a CUDE prints neither the ASL reference nor its holder on the card', async () => {
    const cude = cudeRecord('c-1', ['AA111AA', 'BB222BB'], { aslRef: 'ASL AL 2024/123' });
    for (const render of [renderPermitA4, renderPermitCard]) {
      const text = flat((await extractPdfText(await render(cude, context))).join('\n'));
      expect(text).not.toContain('ASL');
      expect(text).not.toContain('2024/123');
      expect(text).toContain('AA111AA');
    }
    const card = flat((await extractPdfText(await renderPermitCard(cude, context))).join('\n'));
    expect(card).not.toContain('Verdi');
  });
});
