import type { HubDb } from '../hub/db/open-hub-database';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { freshHubDb, type HubBackend } from './hub-backends';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from './registry-fixture';

export interface TestHub {
  url: string;
  hubDb: HubDb;
  casaleToken: string;
  balzolaToken: string;
  close(): Promise<void>;
}

/** A real hub over real HTTP on 127.0.0.1, with the fixture registry and one workstation per comune. */
export async function startTestHub(kind: HubBackend = 'sqlite', now?: () => Date): Promise<TestHub> {
  const hubDb = await freshHubDb(kind);
  await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA]);
  await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
  const casale = await enrolWorkstation(hubDb.db, 'B885', 'Casale - Anagrafe 1');
  const balzola = await enrolWorkstation(hubDb.db, 'A605', 'Balzola - Sportello');
  const app = buildHubServer({ hubDb, ...(now ? { now } : {}) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    hubDb,
    casaleToken: casale.token,
    balzolaToken: balzola.token,
    close: async () => {
      await app.close();
      await hubDb.close();
    },
  };
}
