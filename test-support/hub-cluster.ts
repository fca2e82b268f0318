import type { FastifyInstance } from 'fastify';
import { findUserByUsername } from '../hub/auth/auth-repository';
import { issueClerkCredentials } from '../hub/auth/clerk-credentials';
import { findWorkstationByTokenHash } from '../hub/auth/auth-repository';
import { hashToken } from '../hub/auth/tokens';
import { openHubDatabase, type HubDb, type OpenHubOptions } from '../hub/db/open-hub-database';
import { enrolWorkstation, insertHouseholds, seedComuniAndUsers } from '../hub/seed/seed-demo';
import { buildHubServer } from '../hub/server';
import { freshHubDb } from './hub-backends';
import { FAST_TEST_SCRYPT } from './password-cost';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from './registry-fixture';

/** One hub instance: its own pool, its own HTTP server, the shared database. */
export interface HubInstance {
  url: string;
  hubDb: HubDb;
  /** as if the process died: every connection (HTTP and PostgreSQL) dropped at once */
  kill(): Promise<void>;
  /** back on the same port */
  restart(): Promise<void>;
  readonly alive: boolean;
}

export interface HubCluster {
  instances: HubInstance[];
  /** a connection of the test's own, for checking what the database holds */
  check: HubDb;
  options: OpenHubOptions;
  /** a Casale workstation and the push key of `anagrafe.casale` there (what a login issues) */
  workstation(name: string): Promise<{ token: string; pushKey: string }>;
  close(): Promise<void>;
}

/**
 * N hub instances on one fresh PostgreSQL database with the fixture registry, in this process,
 * each with the pool and change notifier it would have as a process of its own.
 */
export async function startHubCluster(n: number, now?: () => Date): Promise<HubCluster> {
  const fresh = await freshHubDb('postgres');
  await seedComuniAndUsers(fresh.db, [CASALE, BALZOLA], FAST_TEST_SCRYPT);
  await insertHouseholds(fresh.db, FIXTURE_HOUSEHOLDS);
  const options = fresh.reopenOptions;
  const instances = await Promise.all(Array.from({ length: n }, () => startInstance(options, now)));
  return {
    instances,
    check: fresh,
    options,
    workstation: async (name) => {
      const { token } = await enrolWorkstation(fresh.db, 'B885', name);
      const ws = await findWorkstationByTokenHash(fresh.db, hashToken(token));
      const clerk = await findUserByUsername(fresh.db, 'anagrafe.casale');
      if (!ws || !clerk) throw new Error('fixture workstation or clerk missing');
      const { pushKey } = await issueClerkCredentials(fresh.db, clerk.id, ws, new Date(), 72);
      return { token, pushKey };
    },
    close: async () => {
      for (const i of instances) if (i.alive) await i.kill();
      await fresh.close();
    },
  };
}

async function startInstance(options: OpenHubOptions, now?: () => Date): Promise<HubInstance> {
  let hubDb = await openHubDatabase(options);
  let app: FastifyInstance | null = null;
  let port = 0;
  const listen = async () => {
    app = buildHubServer({ hubDb, passwordCost: FAST_TEST_SCRYPT, ...(now ? { now } : {}) });
    const url = await app.listen({ host: '127.0.0.1', port });
    port = Number(new URL(url).port);
    return url;
  };
  const url = await listen();
  const instance: HubInstance = {
    url,
    get hubDb() {
      return hubDb;
    },
    get alive() {
      return app !== null;
    },
    kill: async () => {
      const closing = app;
      app = null;
      // connections first (forceCloseConnections), the pool right after: nothing is finished
      await Promise.all([closing?.close(), hubDb.close()]);
    },
    restart: async () => {
      if (app) return;
      hubDb = await openHubDatabase(options);
      await listen();
    },
  };
  return instance;
}
