import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { cents, euros } from '../money/cents';
import { amountDue, type AmountDue, type AmountDueOptions, type Fine } from './amount-due';
import { describeAmountDue } from './fine-messages';
import { FINE_RULES } from './fine-rules';
import type { FineResult } from './fine-errors';
import { VIOLATION_TARIFFS, type ViolationTariff } from './tariffs';

function due(fine: Fine, onDate: string, options?: AmountDueOptions): AmountDue {
  const r = amountDue(fine, onDate, options);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.reason}`);
  return r.value;
}

const reasonOf = <T>(r: FineResult<T>): string => (r.ok ? 'ok' : r.error.reason);

/** speeding 10-40 km/h (art. 142 c.8): 173-694 in 2019-2025 */
const speeding = (deliveredOn: string, extra: Partial<Fine> = {}): Fine => ({
  violationId: 'speeding-10-40',
  violationDate: deliveredOn,
  notification: { mode: 'hand', deliveredOn },
  ...extra,
});

describe('amountDue: the three phases of art. 202-203 CdS', () => {
  // Monday 3 March 2025: day 5 is Saturday 8 March (a working day), day 60 is Friday 2 May.
  const fine = speeding('2025-03-03');

  it.each([
    ['day 0 (notification day)', '2025-03-03', 'reduced', 12110, '2025-03-08'],
    ['day 5', '2025-03-08', 'reduced', 12110, '2025-03-08'],
    ['day 6', '2025-03-09', 'minimum', 17300, '2025-05-02'],
    ['day 60', '2025-05-02', 'minimum', 17300, '2025-05-02'],
    ['day 61', '2025-05-03', 'half-maximum', 34700, null],
  ])('%s: %s → %s %i', (_label, onDate, phase, base, deadline) => {
    const d = due(fine, onDate);
    expect(d.phase).toBe(phase);
    expect(d.baseCents).toBe(base);
    expect(d.totalCents).toBe(base);
    expect(d.deadline).toBe(deadline);
  });

  it('gives the next threshold: "until 3 December: €121.10, then €173.00"', () => {
    const d = due(speeding('2025-11-28'), '2025-11-28');
    expect(d.deadline).toBe('2025-12-03');
    expect(d.nextThreshold).toEqual({
      from: '2025-12-04',
      phase: 'minimum',
      baseCents: 17300,
      totalCents: 17300,
    });
    expect(describeAmountDue(d, 'en')).toBe('until 3 December 2025: €121.10, then €173.00');
    expect(describeAmountDue(d, 'it')).toBe('fino al 3 dicembre 2025: € 121,10, poi € 173,00');
    const late = due(speeding('2025-11-28'), '2026-03-01');
    expect(late.nextThreshold).toBeNull();
    expect(describeAmountDue(late, 'it')).toBe(
      '€ 347,00 (metà del massimo, art. 203 c.3 CdS), oltre eventuali maggiorazioni',
    );
    expect(late.warnings).toContain('surcharges_not_included');
  });

  it('lists every window for the counter display (DOMAIN.md §4.5)', () => {
    expect(due(fine, '2025-03-03').schedule).toEqual([
      { phase: 'reduced', from: null, until: '2025-03-08', baseCents: 12110, totalCents: 12110 },
      { phase: 'minimum', from: '2025-03-09', until: '2025-05-02', baseCents: 17300, totalCents: 17300 },
      { phase: 'half-maximum', from: '2025-05-03', until: null, baseCents: 34700, totalCents: 34700 },
    ]);
  });

  it('treats a payment before the notification day as within the first window', () => {
    const f = speeding('2025-03-03', { notification: { mode: 'post', deliveredOn: '2025-03-10' } });
    expect(due(f, '2025-03-05').phase).toBe('reduced');
  });
});

describe('deadlines falling on holidays move to the next working day', () => {
  it('DOMAIN.md §4.1: notified Saturday 20 Dec → 5th day 25th → 26th holiday → 27th', () => {
    const f = speeding('2025-12-20');
    expect(due(f, '2025-12-20').deadline).toBe('2025-12-27');
    expect(due(f, '2025-12-27').phase).toBe('reduced');
    expect(due(f, '2025-12-28').phase).toBe('minimum');
  });

  it('moves to Monday when Saturday is configured as non-working', () => {
    const options = { calendar: { saturdayIsWorkingDay: false } };
    expect(due(speeding('2025-12-20'), '2025-12-20', options).deadline).toBe('2025-12-29');
    expect(due(speeding('2025-12-20'), '2025-12-29', options).phase).toBe('reduced');
  });

  it('moves the 60th day off Easter Monday', () => {
    const f = speeding('2026-02-05'); // + 60 days = Monday 6 April 2026
    expect(addDays('2026-02-05', 60)).toBe('2026-04-06');
    expect(due(f, '2026-03-01').deadline).toBe('2026-04-07');
    expect(due(f, '2026-04-07').phase).toBe('minimum');
    expect(due(f, '2026-04-08').phase).toBe('half-maximum');
  });

  it("moves off Sant'Evasio when the calendar is Casale's", () => {
    const f = speeding('2025-11-07'); // + 5 = Wednesday 12 November
    expect(due(f, '2025-11-07').deadline).toBe('2025-11-12');
    expect(due(f, '2025-11-07', { calendar: { comune: 'B885' } }).deadline).toBe('2025-11-13');
  });
});

describe('the 30% reduction is excluded with suspension or confiscation', () => {
  it('speeding 40-60 km/h carries suspension: the minimum from day 0', () => {
    const d = due({ ...speeding('2025-03-03'), violationId: 'speeding-40-60' }, '2025-03-03');
    expect(d.thirtyPercent).toEqual({ allowed: false, because: 'tariff' });
    expect(d.phase).toBe('minimum');
    expect(d.baseCents).toBe(54300);
    expect(d.deadline).toBe('2025-05-02');
    expect(d.schedule.map((w) => w.phase)).toEqual(['minimum', 'half-maximum']);
    expect(d.schedule[0]?.from).toBeNull();
    expect(due({ ...speeding('2025-03-03'), violationId: 'speeding-40-60' }, '2025-05-03').baseCents).toBe(
      108500,
    );
  });

  it('a red light with suspension on this verbale (repeat) loses the 30%', () => {
    const base = { violationId: 'red-light', violationDate: '2025-03-03' } as const;
    const plain = due({ ...base, notification: { mode: 'hand', deliveredOn: '2025-03-03' } }, '2025-03-03');
    expect(plain.baseCents).toBe(11690); // 167 × 70%
    const repeat = due(
      { ...base, notification: { mode: 'hand', deliveredOn: '2025-03-03' }, licenceSuspension: true },
      '2025-03-03',
    );
    expect(repeat.thirtyPercent).toEqual({ allowed: false, because: 'licence-suspension' });
    expect(repeat.baseCents).toBe(16700);
    const confiscation = due(
      { ...base, notification: { mode: 'hand', deliveredOn: '2025-03-03' }, vehicleConfiscation: true },
      '2025-03-03',
    );
    expect(confiscation.thirtyPercent).toEqual({ allowed: false, because: 'vehicle-confiscation' });
  });

  it('refuses to compute when no reduced payment is allowed at all (goes to the Prefetto)', () => {
    expect(reasonOf(amountDue(speeding('2025-03-03', { reducedPaymentExcluded: true }), '2025-03-03'))).toBe(
      'reduced_payment_not_allowed',
    );
    const tariffs: ViolationTariff[] = [
      {
        ...VIOLATION_TARIFFS[0]!,
        id: 'art-83-6',
        article: '83',
        comma: '6',
        reducedPaymentAllowed: false,
        thirtyPercentAllowed: false,
      },
    ];
    const f = { ...speeding('2025-03-03'), violationId: 'art-83-6' };
    const r = amountDue(f, '2025-03-03', { tariffs });
    expect(reasonOf(r)).toBe('reduced_payment_not_allowed');
    expect(!r.ok && r.error.message.it).toContain('Prefetto');
  });
});

describe('notification by post with CAD (compiuta giacenza)', () => {
  const cad = (collectedOn?: string): Fine => ({
    violationId: 'speeding-10-40',
    violationDate: '2025-02-20',
    notification: { mode: 'cad', depositedOn: '2025-03-03', collectedOn },
  });

  it('runs from the collection when it happens within 10 days', () => {
    const d = due(cad('2025-03-07'), '2025-03-07');
    expect(d.notification).toEqual({ notifiedOn: '2025-03-07', how: 'cad-collected', provisional: false });
    expect(d.deadline).toBe('2025-03-12');
    expect(due(cad('2025-03-13'), '2025-03-13').notification.how).toBe('cad-collected'); // 10th day
  });

  it('otherwise from the 10th day of storage: the first counted day is the 11th from the CAD', () => {
    const d = due(cad('2025-03-20'), '2025-03-20');
    expect(d.notification).toEqual({
      notifiedOn: '2025-03-13',
      how: 'cad-compiuta-giacenza',
      provisional: false,
    });
    expect(d.schedule[0]?.until).toBe('2025-03-18'); // 13 March + 5 = 15 days after the CAD
    expect(d.phase).toBe('minimum'); // 20 March is past the reduced window
    expect(d.deadline).toBe('2025-05-12'); // 13 March + 60
    expect(due(cad(), '2025-03-20').notification.notifiedOn).toBe('2025-03-13');
  });

  it('flags a projection while the envelope still lies at the post office', () => {
    const d = due(cad(), '2025-03-05');
    expect(d.notification).toEqual({
      notifiedOn: '2025-03-13',
      how: 'cad-compiuta-giacenza',
      provisional: true,
    });
    expect(d.warnings).toContain('notification_provisional');
    expect(d.phase).toBe('reduced');
  });

  it('takes the storage length from the rules', () => {
    const rules = [{ ...FINE_RULES[0]!, cadPerfectedAfterDays: 11 }];
    expect(due(cad(), '2025-03-20', { rules }).notification.notifiedOn).toBe('2025-03-14');
  });

  it('refuses a collection before the deposit', () => {
    expect(reasonOf(amountDue(cad('2025-03-01'), '2025-03-05'))).toBe('collected_before_deposit');
  });
});

describe('costs', () => {
  const costs = [
    { kind: 'notification' as const, cents: cents(1380) },
    { kind: 'procedure' as const, cents: cents(200) },
  ];
  const f = speeding('2025-03-03', { costs });

  it('are added in every phase and never reduced by 30%', () => {
    expect(due(f, '2025-03-03')).toMatchObject({ baseCents: 12110, costsCents: 1580, totalCents: 13690 });
    expect(due(f, '2025-03-10')).toMatchObject({ baseCents: 17300, costsCents: 1580, totalCents: 18880 });
    expect(due(f, '2025-06-01')).toMatchObject({ baseCents: 34700, costsCents: 1580, totalCents: 36280 });
    expect(due(f, '2025-03-03').nextThreshold?.totalCents).toBe(18880);
  });

  it('must be non-negative whole cents', () => {
    const bad = speeding('2025-03-03', { costs: [{ kind: 'other', cents: -1 as never }] });
    expect(reasonOf(amountDue(bad, '2025-03-03'))).toBe('invalid_cost');
  });
});

describe('rounding (half up to the cent)', () => {
  it('half of an even maximum in euros is exact: seat belt 333 → 166.50', () => {
    const f = { ...speeding('2025-03-03'), violationId: 'seat-belt' };
    expect(due(f, '2025-06-01').baseCents).toBe(16650);
  });

  it('half of an odd number of cents rounds up: 333.01 → 166.51', () => {
    const tariffs: ViolationTariff[] = [
      { ...VIOLATION_TARIFFS[0]!, id: 'odd', minCents: cents(8301), maxCents: cents(33301) },
    ];
    const f = { ...speeding('2025-03-03'), violationId: 'odd' };
    expect(due(f, '2025-06-01', { tariffs }).baseCents).toBe(16651);
    expect(due(f, '2025-03-03', { tariffs }).baseCents).toBe(5811); // 83.01 × 70% = 58.107
  });

  it('+1/3 (art. 195 c.2-bis) applies to minimum and maximum before the 30% and the half', () => {
    const f = speeding('2025-03-03', { increasedByOneThird: true });
    expect(due(f, '2025-03-03').baseCents).toBe(16147); // 230.67 × 70% = 161.469
    expect(due(f, '2025-03-10').baseCents).toBe(23067); // 173 + 57.67
    expect(due(f, '2025-06-01').baseCents).toBe(46267); // (694 + 231.33) / 2 = 462.665
  });
});

describe('tariff chosen by the violation date (L. 177/2024 from 14 December 2024)', () => {
  const phone = (violationDate: string): Fine => ({
    violationId: 'phone-while-driving',
    violationDate,
    notification: { mode: 'post', deliveredOn: '2025-01-10' },
  });

  it('phone while driving: 165-660 until 13 Dec 2024, 250-1000 from the 14th', () => {
    expect(due(phone('2024-12-13'), '2025-01-10').baseCents).toBe(11550);
    expect(due(phone('2024-12-13'), '2025-02-01').baseCents).toBe(16500);
    expect(due(phone('2024-12-14'), '2025-01-10').baseCents).toBe(17500);
    expect(due(phone('2024-12-14'), '2025-02-01').baseCents).toBe(25000);
    expect(due(phone('2024-12-14'), '2025-06-01').baseCents).toBe(50000);
  });

  it('disabled bay (cars): 165-660, then 330-990', () => {
    const bay = (violationDate: string): Fine => ({
      ...phone(violationDate),
      violationId: 'parking-disabled-bay-car',
    });
    expect(due(bay('2024-12-13'), '2025-02-01').baseCents).toBe(euros(165));
    expect(due(bay('2024-12-14'), '2025-02-01').baseCents).toBe(euros(330));
    expect(due(bay('2024-12-14'), '2025-06-01').baseCents).toBe(euros(495));
  });

  it('says so when a violation has no tariff on that date', () => {
    const moto = { ...phone('2024-12-13'), violationId: 'parking-disabled-bay-motorcycle' };
    expect(reasonOf(amountDue(moto, '2025-01-10'))).toBe('no_tariff_on_date');
    expect(reasonOf(amountDue({ ...moto, violationId: 'nope' }, '2025-01-10'))).toBe('unknown_violation');
  });

  it('warns when the tariff is past the date the sources confirm (possible 2026 update)', () => {
    expect(due(speeding('2025-12-31'), '2025-12-31').warnings).toEqual([]);
    expect(due(speeding('2026-01-10'), '2026-01-10').warnings).toEqual(['tariff_not_confirmed']);
  });
});

describe('driver identification (art. 126-bis c.2) and appeals', () => {
  it('asks the owner for the driver within 60 days when the violation carries points', () => {
    const f = speeding('2025-03-03', { notification: { mode: 'post', deliveredOn: '2025-03-03' } });
    expect(due(f, '2025-03-03').driverIdentification).toEqual({ required: true, dueBy: '2025-05-02' });
    expect(due(speeding('2025-03-03'), '2025-03-03').driverIdentification).toEqual({ required: false });
    expect(due({ ...f, driverIdentified: true }, '2025-03-03').driverIdentification.required).toBe(false);
    const parking = { ...f, violationId: 'parking-prohibited-car' };
    expect(due(parking, '2025-03-03').driverIdentification.required).toBe(false);
  });

  it('moves the 60-day duty off a holiday too', () => {
    const f = speeding('2026-02-05', { driverIdentified: false });
    expect(due(f, '2026-02-05').driverIdentification).toEqual({ required: true, dueBy: '2026-04-07' });
  });

  it('gives the Prefetto (60 days) and Giudice di Pace (30 days, court term off Saturday) dates', () => {
    const d = due(speeding('2025-03-06'), '2025-03-06');
    expect(d.appeals.prefettoBy).toBe('2025-05-05'); // 60th day Sunday 4 May
    expect(addDays('2025-03-06', 30)).toBe('2025-04-05'); // a Saturday
    expect(d.appeals.giudiceDiPaceBy).toBe('2025-04-07'); // art. 155 c.5 c.p.c.
    expect(due(speeding('2025-03-06', { residentAbroad: true }), '2025-03-06').appeals.giudiceDiPaceBy).toBe(
      '2025-05-05',
    );
    const rules = [{ ...FINE_RULES[0]!, giudiceDiPaceAppealDays: 60 }];
    expect(due(speeding('2025-03-06'), '2025-03-06', { rules }).appeals.giudiceDiPaceBy).toBe('2025-05-05');
  });
});

describe('input errors are data, never exceptions', () => {
  it.each([
    [speeding('2025-02-30'), '2025-03-03', 'invalid_date'],
    [speeding('2025-03-03'), '03/03/2025', 'invalid_date'],
    [speeding('2025-03-03'), '2025-03-02', 'date_before_violation'],
    [
      { ...speeding('2025-03-03'), notification: { mode: 'post', deliveredOn: '2025-03-01' } } as Fine,
      '2025-03-05',
      'notified_before_violation',
    ],
    [{ ...speeding('2018-06-01') }, '2018-06-01', 'no_tariff_on_date'],
  ])('%j on %s → %s', (fine, onDate, reason) => {
    const r = amountDue(fine, onDate);
    expect(reasonOf(r)).toBe(reason);
    expect(!r.ok && r.error.message.it.length > 0 && r.error.message.en.length > 0).toBe(true);
  });

  it('reports missing rules for the notification date', () => {
    const rules = [{ ...FINE_RULES[0]!, validFrom: '2030-01-01' }];
    expect(reasonOf(amountDue(speeding('2025-03-03'), '2025-03-03', { rules }))).toBe('no_rules_on_date');
  });
});

describe('properties', () => {
  const day = fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2027-12-31') });

  it('the amount never decreases as days pass, and total = base + costs', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom('speeding-10-40', 'speeding-40-60', 'parking-prohibited-car', 'phone-while-driving'),
        (n, offset, cost, violationId) => {
          const notified = fromDayNumber(n);
          const fine: Fine = {
            violationId,
            violationDate: notified,
            notification: { mode: 'post', deliveredOn: notified },
            costs: [{ kind: 'notification', cents: cents(cost) }],
          };
          const today = due(fine, addDays(notified, offset), { calendar: { comune: 'B885' } });
          const tomorrow = due(fine, addDays(notified, offset + 1), { calendar: { comune: 'B885' } });
          return (
            tomorrow.totalCents >= today.totalCents &&
            today.totalCents === today.baseCents + cost &&
            (today.deadline === null || today.deadline >= today.onDate)
          );
        },
      ),
    );
  });
});
