import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { ProtocolEntry } from '../../shared/cases/case-wire';
import { AppError } from '../../shared/errors/app-error';
import type { LocalDateTime } from '../../shared/protocol/local-date-time';
import type { ProtocolError } from '../../shared/protocol/protocol-errors';
import {
  checkProtocolSequence,
  formatProtocolNumber,
  protocolYear,
  type ProtocolNumber,
} from '../../shared/protocol/protocol-number';
import {
  cancelRegistration,
  correctRegistration,
  describeCancellation,
  validateRegistration,
  type AuthorisingAct,
  type ProtocolCancellation,
  type ProtocolRegistration,
} from '../../shared/protocol/protocol-register';
import type { HubDatabase } from '../db/database';
import type { ProtocolRegisterTable } from './protocol-tables';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

const refused = (e: ProtocolError): AppError =>
  new AppError('protocol_refused', { reason: e.reason, detail_it: e.message.it, detail_en: e.message.en });

/**
 * The next number of the comune's register for `year`, taken inside the caller's transaction.
 * One statement that inserts the year's counter or bumps it: on PostgreSQL it locks the row
 * until commit, so concurrent registrations queue up behind it (DOMAIN.md §8.2: "a single
 * serialised transaction"); a rollback gives the number back, so the register has no gaps.
 */
