import { formatIsoDate } from '../calendar/format-date';
import { interpolate, type Locale } from '../i18n/locale';
import { formatEuro } from '../money/euro-format';
import type { AmountDue, FinePhase, ThirtyPercent } from './amount-due';

const PHASE_NAMES = {
  reduced: { it: 'ridotto del 30%', en: 'reduced by 30%' },
  minimum: { it: 'minimo edittale', en: 'minimum' },
  'half-maximum': { it: 'metà del massimo', en: 'half of the maximum' },
} as const satisfies Record<FinePhase, Record<Locale, string>>;

const TEXT = {
  withNext: {
    it: 'fino al {until}: {amount}, poi {nextAmount}',
    en: 'until {until}: {amount}, then {nextAmount}',
  },
  last: {
    it: '{amount} ({phase}, art. 203 c.3 CdS), oltre eventuali maggiorazioni',
    en: '{amount} ({phase}, art. 203 c.3 CdS), plus any surcharges',
  },
} as const;

const NO_REDUCTION = {
  tariff: {
    it: 'il pagamento ridotto del 30% non è ammesso per questa violazione',
    en: 'no 30% reduction for this violation',
  },
  'licence-suspension': {
    it: 'niente riduzione del 30%: è prevista la sospensione della patente',
    en: 'no 30% reduction: licence suspension',
  },
  'vehicle-confiscation': {
    it: 'niente riduzione del 30%: è prevista la confisca del veicolo',
    en: 'no 30% reduction: vehicle confiscation',
  },
} as const satisfies Record<Extract<ThirtyPercent, { allowed: false }>['because'], Record<Locale, string>>;

/** Why the 30% reduction does not apply, or null when it does. */
export function describeNoReduction(thirtyPercent: ThirtyPercent, locale: Locale): string | null {
  return thirtyPercent.allowed ? null : NO_REDUCTION[thirtyPercent.because][locale];
}

export function describePhase(phase: FinePhase, locale: Locale): string {
  return PHASE_NAMES[phase][locale];
}

/**
 * One line for the counter: "fino al 3 dicembre 2025: € 121,10, poi € 173,00" /
 * "until 3 December 2025: €121.10, then €173.00" (totals, costs included).
 */
export function describeAmountDue(due: AmountDue, locale: Locale): string {
  const amount = formatEuro(due.totalCents, locale);
  if (due.deadline !== null && due.nextThreshold !== null) {
    return interpolate(TEXT.withNext[locale], {
      until: formatIsoDate(due.deadline, locale),
      amount,
      nextAmount: formatEuro(due.nextThreshold.totalCents, locale),
    });
  }
  return interpolate(TEXT.last[locale], { amount, phase: describePhase(due.phase, locale) });
}
