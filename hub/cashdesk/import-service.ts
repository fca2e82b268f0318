import type { Kysely, Transaction } from 'kysely';
import { cashdeskSettingOn } from '../../shared/cashdesk/comune-settings';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { parseVerbaliCsv } from '../../shared/fines/verbali-csv';
import { parseDebtPositionsCsv } from '../../shared/pagopa/debt-positions-csv';
import { generateNoticeNumber } from '../../shared/pagopa/notice-number';
import type { HubDatabase } from '../db/database';
import { appendChange } from '../sync/change-log';
import { toDebtPositionWire, toVerbaleWire } from './cashdesk-wire';

/** One line of the import report: the file's line number and why it was refused, in Italian. */
export interface ImportRejection {
  line: number;
  problems: string[];
}

export interface ImportReport {
  imported: number;
  rejected: ImportRejection[];
  /** problems of the file as a whole (missing columns…): nothing was imported */
  fileProblems: string[];
}

const CHUNK = 200;

/**
 * Next notice numbers of the comune's own positions: the IUV base is a per-comune counter
 * advanced in the import's transaction, so an IUV is never reused (DOMAIN.md §6.1).
 */
export async function allocateNotices(
  trx: Transaction<HubDatabase>,
  comune: string,
  count: number,
  today: string,
) {
  const setting = cashdeskSettingOn(comune, today);
  if (!setting)
    throw new Error(`no pagoPA setting for comune ${comune}: add it to shared/cashdesk/comune-settings.ts`);
  const row = await trx
    .selectFrom('notice_counters')
    .select('last_base')
    .where('comune', '=', comune)
    .executeTakeFirst();
  let base = BigInt(row?.last_base ?? '0');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    base += 1n;
    const n = generateNoticeNumber({ auxDigit: 3, segregationCode: setting.segregationCode, base });
    if (!n.ok) throw new Error(`notice number: ${n.error.message.en}`);
    out.push(n.value.noticeNumber);
  }
  if (row)
    await trx
      .updateTable('notice_counters')
      .set({ last_base: base.toString() })
      .where('comune', '=', comune)
      .execute();
  else await trx.insertInto('notice_counters').values({ comune, last_base: base.toString() }).execute();
  return out;
}

/**
 * Imports the local police's verbali of one comune (CSV described in shared/fines/verbali-csv.ts).
 * Good rows are kept, bad ones reported line by line; a verbale already at the hub is refused,
 * never overwritten. One transaction: the counters see the whole file or nothing of it.
 */
export async function importVerbali(
  db: Kysely<HubDatabase>,
  comune: string,
  csv: string,
  now: Date = new Date(),
): Promise<ImportReport> {
  const today = romeDateOf(now);
  const parsed = parseVerbaliCsv(csv, { comune, today });
  const rejected: ImportRejection[] = parsed.rejected.map((r) => ({
    line: r.line,
    problems: r.problems.map((p) => p.message.it),
  }));
  if (parsed.fileProblems.length > 0)
    return { imported: 0, rejected, fileProblems: parsed.fileProblems.map((p) => p.message.it) };
  const at = now.toISOString();
  const imported = await db.transaction().execute(async (trx) => {
    const existing = new Set<string>();
    for (let i = 0; i < parsed.rows.length; i += CHUNK) {
      const keys = parsed.rows.slice(i, i + CHUNK).map((r) => r.key);
      const found = await trx
        .selectFrom('verbali')
        .select('key')
        .where('comune', '=', comune)
        .where('key', 'in', keys)
        .execute();
      for (const f of found) existing.add(f.key);
    }
    const fresh = parsed.rows.filter((r) => {
      if (!existing.has(r.key)) return true;
      rejected.push({ line: r.line, problems: [`Verbale ${r.key} già importato: non viene sovrascritto.`] });
      return false;
    });
    const notices = await allocateNotices(trx, comune, fresh.filter((r) => !r.noticeNumber).length, today);
    let next = 0;
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const rows = fresh.slice(i, i + CHUNK).map((r) => ({
        comune,
        key: r.key,
        number: r.number,
        series: r.series,
        plate: r.plate,
        violation_date: r.violationDate,
        violation_time: r.violationTime,
        article: r.article,
        comma: r.comma,
        violation_id: r.violationId,
        notification: r.notification ? JSON.stringify(r.notification) : null,
        notification_costs_cents: r.notificationCostsCents,
        licence_points: r.licencePoints,
        driver_identified: r.driverIdentified ? 1 : 0,
        notice_number: r.noticeNumber ?? notices[next++] ?? '',
        status: 'open' as const,
        paid_receipt: null,
        imported_at: at,
      }));
      await trx.insertInto('verbali').values(rows).execute();
      for (const row of rows)
        await appendChange(trx, {
          comune,
          entity: 'verbale',
          entityId: row.key,
          op: 'upsert',
          payload: toVerbaleWire(row),
          at,
        });
    }
    return fresh.length;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { imported, rejected, fileProblems: [] };
}

/** Imports debt positions (TARI, IMU, canteen…) of one comune; same rules as the verbali. */
export async function importDebtPositions(
  db: Kysely<HubDatabase>,
  comune: string,
  csv: string,
  now: Date = new Date(),
): Promise<ImportReport> {
  const today = romeDateOf(now);
  const setting = cashdeskSettingOn(comune, today);
  const parsed = parseDebtPositionsCsv(csv, {
    comune,
    today,
    ...(setting ? { segregationCode: setting.segregationCode } : {}),
  });
  const rejected: ImportRejection[] = parsed.rejected.map((r) => ({
    line: r.line,
    problems: r.problems.map((p) => p.message.it),
  }));
  if (parsed.fileProblems.length > 0)
    return { imported: 0, rejected, fileProblems: parsed.fileProblems.map((p) => p.message.it) };
  const at = now.toISOString();
  const imported = await db.transaction().execute(async (trx) => {
    let count = 0;
    for (const r of parsed.rows) {
      const exists = await trx
        .selectFrom('debt_positions')
        .select('notice_number')
        .where('comune', '=', comune)
        .where('notice_number', '=', r.noticeNumber)
        .executeTakeFirst();
      if (exists) {
        rejected.push({
          line: r.line,
          problems: [`Avviso ${r.noticeNumber} già importato: non viene sovrascritto.`],
        });
        continue;
      }
      const row = {
        comune,
        notice_number: r.noticeNumber,
        debtor_cf: r.debtorFiscalCode,
        description: r.description,
        kind: r.kind,
        amount_cents: r.amountCents,
        due_date: r.dueDate,
        instalment: r.instalment,
        status: 'open' as const,
        paid_receipt: null,
        imported_at: at,
      };
      await trx.insertInto('debt_positions').values(row).execute();
      await appendChange(trx, {
        comune,
        entity: 'debt_position',
        entityId: row.notice_number,
        op: 'upsert',
        payload: toDebtPositionWire(row),
        at,
      });
      count++;
    }
    return count;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { imported, rejected, fileProblems: [] };
}
