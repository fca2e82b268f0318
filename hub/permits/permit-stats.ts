import type { Kysely } from 'kysely';
import { addDays } from '../../shared/calendar/iso-date';
import { expiringWithin } from '../../shared/permits/expiry';
import type { PermitStats, PermitStatsRow } from '../../shared/permits/street-wire';
import type { HubDatabase } from '../db/database';
import { toPermitRecord } from './permit-repository';

/**
 * The supervisor's figures for a period: permits issued, renewed and revoked per day and kind,
 * the fees they brought in (cents), and how many expire in the next 30 days (expiry.ts: not
 * renewed, not temporary). A renewal is a permit that continues another one (`renewsId`) with
 * later dates; a duplicate (same dates as the one it replaces) counts as neither.
 */
export async function permitStats(
  db: Kysely<HubDatabase>,
  comune: string,
  from: string,
  to: string,
  today: string,
): Promise<PermitStats> {
  const issued = await db
    .selectFrom('permits as p')
    .leftJoin('permits as o', (j) => j.onRef('o.id', '=', 'p.renews_id').onRef('o.comune', '=', 'p.comune'))
    .select([
      'p.kind',
      'p.issued_at',
      'p.fee_cents',
      'p.renews_id',
      'p.valid_from',
      'o.valid_from as old_from',
    ])
    .where('p.comune', '=', comune)
    .where('p.issued_at', '>=', from)
    .where('p.issued_at', '<', `${addDays(to, 1)}`)
    .execute();
  const revoked = await db
    .selectFrom('permits')
    .select(['kind', 'revoked_at'])
    .where('comune', '=', comune)
    .where('status', '=', 'revoked')
    .where('revoked_at', '>=', from)
    .where('revoked_at', '<', `${addDays(to, 1)}`)
    .execute();
  const rows = new Map<string, PermitStatsRow>();
  const rowOf = (day: string, kind: string): PermitStatsRow => {
    const key = `${day}|${kind}`;
    let r = rows.get(key);
    if (!r) {
      r = { day, kind, issued: 0, renewed: 0, revoked: 0, revenueCents: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const p of issued) {
    const r = rowOf(p.issued_at.slice(0, 10), p.kind);
    const duplicate = p.renews_id !== null && p.old_from === p.valid_from;
    if (p.renews_id !== null && !duplicate) r.renewed += 1;
    else if (p.renews_id === null) r.issued += 1;
    r.revenueCents += Number(p.fee_cents);
  }
  for (const p of revoked) rowOf((p.revoked_at ?? '').slice(0, 10), p.kind).revoked += 1;
  const sorted = [...rows.values()].sort((a, b) =>
    a.day === b.day ? (a.kind < b.kind ? -1 : 1) : a.day < b.day ? -1 : 1,
  );

  // candidates for the expiry list, and the permits that may renew them
  const soon = await db
    .selectFrom('permits')
    .selectAll()
    .where('comune', '=', comune)
    .where((eb) =>
      eb.or([
        eb.and([eb('valid_to', '>=', today), eb('valid_to', '<=', addDays(today, 30))]),
        eb('renews_id', 'is not', null).and('valid_to', '>', addDays(today, 30)),
      ]),
    )
    .execute();
  const expiring = expiringWithin(soon.map(toPermitRecord), today, 30);

  const totals = sorted.reduce(
    (t, r) => ({
      issued: t.issued + r.issued,
      renewed: t.renewed + r.renewed,
      revoked: t.revoked + r.revoked,
      revenueCents: t.revenueCents + r.revenueCents,
    }),
    { issued: 0, renewed: 0, revoked: 0, revenueCents: 0 },
  );
  return { from, to, rows: sorted, totals, expiringIn30Days: expiring.length };
}
