import { copyFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { withStatementCache } from '../../../shared/util/statement-cache';
import {
  Kysely,
  Migrator,
  type SqliteDatabase,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import type { Database } from './database';
import { deskMigrations } from './migrations';
import { privateDir, privateSqliteFiles } from '../private-files';
import { loadDeskAuditKey, registerAuditMac } from '../audit/audit-key';
import { AppError } from '../../../shared/errors/app-error';

/** better-sqlite3 or an API-identical build (better-sqlite3-multiple-ciphers) */
export type SqliteDriver = new (file: string) => SQLite.Database;

/**
 * The local mirror encrypted at rest (residents, cases, payments are personal data on a counter
 * PC): SQLite3MultipleCiphers' default cipher (ChaCha20-Poly1305), keyed with 32 random bytes
 * kept in the OS key store (mirror-key.ts). The key is given raw (x'…'), so opening derives
 * nothing: ~1 ms instead of ~80 ms for a passphrase through the cipher's KDF.
 */
export interface MirrorEncryption {
  key: Buffer;
  driver: SqliteDriver;
}

export interface DeskDatabase {
  db: Kysely<Database>;
  /** the raw handle, for benchmarks and integrity checks only */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

export function openSqlite(file: string, encryption: MirrorEncryption | null = null): SQLite.Database {
  if (file !== ':memory:') {
    privateDir(dirname(file));
    privateSqliteFiles(file);
  }
  const sqlite = encryption ? openEncrypted(file, encryption) : new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

function openEncrypted(file: string, { key, driver }: MirrorEncryption): SQLite.Database {
  if (key.length !== 32) throw new AppError('mirror_key_wrong', { file });
  const sqlite = new driver(file);
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
  // deleted rows (a revocation's wipe) are overwritten, not left in free pages under the same key
  sqlite.pragma('secure_delete = ON');
  try {
    // the first read decrypts page 1: a wrong key (or a plain file) fails here, before any write
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code !== 'SQLITE_NOTADB') throw err;
    if (!encryptPlainMirror(file, key, driver)) throw new AppError('mirror_key_wrong', { file });
    return openEncrypted(file, { key, driver });
  }
  return sqlite;
}

/**
 * A desk upgraded from a version without encryption finds its mirror (with unsent work) in
 * clear: it is encrypted in place once, with the key just made. SQLite3MultipleCiphers cannot
 * rekey in WAL mode, hence the checkpoint and the switch to a rollback journal around it.
 * Returns false when the file is not a plain SQLite database either (a wrong key).
 */
function encryptPlainMirror(file: string, key: Buffer, driver: SqliteDriver): boolean {
  const plain = new driver(file);
  try {
    plain.prepare('select count(*) from sqlite_master').get();
  } catch {
    plain.close();
    return false;
  }
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
    plain.pragma(`rekey="x'${key.toString('hex')}'"`);
    plain.pragma('journal_mode = WAL');
  } finally {
    plain.close();
  }
  return true;
}

/**
 * Opens (creating if needed) the local mirror and brings its schema up to date. An existing
 * file with pending migrations is copied aside first, so a failed upgrade loses nothing.
 */
export async function openDeskDatabase(
  file: string,
  migrations: Record<string, Migration> = deskMigrations(),
  encryption: MirrorEncryption | null = null,
): Promise<DeskDatabase & { backupFile: string | null }> {
  const existed = file !== ':memory:' && existsSync(file);
  const sqlite = openSqlite(file, encryption);
  registerAuditMac(sqlite, loadDeskAuditKey(file));
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) as unknown as SqliteDatabase }),
  });
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(migrations),
    // independent features land in any order: a migration named earlier than one already run still runs
    allowUnorderedMigrations: true,
  });
  let backupFile: string | null = null;
  const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
  if (existed && pending.length > 0) {
    backupFile = `${file}.before-${pending[0]?.name ?? 'migration'}.bak`;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // SQLite's backup API writes plain pages into an unkeyed file: an encrypted mirror is copied
    // as it lies on disk (checkpointed just above), so its backup stays encrypted with the same key
    if (encryption) copyFileSync(file, backupFile);
    else await sqlite.backup(backupFile);
    privateSqliteFiles(file, [backupFile]);
  }
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed; backup kept at ${backupFile ?? '(new file)'}`,
      {
        cause: error,
      },
    );
  }
  return { db, sqlite, backupFile, close: () => db.destroy() };
}
