import { join } from 'node:path';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { parseHubArgs } from './config';
import { openHubDatabase } from './db/open-hub-database';
import { enrolWorkstation, isSeeded, seedDemo } from './seed/seed-demo';
import { startHub } from './start-hub';

/** `npm run hub -- <serve|migrate|seed|enrol> [--port] [--data] [--residents] [--comune] [--name]` */
async function main(): Promise<void> {
  const args = parseHubArgs(process.argv.slice(2));
  const open = () =>
    openHubDatabase({
      databaseUrl: process.env.DATABASE_URL,
      sqliteFile: join(args.dataDir, 'hub', 'hub.sqlite'),
    });
  switch (args.command) {
    case 'serve': {
      const hub = await startHub({
        dataDir: args.dataDir,
        port: args.port,
        residents: args.residents,
        seed: args.seed,
      });
      console.log(`[hub] listening on ${hub.url} (${hub.hubDb.dialect})`);
      const stop = () => void hub.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const hub = await open();
      console.log(`[hub] schema up to date (${hub.dialect})`);
      await hub.close();
      return;
    }
    case 'seed': {
      const hub = await open();
      if (await isSeeded(hub.db)) {
        console.log('[hub] already seeded; delete the data folder (or database) to start again');
      } else {
        const done = await seedDemo(hub.db, {
          seed: args.seed,
          comuni: defaultDemoPlan(args.residents),
        });
        console.log(`[hub] seeded ${done.residents} residents`);
      }
      await hub.close();
      return;
    }
    case 'enrol': {
      const hub = await open();
      const ws = await enrolWorkstation(hub.db, args.comune, args.name);
      console.log(
        `[hub] workstation "${args.name}" enrolled for ${args.comune}. Credential (shown once): ${ws.token}`,
      );
      await hub.close();
      return;
    }
    default:
      throw new Error(`unknown command "${args.command}": use serve, migrate, seed or enrol`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
