import { join } from 'node:path';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { openHubDatabase, type HubDb } from './db/open-hub-database';
import { seedDemoCases } from './cases/seed-demo-cases';
import { seedDemoFines } from './cashdesk/demo-fines';
import { isSeeded, seedDemo } from './seed/seed-demo';
import { buildHubServer } from './server';
import { loadAuditKeeping } from './audit/audit-key';

export interface RunningHub {
  url: string;
  hubDb: HubDb;
  close(): Promise<void>;
}

/** Opens (and on first run seeds) the hub store, then listens on 127.0.0.1 only. */
export async function startHub(opts: {
  dataDir: string;
  port: number;
  residents: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<RunningHub> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const hubDb = await openHubDatabase({
    databaseUrl: process.env.DATABASE_URL,
    sqliteFile: join(opts.dataDir, 'hub', 'hub.sqlite'),
  });
  if (!(await isSeeded(hubDb.db))) {
    const plan = defaultDemoPlan(opts.residents);
    log(
      `[hub] first run: generating the demo registry (${opts.residents} residents in Casale + ${plan.length - 1} neighbouring comuni)…`,
    );
    const started = Date.now();
    const done = await seedDemo(hubDb.db, { seed: opts.seed, comuni: plan });
    log(
      `[hub] seeded ${done.residents} residents in ${done.families} households in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const fines = await seedDemoFines(hubDb.db, 'B885', new Date());
    await seedDemoCases(hubDb.db, 'B885', new Date());
    log(
      `[hub] imported ${fines.verbali.imported} demo verbali and ${fines.positions.imported} pagoPA positions for Casale (e.g. verbale "1001/A AB123CD")`,
    );
  }
  const app = buildHubServer({ hubDb, audit: loadAuditKeeping(opts.dataDir) });
  const address = await app.listen({ host: '127.0.0.1', port: opts.port });
  return {
    url: address,
    hubDb,
    close: async () => {
      await app.close();
      await hubDb.close();
    },
  };
}
