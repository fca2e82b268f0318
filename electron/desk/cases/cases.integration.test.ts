import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, OpenedCase, QueuePage } from '../../../shared/contract/case-views';
import type { ResidentDetail } from '../../../shared/contract/views';
import { caseOf, openResidence, residenceIntake, testClock } from '../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { setWorkstationOffices } from '../../../hub/admin/workstations';
import { SOCIAL_OFFICE } from '../../../shared/social/social-access';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';

const TODAY = '2026-03-02';

describe.each(HUB_BACKENDS)('cases at the counter and at the hub (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  /** the hub's clock moves on its own (silence-assent); the counters keep today */
  let hubClock: ReturnType<typeof testClock>;
  let clock: ReturnType<typeof testClock>;

  beforeEach(async () => {
    hubClock = testClock(`${TODAY}T09:00:00Z`);
    clock = testClock(`${TODAY}T09:00:00Z`);
    hub = await startTestHub(backend, hubClock.now);
    desk = await startTestDesk(hub, { now: clock.now });
    await desk.core.sync.syncOnce();
    await desk.login('anagrafe.casale');
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const hubResident = (id: string) =>
    hub.hubDb.db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('takes a change of residence, numbers it at sync and moves the person in the registry of record', async () => {
    const opened = await openResidence(desk, residenceIntake(TODAY));
    expect(opened).toMatchObject({ status: 'submitted', protocol: null, pendingSync: 1 });
    expect(opened.residence?.schedule).toEqual({
      effectiveFrom: TODAY,
      registrationDue: '2026-03-04',
      checkDue: '2026-04-16',
      silenceAssentFrom: '2026-04-17',
    });

    await desk.core.sync.syncOnce();
    const registered = await caseOf(desk, opened.id);
    expect(registered).toMatchObject({ status: 'registered', protocol: '2026/0000001', receivedOn: TODAY });
    expect(registered.pendingSync).toBe(0);
    expect(registered.timeline.map((e) => e.type)).toEqual(['create', 'submit', 'register']);

    const nicolo = await hubResident('r-nicolo');
    expect(nicolo.family_id).toBe(`fam-${opened.id}`);
    const family = await hub.hubDb.db
      .selectFrom('families')
      .selectAll()
      .where('id', '=', nicolo.family_id)
      .executeTakeFirstOrThrow();
    expect(family).toMatchObject({
      street_name: 'Roma',
      house_number: '25',
      interior: 'int. 3 · scala B · piano 2',
    });
    const entry = await hub.hubDb.db
      .selectFrom('protocol_register')
      .selectAll()
      .where('case_id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ year: 2026, number: 1, direction: 'incoming' });

    const local = await desk.ok<ResidentDetail>('registry:get', { id: 'r-nicolo' });
    expect(local.address.line).toBe('Via Roma 25');
    expect(local.address.interior).toBe('int. 3 · scala B · piano 2');
    expect(local.events.some((e) => e.kind === 'address_change')).toBe(true);
  });

  it('shows the queue with deadlines, and every counter of the comune sees the case', async () => {
    const opened = await openResidence(desk, residenceIntake(TODAY));
    await desk.core.sync.syncOnce();
    const other = await startTestDesk(hub, {
      workstation: 'Casale 2',
      token: await hub.enrol('Casale 2'),
      now: clock.now,
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('supervisore.casale');
      const page = await other.ok<QueuePage>('cases:queue', {});
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({
        id: opened.id,
        protocol: '2026/0000001',
        dueDate: '2026-04-16',
        daysRemaining: 45,
        colour: 'green',
      });
      const moved = await other.ok<ResidentDetail>('registry:get', { id: 'r-nicolo' });
      expect(moved.address.line).toBe('Via Roma 25');
    } finally {
      await other.close();
    }
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const outbox = await desk.count('outbox');
    const incomplete = await desk.call('cases:openResidence', {
      ...residenceIntake(TODAY),
      occupation: null,
      address: { ...residenceIntake(TODAY).address, houseNumber: '' },
    });
    expect(incomplete.ok).toBe(false);
    if (!incomplete.ok) {
      expect(incomplete.error.code).toBe('case_intake_invalid');
      expect(incomplete.error.params?.reasons).toBe('incomplete,incomplete');
      expect(incomplete.error.message).toContain('manca «Civico»');
      expect(incomplete.error.message).toContain('manca «Titolo di occupazione dell’alloggio»');
    }
    const outside = await desk.call('cases:openResidence', {
      ...residenceIntake(TODAY),
      address: { ...residenceIntake(TODAY).address, streetName: 'dei Mille' },
    });
    expect(!outside.ok && outside.error.message).toContain('non risulta nello stradario del comune B885');

    await openResidence(desk, residenceIntake(TODAY));
    const again = await desk.call('cases:openResidence', residenceIntake(TODAY));
    expect(!again.ok && again.error.params?.reasons).toBe('already_in_open_case');
    expect(!again.ok && again.error.message).toContain(
      "D'Amico Nicolò è già in un’altra pratica di residenza aperta",
    );
    expect(await desk.count('outbox')).toBe(outbox + 1);
  });

  it('refuses a step from the wrong state, and approving one’s own proposal', async () => {
    // a contributo is the social office's: its counters alone keep the case (DOMAIN.md §12.1)
    await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE]);
    const opened = await desk.ok<OpenedCase>('cases:open', {
      procedureCode: 'contributo_economico',
      applicantId: 'r-mario',
      subject: 'Contributo per le spese di affitto',
      documents: ['id_document', 'isee'],
    });
    const id = opened.case.id;
    const early = await desk.call('cases:transition', { caseId: id, event: { type: 'approve' } });
    expect(!early.ok && early.error.code).toBe('case_refused');
    expect(!early.ok && early.error.params?.reason).toBe('illegal_transition');
    expect(!early.ok && early.error.message).toContain('Impossibile accogliere: la pratica è «presentata»');

    await desk.core.sync.syncOnce();
    await desk.ok('cases:transition', { caseId: id, event: { type: 'take_in_charge' } });
    await desk.ok('cases:transition', {
      caseId: id,
      event: { type: 'propose', outcome: 'approve', reason: 'requisiti ISEE verificati' },
    });
    const outbox = await desk.count('outbox');
    const own = await desk.call('cases:transition', { caseId: id, event: { type: 'approve' } });
    expect(!own.ok && own.error.params?.reason).toBe('four_eyes');
    expect(!own.ok && own.error.message).toContain(
      'chi ha proposto l’esito (anagrafe.casale) non può anche accogliere',
    );
    expect(await desk.count('outbox')).toBe(outbox);
    await desk.core.sync.syncOnce();

    await desk.login('supervisore.casale');
    const approved = await desk.ok<CaseDetail>('cases:transition', {
      caseId: id,
      event: { type: 'approve' },
    });
    expect(approved.status).toBe('approved');
    await desk.core.sync.syncOnce();
    const synced = await caseOf(desk, id);
    expect(synced.outcome).toMatchObject({
      kind: 'approved',
      by: 'supervisore.casale',
      finalAct: { number: '2026/0000002', date: TODAY },
    });
    const closed = await desk.ok<CaseDetail>('cases:transition', { caseId: id, event: { type: 'close' } });
    expect(closed.status).toBe('closed');
    await desk.core.sync.syncOnce();
    expect(await desk.count('sync_exceptions')).toBe(0);
  });

  it('a negative outcome restores the previous registry position', async () => {
    const opened = await openResidence(
      desk,
      residenceIntake(
        TODAY,
        {
          household: { kind: 'join', familyId: 'f-damico' },
          movers: [{ source: 'registry', residentId: 'r-anna', relationship: 'convivente' }],
          drivingLicences: [],
          vehiclePlates: [],
          signatures: ['r-anna'],
          occupation: { kind: 'comodato', registration: null },
        },
        'r-anna',
      ),
    );
    await desk.core.sync.syncOnce();
    expect((await hubResident('r-anna')).family_id).toBe('f-damico');

    const step = (event: object) => desk.ok<CaseDetail>('cases:transition', { caseId: opened.id, event });
    await step({ type: 'take_in_charge' });
    await desk.ok('cases:policeCheck', {
      caseId: opened.id,
      outcome: 'negative',
      checkedOn: TODAY,
      notes: 'Nessuno all’indirizzo in due sopralluoghi',
    });
    const refusedEarly = await desk.call('cases:transition', {
      caseId: opened.id,
      event: { type: 'propose', outcome: 'reject', reason: 'non dimora abitualmente' },
    });
    expect(refusedEarly.ok).toBe(true);
    const noNotice = await desk.call('cases:transition', { caseId: opened.id, event: { type: 'reject' } });
    expect(!noNotice.ok && noNotice.error.params?.reason).toBe('refusal_notice_required');
    await step({ type: 'return_for_review', reason: 'prima il preavviso di rigetto' });
    await step({ type: 'suspend', kind: 'refusal_notice', reason: 'esito negativo accertamento' });
    await step({ type: 'resume', observationsReceivedOn: TODAY, reason: 'osservazioni non accolte' });
    await step({ type: 'propose', outcome: 'reject', reason: 'non dimora abitualmente' });
    await desk.login('supervisore.casale');
    const rejected = await step({ type: 'reject', reason: 'accertamento negativo' });
    expect(rejected.status).toBe('rejected');
    await desk.core.sync.syncOnce();

    expect(await hubResident('r-anna')).toMatchObject({ family_id: 'f-rossi', relationship: 'coniuge' });
    const detail = await caseOf(desk, opened.id);
    expect(detail.residence).toMatchObject({ registryApplied: true, registryRestored: true });
    const local = await desk.ok<ResidentDetail>('registry:get', { id: 'r-anna' });
    expect(local.address.line).toBe('Via Roma 12');
    expect(await desk.count('sync_exceptions')).toBe(0);
  });

  it('an offline case awaits its protocol number and gets it at sync', async () => {
    await hub.stop();
    const opened = await openResidence(desk, residenceIntake(TODAY));
    await desk.core.sync.syncOnce();
    expect((await caseOf(desk, opened.id)).protocol).toBeNull();
    const queued = await desk.ok<QueuePage>('cases:queue', {});
    expect(queued.items[0]).toMatchObject({ protocol: null, status: 'submitted', dueDate: '2026-04-16' });

    await hub.start();
    await desk.core.sync.syncOnce();
    expect(await caseOf(desk, opened.id)).toMatchObject({ protocol: '2026/0000001', status: 'registered' });
  });

  it('two counters offline declare the same person: the hub keeps the first, the second becomes an exception', async () => {
    const other = await startTestDesk(hub, {
      workstation: 'Casale 2',
      token: await hub.enrol('Casale 2'),
      now: clock.now,
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('anagrafe2.casale');
      const first = await openResidence(desk, residenceIntake(TODAY));
      const second = await openResidence(
        other,
        residenceIntake(TODAY, { address: { ...residenceIntake(TODAY).address, houseNumber: '30' } }),
      );
      await desk.core.sync.syncOnce();
      await other.core.sync.syncOnce();
      expect((await caseOf(desk, first.id)).protocol).toBe('2026/0000001');
      // refused at the hub: the optimistic case is gone, the refusal is on the sync screen
      expect(await other.call('cases:get', { id: second.id })).toMatchObject({
        ok: false,
        error: { code: 'case_not_found' },
      });
      const exceptions = await other.ok<{ code: string; message: string }[]>('sync:exceptions');
      expect(exceptions[0]).toMatchObject({ code: 'case_intake_invalid' });
      expect(exceptions[0]?.message).toContain(
        "D'Amico Nicolò è già in un’altra pratica di residenza aperta",
      );
      const register = await hub.hubDb.db.selectFrom('protocol_register').select('number').execute();
      expect(register).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('assigns and reassigns many cases at once, supervisors only', async () => {
    const ids: string[] = [];
    for (const subject of ['Dehors bar Roma', 'Ponteggio via Roma']) {
      ids.push(
        (
          await desk.ok<OpenedCase>('cases:open', {
            procedureCode: 'occupazione_suolo_pubblico',
            applicantId: 'r-mario',
            subject,
          })
        ).case.id,
      );
    }
    await desk.core.sync.syncOnce();
    const clerkTry = await desk.call('cases:assign', { caseIds: ids, assignee: 'anagrafe2.casale' });
    expect(!clerkTry.ok && clerkTry.error.code).toBe('action_not_allowed');
    await desk.login('supervisore.casale');
    const unknown = await desk.call('cases:assign', { caseIds: ids, assignee: 'nessuno' });
    expect(!unknown.ok && unknown.error.code).toBe('case_assignee_unknown');
    expect(await desk.ok('cases:assign', { caseIds: ids, assignee: 'anagrafe2.casale' })).toEqual({
      assigned: 2,
    });
    expect(
      await desk.ok('cases:assign', { caseIds: ids, assignee: 'anagrafe.casale', reason: 'ferie' }),
    ).toEqual({
      assigned: 2,
    });
    await desk.core.sync.syncOnce();
    const mine = await desk.ok<QueuePage>('cases:queue', { assignee: 'anagrafe.casale' });
    expect(mine.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(mine.items.every((i) => i.status === 'taken_in_charge')).toBe(true);
    const detail = await caseOf(desk, ids[0] ?? '');
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'create',
      'submit',
      'register',
      'take_in_charge',
      'assign',
    ]);
  });

  it('keeps internal notes apart from communications, and syncs attachments by SHA-256', async () => {
    const opened = await openResidence(desk, residenceIntake(TODAY));
    await desk.ok('cases:note', { caseId: opened.id, kind: 'internal', text: 'Verificare il contratto' });
    await desk.ok('cases:note', {
      caseId: opened.id,
      kind: 'citizen',
      text: 'Avvio del procedimento comunicato',
    });
    const pdf = Buffer.from('%PDF-1.4 documento scansionato');
    const withFile = await desk.ok<CaseDetail>('cases:attach', {
      caseId: opened.id,
      fileName: 'documento.pdf',
      mediaType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(withFile.internalNotes.map((n) => n.text)).toEqual(['Verificare il contratto']);
    expect(withFile.citizenNotes.map((n) => n.text)).toEqual(['Avvio del procedimento comunicato']);
    const sha = withFile.attachments[0]?.sha256 ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    await desk.core.sync.syncOnce();
    expect(await desk.count('sync_exceptions')).toBe(0);
    const stored = await hub.hubDb.db
      .selectFrom('case_files')
      .select(['size'])
      .where('sha256', '=', sha)
      .executeTakeFirstOrThrow();
    expect(Number(stored.size)).toBe(pdf.length);

    const other = await startTestDesk(hub, {
      workstation: 'Casale 2',
      token: await hub.enrol('Casale 2'),
      now: clock.now,
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('anagrafe2.casale');
      const detail = await caseOf(other, opened.id);
      expect(detail.attachments).toHaveLength(1);
      const file = await other.ok<{ contentBase64: string }>('cases:attachment', {
        caseId: opened.id,
        attachmentId: detail.attachments[0]?.id,
      });
      expect(Buffer.from(file.contentBase64, 'base64').equals(pdf)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('confirms a residence by silence-assent when the hub clock passes day 45', async () => {
    const opened = await openResidence(desk, residenceIntake(TODAY));
    await desk.core.sync.syncOnce();
    hubClock.move(44);
    await new Promise((r) => setTimeout(r, 1500));
    await desk.core.sync.syncOnce();
    expect((await caseOf(desk, opened.id)).status).toBe('registered');
    hubClock.move(2);
    await expect
      .poll(
        async () => {
          await desk.core.sync.syncOnce();
          return (await caseOf(desk, opened.id)).outcome;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toMatchObject({ kind: 'silence_assent', formedOn: '2026-04-17' });
    expect((await caseOf(desk, opened.id)).status).toBe('approved');
  });
});
