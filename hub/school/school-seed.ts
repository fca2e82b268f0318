import type { Kysely } from 'kysely';
import { addDays, compareIsoDates, type IsoDate } from '../../shared/calendar/iso-date';
import { romeDateTimeOf } from '../../shared/calendar/rome-date';
import type { IseeStatement } from '../../shared/isee/statement';
import { bandFor, firstDayOf, lastDayOf, siblingRanks } from '../../shared/school/billing';
import { noSchoolReason, schoolYearOfMonth } from '../../shared/school/school-catalogue';
import type {
  SchoolChild,
  SchoolEnrolmentRecord,
  SchoolLevel,
  SchoolPayer,
  SchoolService,
} from '../../shared/school/school-wire';
import { appendChanges } from '../sync/change-log';
import type { HubDatabase } from '../db/database';
import { enrolmentRowOf } from './school-repository';
import { schoolTariffTables } from './school-tariffs';

/**
 * Bulk seeding of enrolments for the demo and the benchmark: what `school.enrol` records, written
 * by the thousand without one transaction per child. The ranks and bands are computed with the
 * same shared rules as the applier; the registry checks are the caller's (demo: children taken
 * from the registry; bench: synthetic families).
 */
export interface SeedChild {
  child: SchoolChild;
  level: SchoolLevel;
  school: { code: string; className: string };
  services: readonly SchoolService[];
  route?: { route: string; stop: string };
}

export interface SeedFamily {
  household: string;
  payer: SchoolPayer;
  isee: IseeStatement | null;
  children: readonly SeedChild[];
}

const ROWS_PER_INSERT = 300;

async function insertChunks<T extends keyof HubDatabase>(
  db: Kysely<HubDatabase>,
  table: T,
  rows: readonly object[],
) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    // Kysely cannot relate a generic table to its own Insertable: the callers build the rows
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}

export async function seedEnrolments(
  db: Kysely<HubDatabase>,
  comune: string,
  families: readonly SeedFamily[],
  opts: { schoolYear: string; startMonth: string; now: Date; idPrefix: string },
): Promise<SchoolEnrolmentRecord[]> {
  const at = opts.now.toISOString();
  const localAt = romeDateTimeOf(opts.now);
  const tables = schoolTariffTables();
  const drafts: { record: SchoolEnrolmentRecord; household: string; statement: IseeStatement | null }[] = [];
  let n = 0;
  for (const f of families) {
    for (const c of f.children) {
      for (const service of c.services) {
        drafts.push({
          household: f.household,
          statement: f.isee,
          record: {
            id: `${opts.idPrefix}-${++n}`,
            comune,
            schoolYear: opts.schoolYear,
            service,
            child: c.child,
            payer: f.payer,
            school: c.school,
            level: c.level,
            transport: service === 'trasporto' ? (c.route ?? { route: 'L1', stop: 'L1-01' }) : null,
            diet: service === 'mensa' ? { needed: false, code: null } : null,
            startMonth: opts.startMonth,
            endMonth: null,
            status: 'active',
            siblingRank: 1,
            band: {
              tableId: '-',
              label: '',
              chosenBy: 'no_isee',
              unitPriceCents: 0,
              unit: 'meal',
              exempt: false,
              iseeCents: null,
              warning: null,
            },
            quotedUnitPriceCents: null,
            enrolledAt: localAt,
            enrolledBy: 'seed',
            withdrawnAt: null,
            withdrawReason: null,
          },
        });
      }
    }
  }
  for (const service of ['mensa', 'trasporto'] as const) {
    const ranks = siblingRanks(
      drafts
        .filter((d) => d.record.service === service)
        .map((d) => ({
          id: d.record.id,
          household: d.household,
          birthDate: d.record.child.birthDate,
          childCf: d.record.child.codiceFiscale,
        })),
    );
    for (const d of drafts) {
      if (d.record.service !== service) continue;
      const rank = ranks.get(d.record.id) ?? 1;
      const band = bandFor({
        tables,
        comune,
        service,
        month: opts.startMonth,
        resident: d.record.child.resident,
        siblingRank: rank,
        statement: d.statement,
      });
      if (!band.ok) throw new Error(`seed band: ${band.error.code}`);
      d.record = { ...d.record, siblingRank: rank, band: band.band };
    }
  }
  await insertChunks(
    db,
    'school_enrolments',
    drafts.map((d) => enrolmentRowOf(d.record, d.household, 'seed', at)),
  );
  const isee = families.filter((f) => f.isee !== null);
  await insertChunks(
    db,
    'school_isee',
    [...new Map(isee.map((f) => [f.payer.codiceFiscale, f])).values()].map((f) => ({
      comune,
      payer_cf: f.payer.codiceFiscale,
      from_month: opts.startMonth,
      statement: JSON.stringify(f.isee),
      recorded_at: at,
    })),
  );
  await db.transaction().execute(async (trx) =>
    appendChanges(
      trx,
      drafts.map((d) => ({
        comune,
        entity: 'school_enrolment' as const,
        entity_id: d.record.id,
        op: 'upsert' as const,
        payload: JSON.stringify(d.record),
        at,
        mutation_id: null,
      })),
    ),
  );
  return drafts.map((d) => d.record);
}

/** The school days of a month, up to (excluding) `before` when given. */
export function schoolDaysOf(comune: string, month: string, before: IsoDate | null = null): IsoDate[] {
  const year = schoolYearOfMonth(month);
  const out: IsoDate[] = [];
  for (let d = firstDayOf(month); compareIsoDates(d, lastDayOf(month)) <= 0; d = addDays(d, 1)) {
    if (before !== null && compareIsoDates(d, before) >= 0) break;
    if (noSchoolReason(comune, year, d) === null) out.push(d);
  }
  return out;
}

/**
 * A month of meals for the canteen enrolments, as the operator's import stores them: one meal a
 * school day, with a child away now and then (deterministic: the same seed, the same meals).
 */
export async function seedMeals(
  db: Kysely<HubDatabase>,
  comune: string,
  records: readonly SchoolEnrolmentRecord[],
  month: string,
  opts: { now: Date; before?: IsoDate | null },
): Promise<number> {
  const days = schoolDaysOf(comune, month, opts.before ?? null);
  const at = opts.now.toISOString();
  const rows: object[] = [];
  let i = 0;
  for (const r of records) {
    if (r.service !== 'mensa') continue;
    i++;
    days.forEach((day, k) => {
      // about one day in twelve away
      if ((i * 7 + k * 13) % 12 === 0) return;
      rows.push({
        comune,
        school_code: r.school.code,
        day,
        child_cf: r.child.codiceFiscale,
        meals: 1,
        imported_at: at,
      });
    });
  }
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < rows.length; k += 500) {
      await trx
        .insertInto('school_attendance')
        .values(rows.slice(k, k + 500) as never)
        .execute();
    }
  });
  return rows.length;
}
