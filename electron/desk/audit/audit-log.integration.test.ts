import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeskDatabase } from '../db/open-database';
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
