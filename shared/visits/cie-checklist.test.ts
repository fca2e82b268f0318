import { describe, expect, it } from 'vitest';
import { CIE_STEPS, cieFeeCents } from './cie-checklist';
import { VISITS_UI } from './visits-ui';

describe('the CIE checklist at the desk', () => {
  it('charges €22.21 in 2026, the amount the booking confirmation states', () => {
    expect(cieFeeCents('2026-12-09')).toBe(2221);
  });

  it('has no fee before its first row or after a row closes', () => {
    expect(cieFeeCents('2025-12-31')).toBeNull();
    const closed = [{ validFrom: '2026-01-01', validTo: '2026-06-30', stateCents: 1679, comuneCents: 542 }];
    expect(cieFeeCents('2026-07-01', closed)).toBeNull();
    expect(cieFeeCents('2026-06-30', closed)).toBe(2221);
  });

  it('words every step in Italian and English', () => {
    for (const step of CIE_STEPS)
      for (const locale of ['it', 'en'] as const)
        expect((VISITS_UI[locale] as Record<string, string>)[`visits.cie.step.${step}`], step).toBeTruthy();
  });
});
