import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProtocolSequence } from '../../shared/protocol/protocol-number';
import { freshHubDb, HUB_BACKENDS } from '../../test-support/hub-backends';
import { FAST_TEST_SCRYPT } from '../../test-support/password-cost';
import { BALZOLA, CASALE, FIXTURE_HOUSEHOLDS } from '../../test-support/registry-fixture';
import type { HubDb } from '../db/open-hub-database';
import { insertHouseholds, seedComuniAndUsers } from '../seed/seed-demo';
import { seedDemoCases } from './seed-demo-cases';
import { runSilenceAssent } from './silence-assent-job';

describe.each(HUB_BACKENDS)('demo cases for npm start (%s hub)', (backend) => {
  let hubDb: HubDb;
  beforeEach(async () => {
    hubDb = await freshHubDb(backend);
    await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA], FAST_TEST_SCRYPT);
    await insertHouseholds(hubDb.db, FIXTURE_HOUSEHOLDS);
  });
  afterEach(async () => hubDb?.close());

  it('seeds a year of numbered cases once, which the silence-assent job can then work on', async () => {
    const now = new Date('2026-11-26T09:00:00Z');
    const seeded = await seedDemoCases(hubDb.db, 'B885', now, 60);
    expect(seeded.cases).toBe(60);
    expect(await seedDemoCases(hubDb.db, 'B885', now, 60)).toEqual({ cases: 0 });
    const register = await hubDb.db.selectFrom('protocol_register').select(['year', 'number']).execute();
    expect(register).toHaveLength(60);
    expect(
      checkProtocolSequence(register.map((r) => ({ year: Number(r.year), number: Number(r.number) }))),
    ).toEqual([]);
    const statuses = new Set(
      (await hubDb.db.selectFrom('cases').select('status').execute()).map((r) => r.status),
    );
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    const logged = await hubDb.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('entity', '=', 'case')
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(60);
    // Nicolò lives alone: his demo move is real, and 45 days on it is confirmed by silence
    const nicolo = await hubDb.db
      .selectFrom('residents')
      .select('family_id')
      .where('id', '=', 'r-nicolo')
      .executeTakeFirstOrThrow();
    expect(nicolo.family_id).toMatch(/^fam-demo-B885-/);
    const later = await runSilenceAssent(hubDb.db, new Date('2027-02-01T09:00:00Z'));
    expect(later.granted).toBeGreaterThanOrEqual(1);
  });
});
