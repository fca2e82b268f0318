import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { DebtLookup } from '../../../shared/contract/cashdesk-views';
import { demoVerbaliCsv } from '../../../hub/cashdesk/demo-fines';
import { importVerbali } from '../../../hub/cashdesk/import-service';
import { throwawayAuditKeeping } from '../../../hub/audit/audit-key';
import { verifyAudit } from '../../../hub/audit/audit-verify';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { AUDIT_SHIPPED_KEY } from './ship-audit';
import { getMeta } from '../db/meta-repository';

describe.each(HUB_BACKENDS)('desk audit: reads recorded, shipped at sync (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
    await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(romeDateOf(new Date()), 5));
    await desk.core.sync.syncOnce();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const deskRows = () => desk.core.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('records a search and a fine lookup with the clerk of the session, the records listed, not the text typed', async () => {
    const found = await desk.ok<{ kind: string; residents: { id: string }[] }>('registry:search', {
      query: 'Rossi Mario',
    });
    expect(found.residents.map((r) => r.id)).toContain('r-mario');
    const debts = await desk.ok<DebtLookup>('fines:lookup', { query: '1001/A AB123CD' });
    expect(debts.kind).toBe('results');
    const rows = await deskRows();
    const search = rows.find((r) => r.action === 'registry.search');
    expect(search).toMatchObject({ clerk: 'anagrafe.casale', workstation: 'test desk', entity: 'resident' });
    expect(search?.entity_id.split(' ')).toContain('r-mario');
    expect(JSON.stringify(search)).not.toMatch(/Rossi|Mario/);
    const lookup = rows.find((r) => r.action === 'fines.lookup');
    expect(lookup).toMatchObject({ clerk: 'anagrafe.casale', entity: 'debt' });
    expect(lookup?.entity_id).toMatch(/^fine:\d{18}$/);
    expect(JSON.stringify(lookup)).not.toMatch(/AB123CD/);
    // typing too little to search lists nobody: nothing to record
    await desk.ok('registry:search', { query: 'R' });
    expect(await deskRows()).toHaveLength(rows.length);
  });

  it("ships the desk's rows to the hub at sync, once, and the hub verifies them", async () => {
    await desk.ok('registry:search', { query: 'Rossi Mario' });
    await desk.core.sync.syncOnce();
    const sent = await deskRows();
    const atHub = await hub.hubDb.db.selectFrom('desk_audit').selectAll().orderBy('seq').execute();
    expect(atHub.map((r) => [r.seq, r.action, r.clerk, r.desk_mac])).toEqual(
      sent.map((r) => [r.seq, r.action, r.clerk, r.hash]),
    );
    expect(atHub.map((r) => r.action)).toEqual(expect.arrayContaining(['session.login', 'registry.search']));
    expect(await getMeta(desk.core.ctx.db, AUDIT_SHIPPED_KEY)).toBe(String(sent.length));

    await desk.ok('registry:search', { query: 'Rossi Mario' });
    await desk.core.sync.syncOnce();
    await desk.core.sync.syncOnce();
    const after = await hub.hubDb.db.selectFrom('desk_audit').select('seq').execute();
    expect(after).toHaveLength(sent.length + 1);
    const report = await verifyAudit(hub.hubDb.db, throwawayAuditKeeping(hub.hubDb.db));
    expect(report).toMatchObject({ ok: true, deskRows: sent.length + 1 });
  });
});
