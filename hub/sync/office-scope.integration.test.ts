import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolRegisterResponse } from '../../shared/cases/case-wire';
import type { OpenedCase } from '../../shared/contract/case-views';
import { SOCIAL_OFFICE } from '../../shared/social/social-access';
import { elderHouseholds } from '../../test-support/elder-households';
import { startTestDesk, type TestDesk } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createEnrolmentCode, enrolWithCode, setWorkstationOffices } from '../admin/workstations';
import { insertHouseholds } from '../seed/seed-demo';
import { createDemoContributi, createDemoSad } from '../social/demo-social';

/**
 * Social files are special-category data (DOMAIN.md §12.1): they reach the mirror of the
 * social-services office's workstations only. A registry counter of the same comune syncs
 * everything else — also what happens after a run of social changes longer than its pull page —
 * and never holds a social row; a workstation leaving the office drops them at its next pull,
 * one joining it receives them.
 */
describe.each(HUB_BACKENDS)('office-scoped records in the pull (%s hub)', (backend) => {
  let hub: TestHub;
  let social: TestDesk;
  let registry: TestDesk;

  const socialRows = async (desk: TestDesk) => {
    const n = async (t: 'social_contributi' | 'social_sad') =>
      Number(
        (
          await desk.core.ctx.db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const cases = Number(
      (
        await desk.core.ctx.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('procedure_code', 'in', ['contributo_economico', 'assistenza_domiciliare'])
          .executeTakeFirstOrThrow()
      ).n,
    );
    // the case of a social file names who asked for aid: it is as social as the file
    return { contributi: await n('social_contributi'), sad: await n('social_sad'), cases };
  };
  const phoneOf = async (desk: TestDesk, id: string) =>
    (
      await desk.core.ctx.db
        .selectFrom('residents')
        .select('phone')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).phone;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertHouseholds(hub.hubDb.db, elderHouseholds(300));
    // IT puts the fixture's first counter in the social office; the second is a registry counter
    expect(await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE])).toEqual({
      joined: [SOCIAL_OFFICE],
      left: [],
    });
    social = await startTestDesk(hub, { workstation: 'Casale - Servizi sociali' });
    // a page of 5: the social changes below fill many pages in a row
    registry = await startTestDesk(hub, {
      workstation: 'Casale - Anagrafe 2',
      token: await hub.enrol('Casale - Anagrafe 2'),
      sync: { pullPage: 5 },
    });
    await social.core.sync.syncOnce();
    await registry.core.sync.syncOnce();
  });
  afterAll(async () => {
    await social?.close();
    await registry?.close();
    await hub?.close();
  });

  it('after social changes, the social desk has them and the registry desk none, yet keeps syncing', async () => {
    await createDemoSad(hub.hubDb.db, 'B885', { users: 24, now: new Date(), withCases: true });
    await createDemoContributi(hub.hubDb.db, 'B885', new Date(), 5, true);
    // a registry change after the run of social ones
    await registry.login('anagrafe.casale');
    await registry.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142111222', email: null });
    await registry.core.sync.syncOnce();
    await social.core.sync.syncOnce();

    expect(await socialRows(social)).toEqual({ contributi: 5, sad: 24, cases: 29 });
    expect(await socialRows(registry)).toEqual({ contributi: 0, sad: 0, cases: 0 });
    // nothing of the registry was held up or skipped on either side
    expect(await phoneOf(registry, 'r-mario')).toBe('0142111222');
    expect(await phoneOf(social, 'r-mario')).toBe('0142111222');
    expect(registry.core.ctx.state.sync.error).toBeNull();
    expect(await registry.count('outbox')).toBe(0);

    // social changes at the tail of the log: the registry desk reads past them and stays in step
    await createDemoContributi(hub.hubDb.db, 'B885', new Date(), 7, true);
    await registry.core.sync.syncOnce();
    await registry.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142333444', email: null });
    await registry.core.sync.syncOnce();
    expect(await phoneOf(registry, 'r-mario')).toBe('0142333444');
    expect(await socialRows(registry)).toEqual({ contributi: 0, sad: 0, cases: 0 });
  });

  it('a counter enrolled later outside the office reads back everything but the social files', async () => {
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Anagrafe 3');
    const late = await startTestDesk(hub, {
      workstation: 'Casale - Anagrafe 3',
      token: (await enrolWithCode(hub.hubDb.db, code)).token,
    });
    try {
      await late.core.sync.syncOnce();
      expect(await late.count('residents')).toBeGreaterThan(300);
      expect(await phoneOf(late, 'r-mario')).toBe('0142333444');
      expect(await socialRows(late)).toEqual({ contributi: 0, sad: 0, cases: 0 });
    } finally {
      await late.close();
    }
  });

  it('a counter enrolled for the office with its code reads the social files back', async () => {
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Sociale 2', new Date(), [
      SOCIAL_OFFICE,
    ]);
    const second = await startTestDesk(hub, {
      workstation: 'Casale - Sociale 2',
      token: (await enrolWithCode(hub.hubDb.db, code)).token,
    });
    try {
      await social.core.sync.syncOnce();
      await second.core.sync.syncOnce();
      expect(await socialRows(second)).toEqual({ contributi: 7, sad: 24, cases: 31 });
      expect(await socialRows(social)).toEqual({ contributi: 7, sad: 24, cases: 31 });
    } finally {
      await second.close();
    }
  });

  it('leaving the office empties the mirror of social files at the next pull; joining brings them', async () => {
    expect(await socialRows(social)).toEqual({ contributi: 7, sad: 24, cases: 31 });
    expect(await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [])).toEqual({
      joined: [],
      left: [SOCIAL_OFFICE],
    });
    await social.core.sync.syncOnce();
    expect(await socialRows(social)).toEqual({ contributi: 0, sad: 0, cases: 0 });
    // and nothing new arrives while it is out
    await createDemoSad(hub.hubDb.db, 'B885', { users: 26, now: new Date(), withCases: true });
    await social.core.sync.syncOnce();
    expect(await socialRows(social)).toEqual({ contributi: 0, sad: 0, cases: 0 });

    // the registry counter is moved into the office: it receives the files it never had
    await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 2', [SOCIAL_OFFICE]);
    await registry.core.sync.syncOnce();
    expect(await socialRows(registry)).toEqual({ contributi: 7, sad: 26, cases: 33 });
    expect(registry.core.ctx.state.sync.error).toBeNull();

    // an unknown office is refused, nothing changed
    await expect(
      setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 2', ['servizi_socali']),
    ).rejects.toThrow(/unknown office servizi_socali/);
    expect(await socialRows(registry)).toEqual({ contributi: 7, sad: 26, cases: 33 });
  });

  it('a counter outside the office may file a contributo, but the case leaves its mirror at the next pull', async () => {
    // 'Casale - Anagrafe 1' left the office above; 'Casale - Anagrafe 2' joined it
    await social.login('anagrafe.casale');
    const opened = await social.ok<OpenedCase>('cases:open', {
      procedureCode: 'contributo_economico',
      applicantId: 'r-mario',
      subject: 'Contributo per le spese di affitto',
      documents: ['id_document', 'isee'],
    });
    await social.core.sync.syncOnce();
    expect(social.core.ctx.state.sync.error).toBeNull();
    expect(await social.count('outbox')).toBe(0);
    expect(await socialRows(social)).toEqual({ contributi: 0, sad: 0, cases: 0 });
    // filed all the same: the hub has it numbered, and the office's counter receives it
    const atHub = await hub.hubDb.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', opened.case.id)
      .executeTakeFirstOrThrow();
    expect(atHub.status).toBe('registered');
    await registry.core.sync.syncOnce();
    expect(await socialRows(registry)).toEqual({ contributi: 7, sad: 26, cases: 34 });

    // the protocol register: the number stays for everyone, who and what for the office alone
    const entryAt = async (desk: TestDesk) =>
      (await desk.ok<ProtocolRegisterResponse>('cases:protocolRegister', { limit: 100 })).entries.find(
        (e) => e.caseId === opened.case.id,
      );
    const outside = await entryAt(social);
    expect(outside).toMatchObject({
      subject: 'Riservato (servizi sociali)',
      correspondents: ['Riservato (servizi sociali)'],
    });
    const inside = await entryAt(registry);
    expect(inside?.subject).toBe('Contributo per le spese di affitto');
    expect(inside?.number).toBe(outside?.number);
  });
});
