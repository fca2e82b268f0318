import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openHubDatabase, type HubDb, type OpenHubOptions } from '../hub/db/open-hub-database';
import { withDatabase } from './throwaway-postgres';

/** Both hub backends, so one suite runs against SQLite and PostgreSQL (Kysely's own test idea). */
export const HUB_BACKENDS = ['sqlite', 'postgres'] as const;
export type HubBackend = (typeof HUB_BACKENDS)[number];

let counter = 0;

/** A fresh, migrated, empty hub store of the given kind, and how to open it again (hub restarts). */
export async function freshHubDb(kind: HubBackend): Promise<HubDb & { reopenOptions: OpenHubOptions }> {
  if (kind === 'sqlite') {
    const reopenOptions = { sqliteFile: join(mkdtempSync(join(tmpdir(), 'sportello-hub-')), 'hub.sqlite') };
    return { ...(await openHubDatabase(reopenOptions)), reopenOptions };
  }
  // loaded here, not at the top: the SQLite path also runs outside vitest (bench:counter)
  const { inject } = await import('vitest');
  const adminUrl = inject('pgSocketUrl');
  const name = `${inject('pgDatabasePrefix')}${process.pid}_${randomBytes(3).toString('hex')}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const reopenOptions = { databaseUrl: withDatabase(adminUrl, name) };
  return { ...(await openHubDatabase(reopenOptions)), reopenOptions };
}
