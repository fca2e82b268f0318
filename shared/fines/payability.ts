import { compareIsoDates, type IsoDate } from '../calendar/iso-date';
import { formatDate } from '../i18n/registry-labels';
import { interpolate, type Locale } from '../i18n/locale';
import type { Cents } from '../money/cents';
import type { Fine } from './amount-due';
import { fineError } from './fine-errors';
import { FINE_RULES, fineRulesOn, type FineRules } from './fine-rules';
import { toFineNotification, type VerbaleNotification } from './verbali-csv';

/**
 * Whether the counter may take a payment for a debt, before any amount is computed: a verbale
 * not yet notified or whose violation is still ambiguous, and a notice past its due date, are
 * refused with a reason the clerk can read to the citizen. What a payable verbale costs is
 * amount-due.ts's business.
 */
export type CounterRefusal =
  | { reason: 'not_notified' }
  | { reason: 'violation_to_specify' }
  | { reason: 'notice_expired'; dueDate: IsoDate }
  /** the fine rules have no set in force on the notification date: a configuration error */
  | { reason: 'no_rules_on_date'; date: IsoDate };

export type Payability<T> =
  { ok: true; value: T } | { ok: false; refusal: CounterRefusal; message: Record<Locale, string> };

const TEXT = {
  not_notified: { it: 'verbale non ancora notificato', en: 'not notified yet' },
  violation_to_specify: {
    it: "violazione da precisare: più voci del tariffario corrispondono all'articolo",
    en: 'violation to be specified: several tariff rows match the article',
  },
  notice_expired: {
    it: "avviso scaduto il {date}: l'ufficio tributi indica l'importo aggiornato",
    en: 'notice expired on {iso}: the tax office gives the updated amount',
  },
} as const;

function messageOf(refusal: CounterRefusal): Record<Locale, string> {
  switch (refusal.reason) {
    case 'not_notified':
    case 'violation_to_specify':
      return TEXT[refusal.reason];
    case 'notice_expired': {
      const params = { date: formatDate(refusal.dueDate), iso: refusal.dueDate };
      return {
        it: interpolate(TEXT.notice_expired.it, params),
        en: interpolate(TEXT.notice_expired.en, params),
      };
    }
    case 'no_rules_on_date':
      return fineError(refusal).message;
  }
}

function refuse<T>(refusal: CounterRefusal): Payability<T> {
  return { ok: false, refusal, message: messageOf(refusal) };
}

/** What the counter knows of a verbale (the fines file, synced from the hub). */
export interface VerbaleAtCounter {
  /** null when several tariff rows match the article: the office must specify it */
  violationId: string | null;
  violationDate: IsoDate;
  notification: VerbaleNotification | null;
  notificationCostsCents: Cents;
  driverIdentified: boolean;
}

/**
 * The Fine amount-due.ts computes, or why the counter cannot take this verbale. The CAD storage
 * days come from the fine rules in force on the notification date (fine-rules.ts).
 */
export function fineAtCounter(
  v: VerbaleAtCounter,
  rules: readonly FineRules[] = FINE_RULES,
): Payability<Fine> {
  if (!v.notification) return refuse({ reason: 'not_notified' });
  if (!v.violationId) return refuse({ reason: 'violation_to_specify' });
  const inForce = fineRulesOn(v.notification.notifiedOn, rules);
  if (!inForce) return refuse({ reason: 'no_rules_on_date', date: v.notification.notifiedOn });
  return {
    ok: true,
    value: {
      violationId: v.violationId,
      violationDate: v.violationDate,
      notification: toFineNotification(v.notification, inForce.cadPerfectedAfterDays),
      costs: [{ kind: 'notification', cents: v.notificationCostsCents }],
      driverIdentified: v.driverIdentified,
    },
  };
}

/** A notice (TARI, IMU…) is taken at its printed amount up to its due date, inclusive. */
export function noticeAtCounter(
  notice: { paid: boolean; dueDate: IsoDate },
  today: IsoDate,
): Payability<null> {
  if (!notice.paid && compareIsoDates(today, notice.dueDate) > 0) {
    return refuse({ reason: 'notice_expired', dueDate: notice.dueDate });
  }
  return { ok: true, value: null };
}
