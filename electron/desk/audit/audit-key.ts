import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { canonicalAuditRow } from '../../../shared/audit/audit-wire';

/** SQL name of the keyed link function; present only on connections this module opened. */
export const AUDIT_MAC_FN = 'audit_mac';

/**
 * The desk's audit key lives beside its database, never in it (`audit.key`, 0600): a copy of the
 * database alone cannot recompute the chain. A memory database gets a key for its lifetime.
 */
export function loadDeskAuditKey(dbFile: string): Buffer {
  if (dbFile === ':memory:') return randomBytes(32);
  const file = join(dirname(dbFile), 'audit.key');
  if (!existsSync(file)) {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} is not an audit key (64 hex digits)`);
  return Buffer.from(hex, 'hex');
}

/**
 * Gives the connection `audit_mac(prev, at, clerk, workstation, action, entity, entity_id, reason)`
 * = HMAC-SHA256(key, prev ‖ canonical row). The key stays in this closure: every writer of the
 * audit log (in whatever transaction) links rows with it, and no SQL can read it back.
 */
export function registerAuditMac(sqlite: SQLite.Database, key: Buffer): void {
  sqlite.function(AUDIT_MAC_FN, { deterministic: true, varargs: true }, (...args: unknown[]) => {
    const [prev, ...fields] = args.map((a) => String(a));
    return createHmac('sha256', key)
      .update(prev ?? '')
      .update(canonicalAuditRow(fields))
      .digest('hex');
  });
}
