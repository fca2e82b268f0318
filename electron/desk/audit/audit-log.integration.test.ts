import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeskDatabase } from '../db/open-database';
import type { AuditRow } from '../db/tables/audit-log.table';
import { appendAudit, GENESIS_HASH, verifyAuditChain, type AuditEntry } from './audit-log';

const entry = (i: number): AuditEntry => ({
  at: `2026-11-26T09:00:0${i}.000Z`,
  clerk: 'anagrafe.casale',
  workstation: 'Casale - Anagrafe 1',
  action: 'resident.read',
  entity: 'resident',
  entityId: `r-${i}`,
  reason: 'consultazione allo sportello',
});

async function withLog(n: number) {
  const d = await openDeskDatabase(join(mkdtempSync(join(tmpdir(), 'sportello-audit-')), 'desk.sqlite'));
  for (let i = 0; i < n; i++) await d.db.transaction().execute((trx) => appendAudit(trx, entry(i)));
  return d;
}

describe('audit log', () => {
  it('chains each entry to the previous one from the genesis hash', async () => {
    const d = await withLog(3);
    const rows = await d.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(await verifyAuditChain(d.db)).toEqual({ entries: 3, intact: true, firstBrokenSeq: null });
    await d.close();
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    const d = await withLog(2);
    expect(() => d.sqlite.prepare("update audit_log set clerk = 'x' where seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => d.sqlite.prepare('delete from audit_log where seq = 2').run()).toThrow(/append-only/);
    await d.close();
  });

  it('detects an entry edited behind the triggers, and names the first broken row', async () => {
    const d = await withLog(4);
    d.sqlite.exec('drop trigger audit_log_no_update');
    d.sqlite.prepare("update audit_log set entity_id = 'r-someone-else' where seq = 2").run();
    expect(await verifyAuditChain(d.db)).toEqual({ entries: 4, intact: false, firstBrokenSeq: 2 });
    await d.close();
  });

  it('detects a removed entry', async () => {
    const d = await withLog(4);
    d.sqlite.exec('drop trigger audit_log_no_delete');
    d.sqlite.prepare('delete from audit_log where seq = 3').run();
    expect(await verifyAuditChain(d.db)).toMatchObject({ intact: false, firstBrokenSeq: 4 });
    await d.close();
  });

  it('is written in the same transaction as the action: a failed action leaves no entry', async () => {
    const d = await withLog(1);
    await expect(
      d.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(5));
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await verifyAuditChain(d.db)).toMatchObject({ entries: 1, intact: true });
    await d.close();
  });
});

describe('audit key', () => {
  it('lives beside the database, readable by its owner only, and never inside it', async () => {
    const d = await withLog(2);
    const dir = dirname(d.sqlite.name);
    const keyFile = join(dir, 'audit.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    await d.close();
    expect(readFileSync(join(dir, 'desk.sqlite')).includes(Buffer.from(key))).toBe(false);
    expect(readFileSync(join(dir, 'desk.sqlite')).includes(Buffer.from(key, 'hex'))).toBe(false);
  });

  it('detects a chain recomputed without the key (as the old plain SHA-256 chain could be)', async () => {
    const d = await withLog(3);
    d.sqlite.exec('drop trigger audit_log_no_update');
    d.sqlite.prepare("update audit_log set entity_id = 'r-someone-else' where seq = 2").run();
    let prev = GENESIS_HASH;
    const rows = d.sqlite.prepare('select * from audit_log order by seq').all() as AuditRow[];
    for (const r of rows) {
      const fields = [r.at, r.clerk, r.workstation, r.action, r.entity, r.entity_id, r.reason];
      const hash = createHash('sha256')
        .update(JSON.stringify([prev, ...fields]))
        .digest('hex');
      d.sqlite.prepare('update audit_log set prev_hash = ?, hash = ? where seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
    expect(await verifyAuditChain(d.db)).toEqual({ entries: 3, intact: false, firstBrokenSeq: 1 });
    await d.close();
  });

  it('keeps the same key when the database is opened again', async () => {
    const d = await withLog(2);
    const file = d.sqlite.name;
    await d.close();
    const again = await openDeskDatabase(file);
    expect(await verifyAuditChain(again.db)).toMatchObject({ entries: 2, intact: true });
    await again.close();
  });
});
