import type { IsoDate } from '../calendar/iso-date';
import { amountDue } from '../fines/amount-due';
import { fineAtCounter, noticeAtCounter, type VerbaleAtCounter } from '../fines/payability';
import type { Locale } from '../i18n/locale';
import { cents, type Cents } from '../money/cents';

/**
 * What a debt costs on a given day, from the facts of the debt alone: the one rule the desk shows
 * the clerk and the hub checks a pushed payment against (a desk's claimed amount is never
 * believed). Fines follow the 5-day reduction and 60-day windows of fines/amount-due.ts with the
 * comune's calendar; a notice costs its printed amount up to its due date.
 */
export type DebtFacts =
  | { kind: 'fine'; comune: string; verbale: VerbaleAtCounter }
  | { kind: 'notice'; amountCents: Cents; dueDate: IsoDate };

export type DebtAmount = { ok: true; dueCents: Cents } | { ok: false; message: Record<Locale, string> };

export function debtAmountDueOn(debt: DebtFacts, onDate: IsoDate): DebtAmount {
  if (debt.kind === 'notice') {
    const payable = noticeAtCounter({ paid: false, dueDate: debt.dueDate }, onDate);
    return payable.ok
      ? { ok: true, dueCents: cents(debt.amountCents) }
      : { ok: false, message: payable.message };
  }
  const fine = fineAtCounter(debt.verbale);
  if (!fine.ok) return { ok: false, message: fine.message };
  const due = amountDue(fine.value, onDate, { calendar: { comune: debt.comune } });
  if (!due.ok) return { ok: false, message: due.error.message };
  return { ok: true, dueCents: due.value.totalCents };
}
