import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { WHITELIST_DELTA_HEADER } from '../../shared/permits/street-wire';
import { whitelistCsv, whitelistDelta, type WhitelistRow } from '../../shared/permits/whitelist-csv';
import type { HubDatabase } from '../db/database';
import { toPermitRecord } from './permit-repository';

/**
 * The camera vendor's whitelist of a comune for a day (whitelist-csv.ts), and the delta against
 * the list the vendor was sent on an earlier day. Every list sent is kept as that day's snapshot
 * (the last one sent that day), so "since D" is always relative to what the vendor really has.
 */

/** The whole list of `day`: permits whose days include it (the shared rule picks the rows). */
export async function whitelistOf(db: Kysely<HubDatabase>, comune: string, day: string): Promise<string> {
  const rows = await db
    .selectFrom('permits')
    .selectAll()
    .where('comune', '=', comune)
    .where('valid_from', '<=', day)
    .where('valid_to', '>=', day)
    .where('status', '!=', 'superseded')
    .execute();
  return whitelistCsv(rows.map(toPermitRecord), day);
}

/** Keeps `body` as the list sent on `day` (the latest of the day wins). */
export async function snapshotWhitelist(
  db: Kysely<HubDatabase>,
  comune: string,
  day: string,
  body: string,
  at: string,
): Promise<void> {
  const sha256 = createHash('sha256').update(body).digest('hex');
  await db
    .insertInto('permit_whitelist_snapshots')
    .values({ comune, day, sha256, body, created_at: at })
    .onConflict((oc) => oc.columns(['comune', 'day']).doUpdateSet({ sha256, body, created_at: at }))
    .execute();
}

const line = (change: 'add' | 'remove', r: WhitelistRow): string =>
  [change, r.plate, r.country, r.kind, r.validFrom, r.validTo].join(';');

/** What changed since the list sent on `since`: `add;…` and `remove;…` lines, CRLF like the list. */
export async function whitelistDeltaSince(
  db: Kysely<HubDatabase>,
  comune: string,
  since: string,
  current: string,
): Promise<string> {
  const prev = await db
    .selectFrom('permit_whitelist_snapshots')
    .select('body')
    .where('comune', '=', comune)
    .where('day', '=', since)
    .executeTakeFirst();
  if (!prev) {
    throw new AppError('invalid_input', {
      detail: `since: nessuna lista inviata il ${since}; scaricare la lista completa`,
      field: 'since',
    });
  }
  const delta = whitelistDelta(prev.body, current);
  const lines = [
    WHITELIST_DELTA_HEADER,
    ...delta.removed.map((r) => line('remove', r)),
    ...delta.added.map((r) => line('add', r)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
