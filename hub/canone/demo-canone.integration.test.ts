import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canoneApplicationRecordSchema } from '../../shared/canone/canone-wire';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { checkPartitaIva } from '../../shared/codice-fiscale/partita-iva';
import { parseNoticeNumber } from '../../shared/pagopa/notice-number';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { canoneHub } from './service';
import { demoPartitaIva } from './demo-canone';

describe.each(HUB_BACKENDS)('demo canone concessions (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('fills the demo hub with concessions on real streets, some in force today, with their notices', async () => {
    const now = new Date();
    const today = romeDateOf(now);
    const line = await canoneHub.demo?.(hub.hubDb.db, 'B885', now);
    expect(line).toMatch(/^issued 300 demo canone concessions/);
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select('payload')
      .where('entity', '=', 'canone_application')
      .execute();
    // every record the counters pull is a valid wire record; the last of each is the newest
    const latest = new Map<string, ReturnType<typeof canoneApplicationRecordSchema.parse>>();
    for (const l of logged) {
      const r = canoneApplicationRecordSchema.parse(JSON.parse(l.payload));
      latest.set(r.id, r);
    }
    const records = [...latest.values()];
    expect(records).toHaveLength(300);
    // on the fixture registry's streets only, and some temporary occupations in force today
    const streets = new Set(records.map((r) => `${r.site.streetType} ${r.site.streetName}`));
    expect(
      [...streets].every((s) => ['Via Roma', 'Strada Vialarda', 'Corso Giovane Italia'].includes(s)),
    ).toBe(true);
    const activeToday = records.filter(
      (r) => r.regime === 'temporary' && r.start <= today && r.end !== null && r.end >= today,
    );
    expect(activeToday.length).toBeGreaterThan(10);
    expect(records.some((r) => r.category === 'insegna' && r.ownSign)).toBe(true);
    // permanent concessions with a fee have this year's notices, all under code 47
    const year = Number(today.slice(0, 4));
    const permanent = records.filter((r) => r.regime === 'permanent' && r.fee.totalCents > 0);
    expect(permanent.every((r) => r.notices.some((n) => n.year === year))).toBe(true);
    for (const n of records.flatMap((r) => r.notices)) {
      expect(parseNoticeNumber(n.noticeNumber)).toMatchObject({ ok: true, value: { segregationCode: '47' } });
    }
  });

  it('gives the demo firms VAT numbers with a valid check digit', () => {
    for (let i = 1; i < 500; i += 37) expect(checkPartitaIva(demoPartitaIva(i))).toMatchObject({ ok: true });
  });
});
