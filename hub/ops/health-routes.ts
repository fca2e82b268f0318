import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from '../db/database';
import { hubMigrations } from '../db/migrations';

/** The answer of `/health/ready`: what a load balancer or an orchestrator decides on. */
export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  /** migrations this build knows that the database has not run */
  pendingMigrations: number;
}

/** The database answers a query and has every migration this build knows. */
export async function readiness(db: Kysely<HubDatabase>): Promise<Readiness> {
  let executed: Set<string>;
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    executed = new Set(rows.map((r) => r.name));
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: 0 };
  }
  const pendingMigrations = Object.keys(hubMigrations()).filter((n) => !executed.has(n)).length;
  return { ready: pendingMigrations === 0, database: 'ok', pendingMigrations };
}

/**
 * `/health/live`: the process answers (restart it if not). `/health/ready`: it can serve (send it
 * traffic only if so); 503 while the database is unreachable or a migration is missing.
 */
export function healthRoutes(app: FastifyInstance, db: Kysely<HubDatabase>): void {
  app.get('/health/live', { schema: { summary: 'Liveness: the process answers' } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/health/ready',
    { schema: { summary: 'Readiness: database reachable, migrations current' } },
    async (_req, reply) => {
      const state = await readiness(db);
      return reply.code(state.ready ? 200 : 503).send(state);
    },
  );
}
