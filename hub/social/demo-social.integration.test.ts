import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the hub's services first, as the hub loads them (the social demo opens cases through the engine)
import '../services/registered';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { contributoRecordSchema, sadRecordSchema } from '../../shared/social/social-wire';
import { loadCase } from '../cases/case-repository';
import { socialHub } from './service';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { insertHouseholds } from '../seed/seed-demo';
import { createDemoContributi, createDemoSad } from './demo-social';
import { runSadBilling } from './sad-billing';
import { runSocialCommand } from './social-cli';
import { elderHouseholds as elders } from '../../test-support/elder-households';

describe.each(HUB_BACKENDS)('social demo and the SAD billing run (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertHouseholds(hub.hubDb.db, elders(2100));
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('starts 30 demo SAD users up to Casale’s 20 places and ranks the other 10 by points', async () => {
    const now = new Date();
    expect(await createDemoSad(hub.hubDb.db, 'B885', { users: 30, now })).toEqual({
      active: 20,
      waiting: 10,
    });
    expect(await createDemoContributi(hub.hubDb.db, 'B885', now)).toBe(5);
    const rows = await hub.hubDb.db
      .selectFrom('social_sad')
      .select('record')
      .where('status', '=', 'waiting')
      .execute();
    const waiting = rows
      .map((r) => sadRecordSchema.parse(JSON.parse(r.record)))
      .sort((a, b) => (a.waiting?.position ?? 0) - (b.waiting?.position ?? 0));
    expect(waiting.map((w) => w.waiting?.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const points = waiting.map((w) => w.waiting?.points ?? 0);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    for (const w of waiting)
      expect(w.waiting?.points).toBe(w.waiting?.criteria.reduce((n, c) => n + c.points, 0));
  });

  it('the demo of `npm start` gives every social file a real case: a protocol number each, once', async () => {
    const now = new Date();
    const demo = () => socialHub.demo?.(hub.hubDb.db, 'B885', now);
    expect(await demo()).toContain('contributi');
    const files = [
      ...(await hub.hubDb.db.selectFrom('social_sad').select('record').execute()).map((r) =>
        sadRecordSchema.parse(JSON.parse(r.record)),
      ),
      ...(await hub.hubDb.db.selectFrom('social_contributi').select('record').execute()).map((r) =>
        contributoRecordSchema.parse(JSON.parse(r.record)),
      ),
    ];
    expect(files).toHaveLength(35);
    const numbers = new Set<string>();
    for (const f of files) {
      const kase = await loadCase(hub.hubDb.db, 'B885', f.caseId);
      expect(kase?.state.procedure.code).toBe(
        f.id.startsWith('demo-sad') ? 'assistenza_domiciliare' : 'contributo_economico',
      );
      expect(kase?.state.applicantId).toBe(f.beneficiary.personId);
      expect(kase?.state.procedure.office.code).toBe('servizi_sociali');
      const p = kase?.state.protocol?.number;
      expect(p?.number).toBeGreaterThan(0);
      numbers.add(`${p?.year}/${p?.number}`);
    }
    expect(numbers.size).toBe(35);
    // the demo again (a restart over the same data): no second case, no new protocol number
    const cases = async () =>
      Number(
        (
          await hub.hubDb.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await cases();
    await demo();
    expect(await cases()).toBe(before);
  });

  it('bills a month for 2,000 SAD users once: the second run issues nothing', async () => {
    const now = new Date();
    const month = romeDateOf(now).slice(0, 7);
    await hub.hubDb.db.deleteFrom('social_sad').execute();
    await createDemoSad(hub.hubDb.db, 'B885', { users: 2000, allActive: true, hoursMonth: month, now });
    const first = await runSadBilling(hub.hubDb.db, 'B885', month, now);
    expect(first.users).toBe(2000);
    // exempt users (ISEE up to €3,000.00) get no notice
    expect(first.notices).toBe(first.lines.filter((l) => l.amountCents > 0).length);
    expect(first.notices).toBeGreaterThan(1500);
    const again = await runSadBilling(hub.hubDb.db, 'B885', month, now);
    expect(again).toMatchObject({ users: 2000, notices: 0, totalCents: first.totalCents });
    expect(again.lines).toEqual(first.lines);
    // the CLI runs the same billing: nothing new either
    const [line] = await runSocialCommand(hub.hubDb.db, 'B885', ['social', 'sad-billing', month], '', now);
    expect(line).toContain('2000 users, 0 notices issued');
    const [csv] = await runSocialCommand(hub.hubDb.db, 'B885', ['social', 'treasury', month], '', now);
    expect(csv?.split('\r\n')[0]).toBe(
      'id_contributo;beneficiario;codice_fiscale;iban;importo_euro;data_pagamento',
    );
    console.log(
      `sad billing ${backend}: users=${first.users} notices=${first.notices} seconds=${first.seconds.toFixed(2)}`,
    );
  });
});
