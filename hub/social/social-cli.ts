import { readFileSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import { importSadHours, runSadBilling } from './sad-billing';
import { treasuryCsv, treasuryPayments } from './treasury';

const USAGE =
  'use: social treasury <YYYY-MM> [--file out.csv] | social sad-hours <YYYY-MM> --file hours.csv | social sad-billing <YYYY-MM>  (--comune <belfiore>)';

/**
 * `npm run hub -- social …` for IT and the office's night jobs: the treasury CSV of a month's
 * contributo payments, the provider's hours import, the month's SAD billing run. Returns the
 * lines to print; the CSV goes to --file (or to the output).
 */
export async function runSocialCommand(
  db: Kysely<HubDatabase>,
  comune: string,
  positionals: readonly string[],
  file: string,
  now: Date = new Date(),
): Promise<string[]> {
  const [, sub, month = ''] = positionals;
  if (sub === 'treasury') {
    const lines = await treasuryPayments(db, comune, month, now);
    const csv = treasuryCsv(lines);
    if (file === '') return [csv];
    writeFileSync(file, csv, 'utf8');
    return [`[hub] social ${comune} ${month}: ${lines.length} payments to the treasury in ${file}`];
  }
  if (sub === 'sad-hours') {
    if (file === '') throw new Error(USAGE);
    const r = await importSadHours(db, comune, month, readFileSync(file, 'utf8'), now);
    return [
      ...r.rejected.map((x) => `[hub] ${x.message}`),
      `[hub] SAD ${comune} ${month}: ${r.accepted} lines imported, ${r.rejected.length} rejected`,
    ];
  }
  if (sub === 'sad-billing') {
    const r = await runSadBilling(db, comune, month, now);
    return [
      `[hub] SAD ${comune} ${month}: ${r.users} users, ${r.notices} notices issued, total ${(r.totalCents / 100).toFixed(2)} EUR in ${r.seconds.toFixed(2)} s`,
    ];
  }
  throw new Error(USAGE);
}
