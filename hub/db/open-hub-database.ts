import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { withStatementCache } from '../../shared/util/statement-cache';
import {
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

export type HubDialect = 'sqlite' | 'postgres';

export interface HubDb {
  db: Kysely<HubDatabase>;
  dialect: HubDialect;
  close(): Promise<void>;
  /** PostgreSQL only: the connection pool, for its metrics */
  pool?: pg.Pool;
}

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
}

/** Opens the hub's store and migrates it; an existing SQLite file is backed up before it is migrated. */
export async function openHubDatabase(opts: OpenHubOptions): Promise<HubDb> {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db, null);
    return { db, dialect: 'postgres', close: () => db.destroy(), pool };
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
  if (file !== ':memory:') privateSqliteFiles(file);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function migrate(
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
    await db.destroy();
    throw new Error(`Hub migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
