import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { formatDate } from '../../shared/i18n/registry-labels';
import type { PermitRecord } from '../../shared/permits/permit-wire';
import type { TransitReport, TransitReviewItem, VerbaleDraft } from '../../shared/permits/street-wire';
import { matchTransits, parseTransitsCsv, type Transit } from '../../shared/permits/transit-match';
import { verbaleKey } from '../../shared/fines/verbali-csv';
import type { HubDatabase } from '../db/database';
import { toPermitRecord } from './permit-repository';
import type { PermitTransitRow } from './permit-tables';

/**
 * A day of camera passages from the vendor's CSV: read line by line (one bad line never stops
 * the file), matched against the comune's permits by the shared rule (transit-match.ts), stored
 * once each (the same passage sent again is a duplicate, not a second fine), and the unmatched
 * left for a reviewer. Only a passage a reviewer confirms becomes a verbale draft.
 */

const CHUNK = 200;

/** The same passage (plate, moment, gate) has the same id: importing a file twice adds nothing. */
export const transitId = (comune: string, t: Transit): string =>
  createHash('sha256')
    .update([comune, t.plate, t.country ?? 'I', t.at, t.gate].join('|'))
    .digest('hex')
    .slice(0, 32);

async function permitsWithPlates(
  trx: Transaction<HubDatabase>,
  comune: string,
  plates: readonly string[],
): Promise<PermitRecord[]> {
  const byId = new Map<string, PermitRecord>();
  for (let i = 0; i < plates.length; i += CHUNK) {
    const chunk = plates.slice(i, i + CHUNK);
    const rows = await trx
      .selectFrom('permits')
      .selectAll()
      .where('comune', '=', comune)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('permit_plates')
          .select('permit_id')
          .where('comune', '=', comune)
          .where('plate', 'in', chunk),
      )
      .execute();
    for (const r of rows) byId.set(r.id, toPermitRecord(r));
  }
  return [...byId.values()];
}

export async function importTransits(
  db: Kysely<HubDatabase>,
  comune: string,
  csv: string,
  at: string,
): Promise<TransitReport> {
  const parsed = parseTransitsCsv(csv);
  const errors = parsed.errors.map((e) => ({ line: e.line, code: e.code, value: e.value.slice(0, 120) }));
  if (parsed.transits.length === 0) {
    return { received: 0, stored: 0, duplicates: 0, matched: 0, unmatched: 0, errors };
  }
  return db.transaction().execute(async (trx) => {
    const plates = [...new Set(parsed.transits.map((t) => t.plate))];
    const permits = await permitsWithPlates(trx, comune, plates);
    const { matched, unmatched } = matchTransits(parsed.transits, permits);
    const rows = [
      ...matched.map((m) => ({
        t: m.transit,
        status: 'matched' as const,
        reason: null,
        permitId: m.permitId,
      })),
      ...unmatched.map((u) => ({
        t: u.transit,
        status: 'unmatched' as const,
        reason: u.reason,
        permitId: u.permitId,
      })),
    ].map(({ t, status, reason, permitId }) => ({
      id: transitId(comune, t),
      comune,
      plate: t.plate,
      country: t.country ?? 'I',
      at: t.at,
      gate: t.gate.slice(0, 40),
      status,
      reason,
      permit_id: permitId,
      reviewed_by: null,
      reviewed_at: null,
      verbale_key: null,
      imported_at: at,
    }));
    // within the file too: a passage listed twice counts once
    const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
    const existing = new Set<string>();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const ids = unique.slice(i, i + CHUNK).map((r) => r.id);
      const found = await trx.selectFrom('permit_transits').select('id').where('id', 'in', ids).execute();
      for (const f of found) existing.add(f.id);
    }
    const fresh = unique.filter((r) => !existing.has(r.id));
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await trx
        .insertInto('permit_transits')
        .values(fresh.slice(i, i + CHUNK))
        .execute();
    }
    return {
      received: parsed.transits.length,
      stored: fresh.length,
      duplicates: parsed.transits.length - fresh.length,
      matched: fresh.filter((r) => r.status === 'matched').length,
      unmatched: fresh.filter((r) => r.status === 'unmatched').length,
      errors,
    };
  });
}