export async function allocateProtocolNumber(
  trx: Transaction<HubDatabase>,
  comune: string,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('protocol_counters')
    .values({ comune, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['comune', 'year']).doUpdateSet({ last_number: sql`protocol_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export interface NewRegistration {
  comune: string;
  registeredAt: LocalDateTime;
  direction: ProtocolRegisterTable['direction'];
  correspondents: string[];
  subject: string;
  caseId: string | null;
  registeredBy: string;
}

/** Registers a document (art. 53): the number and date come from here and are never edited. */
export async function registerProtocol(
  trx: Transaction<HubDatabase>,
  reg: NewRegistration,
): Promise<ProtocolNumber> {
  const year = protocolYear(reg.registeredAt);
  const number = await allocateProtocolNumber(trx, reg.comune, year);
  const registration = toRegistration({
    comune: reg.comune,
    year,
    number,
    registered_at: reg.registeredAt,
    direction: reg.direction,
    correspondents: JSON.stringify(reg.correspondents),
    subject: reg.subject,
  });
  const [problem] = validateRegistration(registration);
  if (problem) throw refused(problem);
  await trx
    .insertInto('protocol_register')
    .values({
      comune: reg.comune,
      year,
      number,
      registered_at: reg.registeredAt,
      direction: reg.direction,
      correspondents: JSON.stringify(reg.correspondents),
      subject: reg.subject,
      case_id: reg.caseId,
      registered_by: reg.registeredBy,
      cancelled_at: null,
      cancelled_by: null,
      cancellation: null,
    })
    .execute();
  return { year, number };
}

type RegisterRow = Pick<
  ProtocolRegisterTable,
  'comune' | 'year' | 'number' | 'registered_at' | 'direction' | 'correspondents' | 'subject'
>;

function toRegistration(row: RegisterRow): ProtocolRegistration {
  return {
    aoo: row.comune,
    year: Number(row.year),
    number: Number(row.number),
    registeredAt: row.registered_at,
    direction: row.direction,
    correspondents: JSON.parse(row.correspondents) as string[],
    subject: row.subject,
    senderProtocol: null,
    receivedElectronically: false,
    digest: null,
  };
}

async function findEntry(db: Db, comune: string, year: number, number: number) {
  const row = await db
    .selectFrom('protocol_register')
    .selectAll()
    .where('comune', '=', comune)
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw new AppError('protocol_not_found', { number: formatProtocolNumber({ year, number }) });
  return row;
}

/**
 * Cancels a whole registration (art. 54; DOMAIN.md §8.3): the row stays with its original
 * fields readable, the operator, the time and the authorising act; the number is never reused.
 */
export async function cancelProtocol(
  trx: Transaction<HubDatabase>,
  comune: string,
  key: ProtocolNumber,
  meta: { at: LocalDateTime; operator: string; act: AuthorisingAct; reason: string },
): Promise<void> {
  const row = await findEntry(trx, comune, key.year, key.number);
  if (row.cancelled_at !== null) {
    throw new AppError('protocol_already_cancelled', { number: formatProtocolNumber(key) });
  }
  const result = cancelRegistration(toRegistration(row), {
    at: meta.at,
    operatorId: meta.operator,
    authorisingAct: meta.act,
    reason: meta.reason,
  });
  if (!result.ok) throw refused(result.error);
  await trx
    .updateTable('protocol_register')
    .set({
      cancelled_at: meta.at,
      cancelled_by: meta.operator,
      cancellation: JSON.stringify({ act: meta.act, reason: meta.reason }),
    })
    .where('comune', '=', comune)
    .where('year', '=', key.year)
    .where('number', '=', key.number)
    .execute();
}

/** Corrects the subject or the correspondents; the old value is kept with date, time and author. */
export async function correctProtocol(
  trx: Transaction<HubDatabase>,
  comune: string,
  key: ProtocolNumber,
  field: 'subject' | 'correspondents',
  value: string,
  meta: { at: LocalDateTime; operator: string; reason: string },
): Promise<void> {
  const row = await findEntry(trx, comune, key.year, key.number);
  if (row.cancelled_at !== null) {
    throw new AppError('protocol_already_cancelled', { number: formatProtocolNumber(key) });
  }
  const current = toRegistration(row);
  const newValue =
    field === 'subject'
      ? value.trim()
      : value
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s !== '');
  const result =
    field === 'subject'
      ? correctRegistration(current, 'subject', newValue as string, {
          at: meta.at,
          operatorId: meta.operator,
          reason: meta.reason,
        })
      : correctRegistration(current, 'correspondents', newValue as string[], {
          at: meta.at,
          operatorId: meta.operator,
          reason: meta.reason,
        });
  if (!result.ok) throw refused(result.error);
  await trx
    .insertInto('protocol_corrections')
    .values({
      id: uuidv7(),
      comune,
      year: key.year,
      number: key.number,
      field,
      old_value: JSON.stringify(current[field]),
      new_value: JSON.stringify(newValue),
      corrected_at: meta.at,
      operator: meta.operator,
      reason: meta.reason,
    })
    .execute();
  await trx
    .updateTable('protocol_register')
    .set(field === 'subject' ? { subject: newValue as string } : { correspondents: JSON.stringify(newValue) })
    .where('comune', '=', comune)
    .where('year', '=', key.year)
    .where('number', '=', key.number)
    .execute();
}

const shown = (json: string): string => {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.join('; ') : String(value);
};

/** What a counter outside the office reads in place of a reserved entry's correspondents and subject. */
const RESERVED = 'Riservato (servizi sociali)';

/**
 * The year's register, newest first (up to `limit`), with corrections and cancellation marks,
 * and the register's own consistency check over the whole year (gaps, duplicates).
 *
 * Entries of the cases of `reservedProcedures` (another office's special-category files) keep
 * their number, date and direction, so the register stays whole and checkable, but not who and
 * what: the "protocollo riservato" of the social office (DOMAIN.md §12.1).
 */
export async function readRegister(
  db: Db,
  comune: string,
  year: number,
  limit: number,
  reservedProcedures: readonly string[] = [],
): Promise<{ entries: ProtocolEntry[]; problems: string[] }> {
  const read = await db
    .selectFrom('protocol_register')
    .selectAll()
    .where('comune', '=', comune)
    .where('year', '=', year)
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
  const caseIds = [...new Set(read.flatMap((r) => (r.case_id === null ? [] : [r.case_id])))];
  const reservedCases = new Set(
    reservedProcedures.length > 0 && caseIds.length > 0
      ? (
          await db
            .selectFrom('cases')
            .select('id')
            .where('comune', '=', comune)
            .where('id', 'in', caseIds)
            .where('procedure_code', 'in', reservedProcedures)
            .execute()
        ).map((c) => c.id)
      : [],
  );
  const reserved = (r: { case_id: string | null }) => r.case_id !== null && reservedCases.has(r.case_id);
  const rows = read.map((r) =>
    reserved(r) ? { ...r, correspondents: JSON.stringify([RESERVED]), subject: RESERVED } : r,
  );
  const reservedNumbers = new Set(read.filter(reserved).map((r) => Number(r.number)));
  const numbers = await db
    .selectFrom('protocol_register')
    .select('number')
    .where('comune', '=', comune)
    .where('year', '=', year)
    .execute();
  const problems = checkProtocolSequence(numbers.map((n) => ({ year, number: Number(n.number) }))).map(
    (p) => p.message.it,
  );
  const corrections = rows.length
    ? await db
        .selectFrom('protocol_corrections')
        .selectAll()
        .where('comune', '=', comune)
        .where('year', '=', year)
        .where(
          'number',
          'in',
          rows.map((r) => Number(r.number)),
        )
        .orderBy('corrected_at')
        .execute()
    : [];
  const entries = rows.map((row): ProtocolEntry => {
    const key = { year: Number(row.year), number: Number(row.number) };
    const own = corrections.filter((c) => Number(c.number) === key.number);
    // The register shows what was registered: the original, then each correction beside it.
    let cancellation: ProtocolEntry['cancellation'] = null;
    if (row.cancelled_at !== null && row.cancellation !== null) {
      const c = JSON.parse(row.cancellation) as { act: AuthorisingAct; reason: string };
      const record: ProtocolCancellation = {
        key: { aoo: comune, ...key },
        original: toRegistration(row),
        cancelledAt: row.cancelled_at,
        operatorId: row.cancelled_by ?? '',
        authorisingAct: c.act,
        reason: c.reason,
      };
      cancellation = {
        cancelledAt: row.cancelled_at,
        operator: row.cancelled_by ?? '',
        act: c.act,
        reason: c.reason,
        mark: { it: describeCancellation(record, 'it'), en: describeCancellation(record, 'en') },
      };
    }
    return {
      ...key,
      formatted: formatProtocolNumber(key),
      registeredAt: row.registered_at,
      direction: row.direction,
      correspondents: JSON.parse(row.correspondents) as string[],
      subject: row.subject,
      caseId: row.case_id,
      registeredBy: row.registered_by,
      corrections: own.map((c) => ({
        field: c.field,
        oldValue: reservedNumbers.has(key.number) ? RESERVED : shown(c.old_value),
        newValue: reservedNumbers.has(key.number) ? RESERVED : shown(c.new_value),
        correctedAt: c.corrected_at,
        operator: c.operator,
        reason: c.reason,
      })),
      cancellation,
    };
  });
  return { entries, problems };
}
