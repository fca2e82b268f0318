import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  compareWaiting,
  criteriaOn,
  parseHoursCsv,
  sadCoPaymentCents,
  waitingPoints,
} from './sad-rules';
import {
  checkRequester,
  checkSocialIsee,
  iseeBandOn,
  paymentSchedule,
  stopPaymentsFrom,
} from './social-rules';

const requester = {
  role: 'amministratore_sostegno' as const,
  personId: null,
  surname: 'Bianchi',
  givenNames: 'Luca',
  codiceFiscale: 'bnclcu70a01b885x',
  decree: 'Trib. Vercelli, decreto n. 45/2026',
};

describe('contributo economico rules', () => {
  it('asks a support administrator for the appointing decree, and nobody else', () => {
    expect(checkRequester(requester)).toMatchObject({
      ok: true,
      value: { codiceFiscale: 'BNCLCU70A01B885X' },
    });
    expect(checkRequester({ ...requester, decree: null })).toMatchObject({
      ok: false,
      refusal: { code: 'social_decree_missing', params: { role_it: 'amministratore di sostegno' } },
    });
    expect(checkRequester({ ...requester, role: 'family', decree: null }).ok).toBe(true);
  });

  it('schedules one payment a month from the start day, and stops those due from a death on', () => {
    const s = paymentSchedule(30_000, '2026-12-15', '2027-03-10');
    expect(s.ok && s.value.map((p) => [p.month, p.dueOn])).toEqual([
      ['2026-12', '2026-12-15'],
      ['2027-01', '2027-01-01'],
      ['2027-02', '2027-02-01'],
      ['2027-03', '2027-03-01'],
    ]);
    if (!s.ok) return;
    expect(stopPaymentsFrom(s.value, '2027-01-20').map((p) => p.status)).toEqual([
      'scheduled',
      'scheduled',
      'stopped',
      'stopped',
    ]);
  });

  it('refuses zero, a ceiling-breaking amount, a reversed or too long period', () => {
    expect(paymentSchedule(0, '2026-12-01', '2027-01-01')).toMatchObject({
      refusal: { code: 'social_amount_invalid' },
    });
    expect(paymentSchedule(200_001, '2026-12-01', '2027-01-01')).toMatchObject({
      refusal: { code: 'social_amount_invalid' },
    });
    expect(paymentSchedule(100, '2027-01-01', '2026-12-01')).toMatchObject({
      refusal: { code: 'social_period_invalid' },
    });
    expect(paymentSchedule(100, '2026-01-01', '2027-01-01')).toMatchObject({
      refusal: { code: 'social_period_invalid' },
    });
  });

  it('refuses an ISEE with a fraction of a cent or negative, and warns when it expired', () => {
    const isee = {
      type: 'ordinario' as const,
      valueCents: 600_000,
      dsuProtocol: 'INPS-ISEE-2026-000012345-00',
      issuedOn: '2026-02-01',
      expiresOn: '2026-12-31',
    };
    expect(checkSocialIsee(isee).ok).toBe(true);
    expect(checkSocialIsee({ ...isee, valueCents: -1 })).toMatchObject({
      refusal: { code: 'social_isee_invalid' },
    });
    expect(checkSocialIsee({ ...isee, valueCents: 600_000.5 })).toMatchObject({
      refusal: { code: 'social_isee_invalid' },
    });
    const checked = checkSocialIsee(isee);
    if (!checked.ok) return;
    expect(iseeBandOn(checked.value, '2026-12-31').iseeCents).toBe(600_000);
    const expired = iseeBandOn(checked.value, '2027-01-01');
    expect(expired.iseeCents).toBeNull();
    expect(expired.band.warning).toContain('scaduta');
  });
});

describe('SAD rules', () => {
  it('refuses a plan with zero hours, four operators or no task', () => {
    expect(checkPlan(0, 1, ['spesa'])).toMatchObject({ refusal: { code: 'sad_hours_zero' } });
    expect(checkPlan(2.1, 1, ['spesa'])).toMatchObject({ refusal: { code: 'sad_hours_zero' } });
    expect(checkPlan(4, 4, ['spesa'])).toMatchObject({ refusal: { code: 'sad_operators_invalid' } });
    expect(checkPlan(4, 2, [])).toMatchObject({ refusal: { code: 'sad_tasks_missing' } });
    expect(checkPlan(4.25, 2, ['igiene_personale']).ok).toBe(true);
  });

  it('bills hours × per-operator rate × operators (Cassano: €5.00 an hour, two operators, 10.5 h → €105.00)', () => {
    expect(sadCoPaymentCents(10.5, 500, 2)).toBe(10_500);
    expect(sadCoPaymentCents(12, 0, 1)).toBe(0);
  });

  it('orders the waiting list by points, then by date', () => {
    const c = criteriaOn('B885', '2026-12-06');
    expect(c).not.toBeNull();
    if (!c) return;
    const alone = waitingPoints(c, {
      livesAlone: true,
      age: 86,
      disability: { invalidityPct: 100, l104: 'art3c3', accompanyingAllowance: true },
      iseeCents: 500_000,
    });
    expect(alone.reduce((n, p) => n + p.points, 0)).toBe(30 + 20 + 25 + 15 + 10);
    const list = [
      { id: 'b', points: 30, since: '2026-10-01' },
      { id: 'a', points: 30, since: '2026-09-01' },
      { id: 'c', points: 100, since: '2026-11-01' },
    ].sort(compareWaiting);
    expect(list.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('reads the provider’s hours file and reports every bad line by number', () => {
    const csv = [
      'mese;codice fiscale;ore;operatori',
      '2026-11;RSSMRA40A01B885Z;10,5;1',
      '2026-11;RSSMRA40A01B885Z;3;1',
      '2026-10;BNCLCU70A01B885X;3;1',
      '2026-11;XX;3;1',
      '2026-11;VRDGPP30A01B885Y;0;1',
      '2026-11;VRDGPP30A01B885Y;2;4',
      '2026-11;VRDGPP30A01B885Y;2',
      '2026-11;VRDGPP30A01B885Y;7.25;2',
    ].join('\n');
    const r = parseHoursCsv(csv, '2026-11');
    expect(r.rows).toEqual([
      { line: 2, month: '2026-11', codiceFiscale: 'RSSMRA40A01B885Z', hours: 10.5, operators: 1 },
      { line: 9, month: '2026-11', codiceFiscale: 'VRDGPP30A01B885Y', hours: 7.25, operators: 2 },
    ]);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
