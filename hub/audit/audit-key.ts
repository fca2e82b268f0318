import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the hub keys and anchors its audit chains. Nothing here is ever written to the database. */
export interface AuditKeeping {
  key: Buffer;
  /** append-only, one HMACed anchor per line: what a database editor cannot reach */
  anchorsFile: string;
  /** a chain head is anchored after this many new rows… */
  anchorEvery: number;
  /** …or when its newest anchor is this old */
  anchorAfterMs: number;
}

export const DEFAULT_ANCHOR_EVERY = 100;
export const DEFAULT_ANCHOR_AFTER_MS = 3_600_000;
const MIN_ENV_KEY_CHARS = 32;

/**
 * The key: SPORTELLO_AUDIT_KEY when set (kept by whoever runs the hub, e.g. a secrets store), else
 * `<data>/hub/audit.key`, created once with 32 random bytes, readable by the hub's user only.
 */
export function loadAuditKeeping(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuditKeeping {
  const dir = join(dataDir, 'hub');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    key: keyFromEnv(env) ?? keyFromFile(join(dir, 'audit.key')),
    anchorsFile: join(dir, 'audit-anchors.log'),
    anchorEvery: DEFAULT_ANCHOR_EVERY,
    anchorAfterMs: DEFAULT_ANCHOR_AFTER_MS,
  };
}

function keyFromEnv(env: NodeJS.ProcessEnv): Buffer | null {
  const raw = env.SPORTELLO_AUDIT_KEY?.trim();
  if (!raw) return null;
  if (raw.length < MIN_ENV_KEY_CHARS) {
    throw new Error(`SPORTELLO_AUDIT_KEY must be at least ${MIN_ENV_KEY_CHARS} characters`);
  }
  return Buffer.from(raw, 'utf8');
}

function keyFromFile(file: string): Buffer {
  if (!existsSync(file)) {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} is not an audit key (64 hex digits)`);
  return Buffer.from(hex, 'hex');
}

const throwaway = new WeakMap<object, AuditKeeping>();

/**
 * For hubs built without a data folder (tests, benchmarks): a key and anchors file of their own
 * in a temporary folder, one per store (anchors name chains such as `hub:B885`, which every test
 * store has), found again by whoever holds the same store.
 */
export function throwawayAuditKeeping(store: object): AuditKeeping {
  let keeping = throwaway.get(store);
  if (!keeping) {
    keeping = loadAuditKeeping(mkdtempSync(join(tmpdir(), 'sportello-hub-audit-')), {});
    throwaway.set(store, keeping);
  }
  return keeping;
}
