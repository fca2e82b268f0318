import { describe, expect, it } from 'vitest';
import { isEarlyEntry, schoolAgeProblem, schoolYearOf } from './school-age';

describe('schoolYearOf', () => {
  it.each([
    ['2026-09-01', '2026/27'],
    ['2027-08-31', '2026/27'],
    ['2026-08-31', '2025/26'],
    ['2099-12-31', '2099/00'],
  ])('%s is in %s', (day, label) => {
    expect(schoolYearOf(day)).toBe(label);
  });
});

describe('schoolAgeProblem, school year 2026/27', () => {
  const reason = (birth: string, level: Parameters<typeof schoolAgeProblem>[1]) =>
    schoolAgeProblem(birth, level, '2026/27')?.params.reason ?? null;

  it('infanzia: 3 by 31 Dec 2026, early entry if 3 by 30 April 2027', () => {
    expect(reason('2023-12-31', 'infanzia')).toBeNull();
    expect(isEarlyEntry('2023-12-31', 'infanzia', '2026/27')).toBe(false);
    expect(reason('2024-04-30', 'infanzia')).toBeNull();
    expect(isEarlyEntry('2024-04-30', 'infanzia', '2026/27')).toBe(true);
    expect(reason('2024-05-01', 'infanzia')).toBe('too_young');
    expect(reason('2021-01-01', 'infanzia')).toBeNull();
    expect(reason('2020-12-31', 'infanzia')).toBe('too_old');
  });

  it('primaria: 6 by 31 Dec 2026 (early by 30 April 2027), at most 11 in 2026', () => {
    expect(reason('2020-12-31', 'primaria')).toBeNull();
    expect(reason('2021-04-30', 'primaria')).toBeNull();
    expect(reason('2021-05-01', 'primaria')).toBe('too_young');
    expect(reason('2015-01-01', 'primaria')).toBeNull();
    expect(reason('2014-12-31', 'primaria')).toBe('too_old');
  });

  it('secondaria di primo grado: 10 to 14 in 2026', () => {
    expect(reason('2016-12-31', 'secondaria_primo_grado')).toBeNull();
    expect(reason('2017-01-01', 'secondaria_primo_grado')).toBe('too_young');
    expect(reason('2012-01-01', 'secondaria_primo_grado')).toBeNull();
    expect(reason('2011-12-31', 'secondaria_primo_grado')).toBe('too_old');
  });

  it('the problem names the admitted birth dates for the message', () => {
    expect(schoolAgeProblem('2024-05-01', 'infanzia', '2026/27')).toEqual({
      code: 'school_age_invalid',
      params: {
        birthDate: '2024-05-01',
        level: 'infanzia',
        levelName: 'dell’infanzia',
        schoolYear: '2026/27',
        reason: 'too_young',
        earliest: '2021-01-01',
        latest: '2024-04-30',
      },
    });
  });

  it('a malformed birth date or school year is refused, not guessed', () => {
    expect(reason('2020-02-30', 'primaria')).toBe('bad_date');
    expect(schoolAgeProblem('2020-01-01', 'primaria', '2026/28')?.params.reason).toBe('bad_school_year');
  });
});
