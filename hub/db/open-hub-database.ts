import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { withStatementCache } from '../../shared/util/statement-cache';
import {
  sql,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
  type SqliteDatabase,
} from 'kysely';
import pg from 'pg';
import type { HubDatabase } from './database';
import { hubMigrations } from './migrations';
import { privateDir, privateSqliteFiles } from './private-files';
import { startWalCheckpointer } from './wal-checkpointer';

export type HubDialect = 'sqlite' | 'postgres';

export interface HubDb {
  db: Kysely<HubDatabase>;
  dialect: HubDialect;
  /** PostgreSQL only: the pool and where it connects (the change notifier's own LISTEN connection) */
  pg?: { pool: pg.Pool; connectionString: string } | undefined;
  close(): Promise<void>;
  /** PostgreSQL only: the connection pool, for its metrics */
  pool?: pg.Pool;
}

/**
 * Connections one hub instance opens at most (SPORTELLO_PG_POOL_MAX, default 10). With N
 * instances the cluster needs N x (this + 1 for the change notifier's LISTEN) connections below
 * its `max_connections`, with room for psql, backups and replication (docs/multi-instance.md).
 */
export function pgPoolMax(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SPORTELLO_PG_POOL_MAX ?? 10);
  return Number.isInteger(n) && n >= 2 && n <= 500 ? n : 10;
}

/** The same number in every hub instance: the key of the migrations' advisory lock ("Spmi"). */
const MIGRATION_LOCK_KEY = 0x53706d69;

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

export interface OpenHubOptions {
  /** postgres://... selects PostgreSQL (production path); otherwise the embedded SQLite file */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL: the pool's size (default `pgPoolMax()`) */
  poolMax?: number;
}

/** Opens the hub's store and migrates it; an existing SQLite file is backed up before it is migrated. */
export async function openHubDatabase(opts: OpenHubOptions): Promise<HubDb> {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? pgPoolMax() });
    // A connection the server dropped (a restart, a failover, an administrator) is an event on the
    // pool: unheard, Node would end the process. The pool replaces it; the query that used it fails.
    // A connection held between queries (an advisory lock's) reports on itself, not on the pool.
    const lost = (err: Error) => console.error(`[hub] PostgreSQL connection lost: ${err.message}`);
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrateOnce(db);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return {
      db,
      dialect: 'postgres',
      pg: { pool, connectionString: opts.databaseUrl },
      pool,
      close: () => db.destroy(),
    };
  }
  const file = opts.sqliteFile ?? 'data/hub/hub.sqlite';
  const existed = file !== ':memory:' && existsSync(file);
  if (file !== ':memory:') {
    privateDir(dirname(file));
    privateSqliteFiles(file);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<HubDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) as unknown as SqliteDatabase }),
  });
  await migrate(
    db,
    existed
      ? async (name) => {
          const backupFile = `${file}.before-${name}.bak`;
          await sqlite.backup(backupFile);
          privateSqliteFiles(file, [backupFile]);
        }
      : null,
  );
  if (file === ':memory:') return { db, dialect: 'sqlite', close: () => db.destroy() };
  privateSqliteFiles(file);
  // The log is copied by a thread of its own (wal-checkpointer.ts); the hub's own checkpoint,
  // which lets the log start over, comes every 40 MB instead of every 4 MB.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const checkpointer = startWalCheckpointer(file, (m) => console.error(`[hub] WAL checkpoint failed: ${m}`));
  return {
    db,
    dialect: 'sqlite',
    // the hub's connection first: the thread's is then the last one, and removes the log
    close: () => db.destroy().finally(() => checkpointer.stop()),
  };
}

/**
 * Several instances started together on one PostgreSQL: one migrates, the others wait on a
 * session advisory lock (held on one connection for the whole run, released when it ends or the
 * process dies) and then find nothing pending. Kysely's own lock covers the migrations'
 * transaction only, not the creation of its bookkeeping tables nor our reading of what is pending.
 */
async function migrateOnce(db: Kysely<HubDatabase>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await runMigrations(conn, null);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

async function migrate(
  db: Kysely<HubDatabase>,
  backup: ((firstPending: string) => Promise<void>) | null,
): Promise<void> {
  try {
    await runMigrations(db, backup);
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

async function runMigrations(
  db: Kysely<HubDatabase>,
  backup: ((firstPending: string) => Promise<void>) | null,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(hubMigrations()),
    // independent features land in any order: a migration named earlier than one already run still runs
    allowUnorderedMigrations: true,
  });
  const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
  const first = pending[0];
  if (backup && first) await backup(first.name);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Hub migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
