import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { RouteContext } from '../routes/route-context';

/** Hub-side tables of the case engine, merged into the hub Database type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseHubTables {}

/** Hub migrations of the case engine (append only), merged after the core ones. */
export const CASE_HUB_MIGRATIONS: Record<string, Migration> = {};

/** Routes and scheduled jobs of the case engine; returns a stop function for the jobs. */
export function caseRoutes(_app: FastifyInstance, _ctx: RouteContext): () => void {
  return () => {};
}
