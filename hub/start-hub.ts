import { join } from 'node:path';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { openHubDatabase, type HubDb } from './db/open-hub-database';
import { isSeeded, seedDemo } from './seed/seed-demo';
import { seedServiceDemos } from './services/merge';
import { buildHubServer } from './server';
import { hasAnyUser } from './admin/create-user';
import type { ScryptCost } from '../shared/auth/scrypt-cost';
import { loadAuditKeeping } from './audit/audit-key';
import type { HubLogging } from './ops/logging';
import { backupScheduleFromEnv, scheduleBackups } from './ops/backup';

export interface RunningHub {
  url: string;
  hubDb: HubDb;
  close(): Promise<void>;
}

/**
 * Opens the hub store, then listens on `host` (127.0.0.1 unless told otherwise: other machines reach
 * the hub through a reverse proxy with TLS, docs/operations.md). Demo comuni, users (one shared, published
 * password) and registry are generated only in demo mode (`npm start`, `hub serve --demo`); a
 * production store starts empty and says how to create its first administrator.
 */
export async function startHub(opts: {
  dataDir: string;
  port: number;
  /** default 127.0.0.1 */
  host?: string;
  /** JSON request lines (default: on, to stdout) */
  logger?: HubLogging;
  residents: number;
  seed: number;
  demo: boolean;
  log?: (line: string) => void;
  /** tests only: a cheaper password cost than OWASP_SCRYPT */
  passwordCost?: ScryptCost;
}): Promise<RunningHub> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const sqliteFile = join(opts.dataDir, 'hub', 'hub.sqlite');
  const hubDb = await openHubDatabase({ databaseUrl: process.env.DATABASE_URL, sqliteFile });
  if (opts.demo && !(await isSeeded(hubDb.db))) {
    const plan = defaultDemoPlan(opts.residents);
    log(
      `[hub] first run: generating the demo registry (${opts.residents} residents in Casale + ${plan.length - 1} neighbouring comuni)…`,
    );
    const started = Date.now();
    const done = await seedDemo(hubDb.db, { seed: opts.seed, comuni: plan }, undefined, opts.passwordCost);
    log(
      `[hub] seeded ${done.residents} residents in ${done.families} households in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const line of await seedServiceDemos(hubDb.db, 'B885', new Date())) log(`[hub] ${line}`);
  }
  if (!(await hasAnyUser(hubDb.db))) {
    log(
      '[hub] no users yet. Create the first administrator (the password is asked, never typed on the command line):',
    );
    log(
      '[hub]   npm run hub -- create-admin --comune B885 --user admin.casale --display-name "Nome Cognome"',
    );
    log(
      '[hub] then workstations with `npm run hub -- enrol` and clerks with `npm run hub -- create-user --role clerk`.',
    );
    log('[hub] For a demo with generated data instead: `npm run hub -- serve --demo` (or SPORTELLO_DEMO=1).');
  }
  const app = buildHubServer({
    hubDb,
    audit: loadAuditKeeping(opts.dataDir),
    logger: opts.logger ?? true,
    ...(opts.passwordCost ? { passwordCost: opts.passwordCost } : {}),
  });
  const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port });
  // PostgreSQL is backed up by its own tools (pg_dump, PITR): docs/operations.md
  const stopBackups =
    hubDb.dialect === 'sqlite'
      ? scheduleBackups(sqliteFile, { ...backupScheduleFromEnv(), log })
      : () => undefined;
  return {
    url: address,
    hubDb,
    close: async () => {
      stopBackups();
      await app.close();
      await hubDb.close();
    },
  };
}
