import { compareIsoDates, daysInMonth, type IsoDate } from '../calendar/iso-date';
import { checkIseeStatement, iseeOn, type IseeStatement } from '../isee/statement';
import type { SocialErrorCode } from './social-errors';
import { DECREE_ROLES, type ContributoPayment, type Requester, type SocialIsee } from './social-wire';

/**
 * The pure rules of social services (DOMAIN.md §10.2-10.3): who may file for whom, the ISEE as
 * recorded, the contributo's amount, period and monthly schedule. No clock: pass `today`.
 */

export interface SocialRefusal {
  code: SocialErrorCode;
  params: Record<string, string | number>;
}
export type SocialResult<T> = { ok: true; value: T } | { ok: false; refusal: SocialRefusal };
const fail = <T>(code: SocialErrorCode, params: Record<string, string | number> = {}): SocialResult<T> => ({
  ok: false,
  refusal: { code, params },
});

const ROLE_WORDS: Record<string, { it: string; en: string }> = {
  tutore: { it: 'tutore', en: 'guardian' },
  curatore: { it: 'curatore', en: 'curator' },
  amministratore_sostegno: { it: 'amministratore di sostegno', en: 'support administrator' },
};

/**
 * §10.2: the requester, if not the beneficiary, is identified; a guardian, curator or support
 * administrator acts by the court's appointing decree (artt. 343, 392, 404 c.c.), whose
 * reference must be on file.
 */
export function checkRequester(r: Requester): SocialResult<Requester> {
  if (r.role !== 'self') {
    if (r.surname.trim() === '' || r.givenNames.trim() === '')
      return fail('social_requester_missing', { field_it: 'cognome e nome', field_en: 'surname and name' });
    if (r.codiceFiscale.trim().length < 11)
      return fail('social_requester_missing', { field_it: 'codice fiscale', field_en: 'codice fiscale' });
  }
  if (DECREE_ROLES.includes(r.role) && (r.decree ?? '').trim().length < 5) {
    const w = ROLE_WORDS[r.role] ?? { it: r.role, en: r.role };
    return fail('social_decree_missing', { role_it: w.it, role_en: w.en });
  }
  return { ok: true, value: { ...r, codiceFiscale: r.codiceFiscale.trim().toUpperCase() } };
}

/** The statement as the ISEE engine checks it (value ≥ 0, two decimals at most, DSU protocol). */
export function checkSocialIsee(isee: SocialIsee | null): SocialResult<IseeStatement | null> {
  if (isee === null) return { ok: true, value: null };
  const checked = checkIseeStatement(isee);
  if (!checked.ok) {
    const p = checked.error.params;
    const detail = `${checked.error.code}${p.reason !== undefined ? ` (${String(p.reason)})` : ''}`;
    return fail('social_isee_invalid', { detail_it: detail, detail_en: detail });
  }
  return { ok: true, value: checked.statement };
}

/** What the office sees of the ISEE on `day`: valid, missing, or expired with the warning. */
export function iseeBandOn(isee: IseeStatement | null, day: IsoDate) {
  const on = iseeOn(isee, day);
  if (on.kind === 'valid')
    return {
      iseeCents: on.valueCents as number | null,
      band: { chosenBy: 'isee' as const, bandLabel: `ISEE ${on.type}`, warning: null },
    };
  const warning = on.reason === 'expired' ? on.warning.it : null;
  return {
    iseeCents: null,
    band: { chosenBy: 'no_isee' as const, bandLabel: 'senza ISEE', warning },
  };
}

/**
 * Most a monthly contributo may be [U: each comune's regulation sets its ceiling; Casale's is
 * not known, this is a demo bound that catches typing errors, e.g. cents typed as euros].
 */
export const MAX_CONTRIBUTO_MONTHLY_CENTS = 200_000;
/** Longest individual project the office files at once [U: usually reassessed yearly]. */
export const MAX_PROJECT_MONTHS = 12;

const monthOf = (d: IsoDate): string => d.slice(0, 7);
const nextMonth = (m: string): string => {
  const y = Number(m.slice(0, 4));
  const mm = Number(m.slice(5, 7));
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};

/**
 * The monthly payments of a project from `startOn` to `endOn`: the first on the start day,
 * then on the 1st of each month up to the end's month (a payment for a month the project
 * reaches). Refuses a non-positive or out-of-bound amount and a reversed or too long period.
 */
export function paymentSchedule(
  amountCents: number,
  startOn: IsoDate,
  endOn: IsoDate,
): SocialResult<ContributoPayment[]> {
  if (!Number.isInteger(amountCents) || amountCents <= 0)
    return fail('social_amount_invalid', {
      detail_it: 'l’importo deve essere maggiore di zero',
      detail_en: 'the amount must be above zero',
    });
  if (amountCents > MAX_CONTRIBUTO_MONTHLY_CENTS)
    return fail('social_amount_invalid', {
      detail_it: `oltre il massimo mensile di ${MAX_CONTRIBUTO_MONTHLY_CENTS / 100} euro`,
      detail_en: `above the monthly ceiling of ${MAX_CONTRIBUTO_MONTHLY_CENTS / 100} euros`,
    });
  if (compareIsoDates(startOn, endOn) > 0)
    return fail('social_period_invalid', {
      detail_it: 'la fine precede l’inizio',
      detail_en: 'the end precedes the start',
    });
  const out: ContributoPayment[] = [];
  for (let m = monthOf(startOn); m <= monthOf(endOn); m = nextMonth(m)) {
    if (out.length === MAX_PROJECT_MONTHS)
      return fail('social_period_invalid', {
        detail_it: `oltre ${MAX_PROJECT_MONTHS} mesi`,
        detail_en: `longer than ${MAX_PROJECT_MONTHS} months`,
      });
    out.push({
      month: m,
      dueOn: out.length === 0 ? startOn : `${m}-01`,
      amountCents,
      status: 'scheduled',
    });
  }
  return { ok: true, value: out };
}

/** From `on` (a death, an emigration) nothing more is paid: later payments are stopped. */
export function stopPaymentsFrom(schedule: readonly ContributoPayment[], on: IsoDate): ContributoPayment[] {
  return schedule.map((p) =>
    p.status === 'scheduled' && compareIsoDates(p.dueOn, on) >= 0 ? { ...p, status: 'stopped' as const } : p,
  );
}

/** The last day of a 'YYYY-MM' month. */
export const lastDayOf = (month: string): IsoDate =>
  `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