/** The ZTL violation: access without a permit, art. 7 c.9, sanctioned by c.14 CdS (tariffs.ts). */
const ZTL_ARTICLE = { article: '7', comma: '14' } as const;
/** Series of the verbali drafted from camera passages: 'ZTL' and the year, e.g. ZTL26. */
const seriesOf = (at: string): string => `ZTL${at.slice(2, 4)}`;

/**
 * The verbale a confirmed passage becomes, as one line of the fines import
 * (shared/fines/verbali-csv.ts header): not yet notified, no points (art. 7 c.14), the driver
 * not identified. The owner and the notification come later from the vehicle register.
 */
export function verbaleDraftOf(
  row: Pick<PermitTransitRow, 'plate' | 'country' | 'at' | 'gate' | 'verbale_key'>,
): VerbaleDraft | null {
  if (row.verbale_key === null) return null;
  const [number = '', series = ''] = row.verbale_key.split('/');
  const csvLine = [
    number,
    series,
    row.plate,
    formatDate(row.at.slice(0, 10)),
    row.at.slice(11, 16),
    ZTL_ARTICLE.article,
    ZTL_ARTICLE.comma,
    '',
    '',
    '0,00',
    '0',
    'no',
  ].join(';');
  return {
    key: row.verbale_key,
    plate: row.plate,
    country: row.country,
    violationAt: row.at,
    place: `ZTL, ${row.gate}`,
    article: `art. ${ZTL_ARTICLE.article} c.9 e c.${ZTL_ARTICLE.comma} CdS`,
    // the fines import reads Italian plates; a foreign plate goes to the clerk by hand
    csvLine: row.country === 'I' ? csvLine : null,
  };
}

export function reviewItemOf(row: PermitTransitRow, permitNumber: string | null): TransitReviewItem {
  return {
    id: row.id,
    plate: row.plate,
    country: row.country,
    at: row.at,
    gate: row.gate,
    status: row.status,
    reason: row.reason,
    permitNumber,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    verbaleDraft: verbaleDraftOf(row),
  };
}

/**
 * A reviewer's decision on an unmatched passage: `dismiss` (a misread plate, an authorised
 * vehicle) or `confirm`, which numbers the verbale draft in the comune's ZTL series of the year.
 */
export async function decideTransit(
  db: Kysely<HubDatabase>,
  comune: string,
  id: string,
  decision: 'confirm' | 'dismiss',
  reviewer: string,
  at: string,
): Promise<PermitTransitRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('permit_transits')
      .selectAll()
      .where('comune', '=', comune)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('permit_transit_not_found', { id });
    if (row.status !== 'unmatched') {
      throw new AppError('permit_transit_decided', { id, status: row.status });
    }
    let key: string | null = null;
    if (decision === 'confirm') {
      const series = seriesOf(row.at);
      const taken = await trx
        .selectFrom('permit_transits')
        .select('verbale_key')
        .where('comune', '=', comune)
        .where('verbale_key', 'like', `%/${series}`)
        .execute();
      const last = taken.reduce(
        (max, t) => Math.max(max, Number((t.verbale_key ?? '').split('/')[0]) || 0),
        0,
      );
      key = verbaleKey(series, String(last + 1));
    }
    const next: PermitTransitRow = {
      ...row,
      status: decision === 'confirm' ? 'confirmed' : 'dismissed',
      reviewed_by: reviewer,
      reviewed_at: at,
      verbale_key: key,
    };
    await trx
      .updateTable('permit_transits')
      .set({
        status: next.status,
        reviewed_by: next.reviewed_by,
        reviewed_at: next.reviewed_at,
        verbale_key: next.verbale_key,
      })
      .where('comune', '=', comune)
      .where('id', '=', id)
      .where('status', '=', 'unmatched')
      .execute();
    return next;
  });
}
