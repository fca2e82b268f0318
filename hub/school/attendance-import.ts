import type { Kysely } from 'kysely';
import { isIsoDate, type IsoDate } from '../../shared/calendar/iso-date';
import { AppError, localizeError, type ErrorParams } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/error-messages';
import { formatDate } from '../../shared/i18n/registry-labels';
import { activeIn, monthOf } from '../../shared/school/billing';
import { noSchoolReason, schoolYearOfMonth, type NoSchoolReason } from '../../shared/school/school-catalogue';
import type { AttendanceImportReport } from '../../shared/school/school-views';
import type { HubDatabase } from '../db/database';
import { NO_SCHOOL_WORDS } from './school-appliers';

/** A school's month is a few thousand rows; a file beyond this is a mistake, not a month. */
export const MAX_ATTENDANCE_ROWS = 200_000;
const ROWS_PER_INSERT = 400;

function day(text: string): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
  return isIsoDate(iso) ? iso : null;
}

/**
 * Imports the canteen operator's file for one school: `giorno;codice fiscale;pasti` a line.
 * Rows for children not enrolled in this school's canteen that day, for days without lessons
 * (weekends, holidays of shared/calendar, the school calendar's breaks) or malformed are refused
 * BY LINE; the rest is imported in one transaction. A day in the file replaces what an earlier
 * import said for that school and day, so importing the same file twice changes nothing.
 */
export async function importAttendance(
  db: Kysely<HubDatabase>,
  comune: string,
  schoolCode: string,
  csv: string,
  at: string,
): Promise<AttendanceImportReport> {
  const lines = csv.split(/\r?\n/);
  const header = (lines[0] ?? '').toLowerCase();
  if (!/giorno|day/.test(header) || lines.length < 2) throw new AppError('school_attendance_empty');
  if (lines.length > MAX_ATTENDANCE_ROWS + 1) {
    throw new AppError('school_attendance_too_large', { lines: lines.length - 1, max: MAX_ATTENDANCE_ROWS });
  }
  const rejected: AttendanceImportReport['rejected'] = [];
  const reject = (line: number, code: ErrorCode, params: ErrorParams = {}) =>
    rejected.push({ line, code, message: localizeError(code, params, 'it') });

  // the canteen enrolments of this school, by child: who may appear in the file, and when
  const enrolled = new Map<string, { startMonth: string; endMonth: string | null; schoolYear: string }[]>();
  const rows = await db
    .selectFrom('school_enrolments')
    .select(['child_cf', 'start_month', 'end_month', 'school_year'])
    .where('comune', '=', comune)
    .where('school_code', '=', schoolCode)
    .where('service', '=', 'mensa')
    .execute();
  for (const r of rows) {
    const list = enrolled.get(r.child_cf) ?? [];
    list.push({ startMonth: r.start_month, endMonth: r.end_month, schoolYear: r.school_year });
    enrolled.set(r.child_cf, list);
  }

  const good = new Map<string, { day: IsoDate; cf: string; meals: number }>();
  const noSchool = new Map<IsoDate, NoSchoolReason | null>();
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    const lineNo = i + 1;
    const [dayText = '', cfText = '', mealsText = '', ...rest] = text.split(';');
    const d = day(dayText);
    const cf = cfText.trim().toUpperCase();
    const meals = /^\d$/.test(mealsText.trim()) ? Number(mealsText.trim()) : NaN;
    if (!d || rest.length > 0 || cf.length !== 16 || !(meals >= 0 && meals <= 3)) {
      reject(lineNo, 'school_attendance_bad_row');
      continue;
    }
    if (!noSchool.has(d)) noSchool.set(d, noSchoolReason(comune, schoolYearOfMonth(monthOf(d)), d));
    const why = noSchool.get(d);
    if (why) {
      reject(lineNo, 'school_not_a_school_day', { day: formatDate(d), why: NO_SCHOOL_WORDS[why] });
      continue;
    }
    const month = monthOf(d);
    const year = schoolYearOfMonth(month);
    if (!(enrolled.get(cf) ?? []).some((e) => e.schoolYear === year && activeIn(e, month))) {
      reject(lineNo, 'school_attendance_unknown_child', { codiceFiscale: cf, day: formatDate(d) });
      continue;
    }
    const key = `${d}|${cf}`;
    if (good.has(key)) {
      reject(lineNo, 'school_attendance_duplicate', { codiceFiscale: cf, day: formatDate(d) });
      continue;
    }
    good.set(key, { day: d, cf, meals });
  }
  const days = [...new Set([...good.values()].map((g) => g.day))].sort();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < days.length; i += ROWS_PER_INSERT) {
      await trx
        .deleteFrom('school_attendance')
        .where('comune', '=', comune)
        .where('school_code', '=', schoolCode)
        .where('day', 'in', days.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
    const values = [...good.values()].map((g) => ({
      comune,
      school_code: schoolCode,
      day: g.day,
      child_cf: g.cf,
      meals: g.meals,
      imported_at: at,
    }));
    for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('school_attendance')
        .values(values.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
  });
  return { school: schoolCode, imported: good.size, days: days.length, rejected };
}
