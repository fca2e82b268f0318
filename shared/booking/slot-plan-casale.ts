import type { SlotPlan } from './slot-plan';

/**
 * The services a counter books, by key. The electronic ID card (CIE) is issued through the
 * ministry's own application, outside Sportello: it is bookable all the same, and its task at
 * the desk is a checklist.
 */
export const BOOKABLE_SERVICE_KEYS = [
  'cie',
  'certificate',
  'self_declaration',
  'residence_change',
  'payment',
  'permit',
] as const;
export type BookableServiceKey = (typeof BOOKABLE_SERVICE_KEYS)[number];

export function isBookableServiceKey(value: unknown): value is BookableServiceKey {
  return typeof value === 'string' && (BOOKABLE_SERVICE_KEYS as readonly string[]).includes(value);
}

const MORNING = { from: '08:30', to: '12:30' } as const;
const AFTERNOON = { from: '14:30', to: '16:30' } as const;

/**
 * Casale Monferrato's anagrafe: four counters, Monday-Friday 08:30-12:30, Tuesday and Thursday
 * also 14:30-16:30. Slot lengths: the CIE takes about 20 minutes (photo, fingerprints, signature
 * in the ministry's application), a change of residence 15, a permit 10, a certificate, a
 * self-declaration or a payment 5. `bookedPercent` splits the bookable time in proportion to the
 * minutes each service is booked for (demand × length); `walkInPercent` keeps a fifth of the
 * counter time for those who come without an appointment. Lines: A registry papers
 * (anagrafe), C identity card (CIE), R residence, P payments and permits.
 */
export const CASALE_ANAGRAFE_PLAN: SlotPlan = {
  comune: 'B885',
  office: 'anagrafe',
  name: { it: 'Anagrafe - Casale Monferrato', en: 'Registry office - Casale Monferrato' },
  address: 'Via Mameli 10, 15033 Casale Monferrato',
  validFrom: '2026-01-01',
  validTo: null,
  counters: 4,
  hours: { 1: [MORNING], 2: [MORNING, AFTERNOON], 3: [MORNING], 4: [MORNING, AFTERNOON], 5: [MORNING] },
  services: {
    cie: { slotMinutes: 20, bookedPercent: 57, line: 'C' },
    certificate: { slotMinutes: 5, bookedPercent: 10, line: 'A' },
    self_declaration: { slotMinutes: 5, bookedPercent: 2, line: 'A' },
    residence_change: { slotMinutes: 15, bookedPercent: 21, line: 'R' },
    payment: { slotMinutes: 5, bookedPercent: 4, line: 'P' },
    permit: { slotMinutes: 10, bookedPercent: 6, line: 'P' },
  },
  walkInPercent: 20,
  horizonDays: 60,
};

/**
 * Every office's plans, dated rows (a new plan from a date is a new row, the old one gets its
 * `validTo`): what the hub books against and what bench:visits simulates.
 */
export const OFFICE_SLOT_PLANS: readonly SlotPlan[] = [CASALE_ANAGRAFE_PLAN];
