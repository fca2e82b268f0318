import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** superuser URL of the tests' PostgreSQL (its `postgres` database); tests create their own */
    pgSocketUrl: string;
    /** every database a test creates starts with this, so the run can drop them afterwards */
    pgDatabasePrefix: string;
  }
}

/**
 * The integration project's PostgreSQL: a throwaway cluster from the binaries in node_modules
 * (test-support/throwaway-postgres.ts), or, when `DATABASE_URL` is set, that existing server
 * (its user needs CREATEDB). Tests create one database each (test-support/hub-backends.ts); on an
 * existing server the run drops the ones it created at the end, on a throwaway cluster the whole
 * cluster goes.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const prefix = `hub_${Date.now().toString(36)}_${process.pid}_`;
  project.provide('pgDatabasePrefix', prefix);
  const existing = process.env.DATABASE_URL;
  if (existing) {
    project.provide('pgSocketUrl', existing);
    return () => dropDatabases(existing, prefix);
  }
  const cluster = startThrowawayPostgres();
  project.provide('pgSocketUrl', cluster.url);
  return async () => cluster.stop();
}

async function dropDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
