import type { Insertable, Transaction } from 'kysely';
import {
  CANONE_SEGREGATION_CODE,
  type CanoneApplicant,
  type CanoneNotice,
} from '../../shared/canone/canone-wire';
import type { Instalment } from '../../shared/canone/instalments';
import { iuvCheckDigits } from '../../shared/pagopa/check-digits';
import { parseNoticeNumber } from '../../shared/pagopa/notice-number';
import { toDebtPositionWire } from '../cashdesk/cashdesk-wire';
import type { HubDatabase } from '../db/database';
import { appendChanges } from '../sync/change-log';
import type { DebtPositionsTable } from '../db/tables/cashdesk.table';
import type { CanoneNoticesTable } from './canone-tables';

type Trx = Transaction<HubDatabase>;

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_INSERT = 400;

async function insertInChunks<T extends keyof HubDatabase>(
  trx: Trx,
  table: T,
  rows: readonly Insertable<HubDatabase[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    // Kysely cannot relate a generic table to its own Insertable: the signature above does
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}

/** Change-log entries in bulk: the sync's own, under the comune's log lock (canone jobs import it here). */
export { appendChanges };

/**
 * The next `count` notice numbers of the canone in `comune`: aux digit 3, segregation code 47
 * "Canone Unico" (DOMAIN.md §6.1), a 13-digit IUV base from the comune's own counter for code 47
 * and the mod-93 check digits (§6.2). Kept apart from the comune's `notice_counters` (its own
 * segregation code) and advanced in the caller's transaction, so an IUV is never reused.
 */
export async function allocateCanoneNotices(
  trx: Trx,
  comune: string,
  count: number,
): Promise<{ noticeNumber: string; iuv: string }[]> {
  if (count === 0) return [];
  const row = await trx
    .selectFrom('canone_notice_counters')
    .select('last_base')
    .where('comune', '=', comune)
    .executeTakeFirst();
  let base = BigInt(row?.last_base ?? '0');
  const out: { noticeNumber: string; iuv: string }[] = [];
  for (let i = 0; i < count; i++) {
    base += 1n;
    // generateNoticeNumber refuses the reserved central codes, rightly for a comune's own
    // positions; code 47 is the central Canone Unico service's, which issue 14 asks these
    // notices under, so the number is composed here and read back by the one parser
    const digits = `3${CANONE_SEGREGATION_CODE}${base.toString().padStart(13, '0')}`;
    const n = parseNoticeNumber(digits + iuvCheckDigits(digits));
    if (!n.ok || base >= 10n ** 13n) throw new Error(`canone notice number: base ${base} out of range`);
    out.push({ noticeNumber: n.value.noticeNumber, iuv: n.value.iuv });
  }
  if (row) {
    await trx
      .updateTable('canone_notice_counters')
      .set({ last_base: base.toString() })
      .where('comune', '=', comune)
      .execute();
  } else {
    await trx.insertInto('canone_notice_counters').values({ comune, last_base: base.toString() }).execute();
  }
  return out;
}

/** Who pays: the person's codice fiscale, or the company's (its VAT number when it has no other). */
export const debtorCodeOf = (a: CanoneApplicant): string =>
  a.kind === 'person' ? a.codiceFiscale : (a.codiceFiscale ?? a.partitaIva);

/** One concession's notices for one year, to issue. */
export interface NoticeBatchItem {
  applicationId: string;
  concessionNumber: string;
  debtor: string;
  year: number;
  instalments: readonly Instalment[];
}

/**
 * Issues the notices of many concessions at once (an approval: one; the yearly run: a chunk):
 * numbers from the code-47 counter, rows in `canone_notices` and, for the cash desk, in
 * `debt_positions` (kind CANONE), and the debt positions in the change log so every counter
 * finds them by notice number. Returns the notices by application.
 */
export async function issueNoticeBatch(
  trx: Trx,
  comune: string,
  items: readonly NoticeBatchItem[],
  at: string,
  mutationId: string | null = null,
): Promise<Map<string, CanoneNotice[]>> {
  const total = items.reduce((n, i) => n + i.instalments.length, 0);
  const numbers = await allocateCanoneNotices(trx, comune, total);
  const notices: Insertable<CanoneNoticesTable>[] = [];
  const positions: DebtPositionsTable[] = [];
  const out = new Map<string, CanoneNotice[]>();
  let k = 0;
  for (const item of items) {
    const of = item.instalments.length;
    const list: CanoneNotice[] = [];
    for (const inst of item.instalments) {
      const number = numbers[k++];
      if (!number) throw new Error('canone notices: fewer numbers than instalments');
      notices.push({
        comune,
        notice_number: number.noticeNumber,
        application_id: item.applicationId,
        year: item.year,
        instalment: inst.n,
        of_count: of,
        iuv: number.iuv,
        amount_cents: inst.amountCents,
        due_date: inst.dueDate,
        status: 'open',
        issued_at: at,
      });
      positions.push({
        comune,
        notice_number: number.noticeNumber,
        debtor_cf: item.debtor,
        description:
          of > 1
            ? `Canone unico ${item.concessionNumber} anno ${item.year}, rata ${inst.n} di ${of}`
            : `Canone unico ${item.concessionNumber} anno ${item.year}, rata unica`,
        kind: 'CANONE',
        amount_cents: inst.amountCents,
        due_date: inst.dueDate,
        instalment: of > 1 ? inst.n : null,
        status: 'open',
        paid_receipt: null,
        imported_at: at,
      });
      list.push({
        noticeNumber: number.noticeNumber,
        iuv: number.iuv,
        year: item.year,
        instalment: inst.n,
        of,
        amountCents: inst.amountCents,
        dueDate: inst.dueDate,
        status: 'open',
      });
    }
    out.set(item.applicationId, list);
  }
  await insertInChunks(trx, 'canone_notices', notices);
  await insertInChunks(trx, 'debt_positions', positions);
  await appendChanges(
    trx,
    positions.map((p) => ({
      comune,
      entity: 'debt_position' as const,
      entity_id: p.notice_number,
      op: 'upsert' as const,
      payload: JSON.stringify(toDebtPositionWire(p)),
      at,
      mutation_id: mutationId,
    })),
  );
  return out;
}
