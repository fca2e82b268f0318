import type { Kysely } from 'kysely';
import type { TreasuryPaymentLine } from '../../shared/social/social-views';
import type { HubDatabase } from '../db/database';
import { contributiWithStatus, saveContributo } from './social-repository';

/**
 * The treasury's list of a month's contributo payments (§10.2 "a payment schedule exported for
 * the treasury"): the approved (or since stopped) contributi with a payment of that month not
 * stopped, by IBAN.
 * Exporting marks the payments `exported`; a second export of the month gives the same lines.
 */
export async function treasuryPayments(
  db: Kysely<HubDatabase>,
  comune: string,
  month: string,
  now: Date,
): Promise<TreasuryPaymentLine[]> {
  return db.transaction().execute(async (trx) => {
    const lines: TreasuryPaymentLine[] = [];
    // a stopped contributo still pays what fell due before the stop (those payments stay scheduled)
    for (const c of await contributiWithStatus(trx, comune, ['approved', 'stopped'])) {
      const due = c.schedule.filter((p) => p.month === month && p.status !== 'stopped');
      if (due.length === 0) continue;
      for (const p of due)
        lines.push({
          contributoId: c.id,
          beneficiary: `${c.beneficiary.surname} ${c.beneficiary.givenNames}`,
          codiceFiscale: c.beneficiary.codiceFiscale,
          iban: c.iban,
          amountCents: p.amountCents,
          dueOn: p.dueOn,
        });
      if (due.some((p) => p.status === 'scheduled')) {
        const schedule = c.schedule.map((p) =>
          p.month === month && p.status === 'scheduled' ? { ...p, status: 'exported' as const } : p,
        );
        await saveContributo(trx, { ...c, schedule }, now.toISOString());
      }
    }
    return lines;
  });
}

const euros = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const field = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV the treasury reads: semicolons, decimal comma, one line per payment. */
export function treasuryCsv(lines: readonly TreasuryPaymentLine[]): string {
  const head = 'id_contributo;beneficiario;codice_fiscale;iban;importo_euro;data_pagamento';
  const rows = lines.map((l) =>
    [l.contributoId, l.beneficiary, l.codiceFiscale, l.iban, euros(l.amountCents), l.dueOn]
      .map(field)
      .join(';'),
  );
  return [head, ...rows].join('\r\n') + '\r\n';
}
