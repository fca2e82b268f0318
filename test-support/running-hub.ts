import type { ScryptCost } from '../hub/auth/passwords';
import type { HubDb } from '../hub/db/open-hub-database';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer, type HubServerOptions } from '../hub/server';
import type { FastifyInstance } from 'fastify';
import { freshHubDb, type HubBackend } from './hub-backends';
import { FAST_TEST_SCRYPT } from './password-cost';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from './registry-fixture';

export interface TestHub {
  url: string;
  hubDb: HubDb;
  casaleToken: string;
  balzolaToken: string;
  /** another workstation of the comune (its own credential and numbering series) */
  enrol(name: string, comune?: string): Promise<string>;
  /** stops listening and closes the store; `start()` brings it back on the same port and data */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A real hub over real HTTP on 127.0.0.1, with the fixture registry and one workstation per comune. */
export async function startTestHub(
  kind: HubBackend = 'sqlite',
  now?: () => Date,
  /** what the hub's password hashes cost: seeded users get FAST_TEST_SCRYPT, the server this */
  passwordCost: ScryptCost = FAST_TEST_SCRYPT,
  /** more server options (a log sink, an admin token) */
  serverOptions: Partial<Omit<HubServerOptions, 'hubDb'>> = {},
): Promise<TestHub> {
  const fresh = await freshHubDb(kind);
  const reopen = fresh.reopenOptions;
  let hubDb: HubDb = fresh;
  await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA], FAST_TEST_SCRYPT);
  await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
  const casale = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe 1');
  const balzola = await enrolWorkstation(hubDb.db, 'A605', 'Balzola - Sportello');
  let app: FastifyInstance | null = null;
  let port = 0;
  const listen = async () => {
    app = buildHubServer({ ...serverOptions, hubDb, passwordCost, ...(now ? { now } : {}) });
    const url = await app.listen({ host: '127.0.0.1', port });
    port = Number(new URL(url).port);
    return url;
  };
  const url = await listen();
  const hub: TestHub = {
    url,
    get hubDb() {
      return hubDb;
    },
    casaleToken: casale.token,
    balzolaToken: balzola.token,
    enrol: async (name, comune = 'B885') => (await enrolWorkstation(hubDb.db, comune, name)).token,
    stop: async () => {
      if (!app) return;
      const closing = app;
      app = null;
      await closing.close();
      await hubDb.close();
    },
    start: async () => {
      if (app) return;
      hubDb = await openHubDatabase(reopen);
      await listen();
    },
    close: () => hub.stop(),
  };
  return hub;
}
