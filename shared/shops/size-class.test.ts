import { describe, expect, it } from 'vitest';
import { checkVicinatoClass, vicinatoLimit } from './size-class';

describe('vicinato size class (D.Lgs. 114/1998 art. 4)', () => {
  it('in a comune under 10,000 residents (Balzola) 150 m² is vicinato and 150.01 m² is not', () => {
    expect(checkVicinatoClass('A605', '2026-10-20', 150)).toEqual({
      ok: true,
      limitM2: 150,
      salesAreaM2: 150,
    });
    expect(checkVicinatoClass('A605', '2026-10-20', 150.01)).toEqual({
      ok: false,
      limitM2: 150,
      salesAreaM2: 150.01,
      reason: 'media_struttura',
    });
  });

  it('in Casale (about 32,300 residents) 250 m² is vicinato and 250.01 m² is a media struttura', () => {
    expect(checkVicinatoClass('B885', '2026-10-20', 250).ok).toBe(true);
    expect(checkVicinatoClass('B885', '2026-10-20', 250.01).ok).toBe(false);
    expect(vicinatoLimit('B885', '2026-10-20')).toEqual({
      limitM2: 250,
      residents: 32_282,
      residentsStatus: 'V',
    });
  });

  it('uses the population in force on the date, and takes a comune without data as small', () => {
    expect(vicinatoLimit('B885', '2015-01-01').residents).toBe(34_812);
    expect(vicinatoLimit('Z999', '2026-10-20')).toMatchObject({ limitM2: 150, residentsStatus: 'U' });
  });
});
