import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { addDays } from '../../../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../../../shared/calendar/rome-date';
import { SERIES_COUNTER_MAX } from '../../../../shared/numbering/workstation-series';
import { PERMIT_NUMBERS, permitKeyFrom } from '../../../../shared/permits/permit-wire';
import type { DebtLookup } from '../../../../shared/contract/cashdesk-views';
import type { SyncException, SyncStatus } from '../../../../shared/contract/views';
import { CHANGE_ENTITIES } from '../../../../shared/sync/change-entities';
import { setClerkDisabled } from '../../../../hub/admin/users';
import { demoPositionsCsv, demoVerbaliCsv } from '../../../../hub/cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../../../../hub/cashdesk/import-service';
import { insertHouseholds } from '../../../../hub/seed/seed-demo';
import { openResidence } from '../../../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { setWorkstationOffices } from '../../../../hub/admin/workstations';
import { SOCIAL_OFFICE } from '../../../../shared/social/social-access';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import {
  LONGEST_HOUSEHOLD,
  LONGEST_RESIDENT_ID,
  longestAssessment,
  longestCanoneApplication,
  longestContributoApplication,
  longestPermitDuplicate,
  longestPermitIssues,
  longestResidenceIntake,
  longestRevocationReason,
  longestSadApplication,
  longestSchoolEnrolment,
  longestShopFilings,
} from '../../../../test-support/longest-records';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

const today = () => romeDateOf(new Date());
/** the longest e-mail address the contacts rule accepts (254 characters) */
const LONGEST_EMAIL = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.it`;
/** the longest phone number the contacts rule accepts */
const LONGEST_PHONE = `+${'3'.repeat(15)}`;

/**
 * Issue 12 §1, the class: every kind of record the hub writes (each change kind of the log, the
 * registry pages, each push result) is produced through the hub's real code paths from data at
 * the bounds of the rules, and read back by the desk's own schemas and handlers. Nothing may be
 * set aside, no counter may go offline.
 */
describe.each(HUB_BACKENDS)('what the hub writes, the desk reads (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;

  beforeEach(async () => {
    hub = await startTestHub(backend);
    await insertHouseholds(hub.hubDb.db, [LONGEST_HOUSEHOLD]);
    // the social office's counter: the longest social records must reach it and parse
    await setWorkstationOffices(hub.hubDb.db, 'Casale - Anagrafe 1', [SOCIAL_OFFICE]);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login('anagrafe.casale');
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const clean = (s: SyncStatus) => expect(s).toMatchObject({ online: true, error: null, quarantined: 0 });

  it('every change kind, registry page and push result parses at the desk', async () => {
    // case + resident: a change of residence at the bounds; contacts at the bounds
    await openResidence(desk, longestResidenceIntake(today()));
    await desk.ok('registry:updateContacts', {
      residentId: LONGEST_RESIDENT_ID,
      phone: LONGEST_PHONE,
      email: LONGEST_EMAIL,
    });
    // counter_session (opened before the certificate, whose diritti go into it)
    await desk.ok('cashdesk:open', { openingFloatCents: 10_000 });
    // certificate
    await desk.ok('certificates:issue', {
      residentId: 'r-mario',
      facts: ['stato_famiglia'],
      destination: 'private_it',
      bollo: { kind: 'marca', marcaId: '01234567890123' },
      delivery: 'printed',
    });
    clean(await desk.core.sync.syncOnce());
    // verbale, debt_position: the hub's imports
    await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today(), 5));
    await importDebtPositions(
      hub.hubDb.db,
      'B885',
      demoPositionsCsv(today(), ['RSSMRA72L09H501S', 'BNCNNA80A41B885M'], '01'),
    );
    clean(await desk.core.sync.syncOnce());
    // payment
    await desk.ok('cashdesk:pay', {
      debt: { kind: 'fine', key: '1001/A' },
      channel: 'pos',
      pspTransactionId: 'P'.repeat(35),
    });
    // the lines of one receipt for several debts (cashdesk.recordBasket): `…/n` receipt numbers
    const plate = await desk.ok<DebtLookup>('fines:lookup', { query: 'CD456EF' });
    const anna = await desk.ok<DebtLookup>('fines:lookup', { query: 'BNCNNA80A41B885M' });
    const debtsOf = (l: DebtLookup) => (l.kind === 'results' ? l.debts : []);
    const basket = [...debtsOf(plate), ...debtsOf(anna)].filter((d) => d.amountDueCents !== null);
    expect(basket.length).toBeGreaterThanOrEqual(2);
    await desk.ok('cashdesk:payMany', {
      debts: basket.map((d) => ({ kind: d.kind, key: d.key })),
      channel: 'pos',
      pspTransactionId: 'Q'.repeat(35),
    });
    clean(await desk.core.sync.syncOnce());
    // permit: issued at the bounds (a CUDE with 2 plates and the ASL reference, a firm's work
    // permit), a duplicate for theft, a revocation with the longest reason
    const series = await hub.hubDb.db
      .selectFrom('workstations')
      .select('series')
      .where('name', '=', 'Casale - Anagrafe 1')
      .executeTakeFirstOrThrow();
    const permitNumber = (counter: number) => {
      const n = PERMIT_NUMBERS.format({
        comune: 'B885',
        series: series.series ?? '',
        year: Number(today().slice(0, 4)),
        counter: SERIES_COUNTER_MAX - counter,
      });
      if (!n.ok) throw new Error(n.detail);
      return n.value;
    };
    const key = () => permitKeyFrom(randomBytes(5));
    const localNow = romeDateTimeOf(new Date()).slice(0, 16);
    const permits = longestPermitIssues({
      today: today(),
      at: localNow,
      numbers: [permitNumber(0), permitNumber(1)],
      keys: [key(), key()],
    });
    const permitMutation = (name: string, args: unknown) => ({
      id: uuidv7(),
      name,
      args,
      clerk: 'anagrafe.casale',
      at: new Date().toISOString(),
    });
    const issued = await desk.core.ctx.hub.push(
      [
        permitMutation('permits.issue', permits.cude),
        permitMutation('permits.issue', permits.firm),
        permitMutation(
          'permits.duplicate',
          longestPermitDuplicate({
            permitId: permits.firm.permitId,
            number: permitNumber(2),
            key: key(),
            at: localNow,
          }),
        ),
      ],
      desk.token(),
    );
    expect(issued.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    // canone: the longest application, taken in charge and proposed by the clerk; approved (the
    // concession, its code-47 notice as a debt position, the police request) and revoked with
    // the longest reason by a supervisor
    const canone = longestCanoneApplication({ today: today(), at: localNow });
    const step = (event: unknown) =>
      permitMutation('cases.transition', {
        caseId: canone.case.caseId,
        eventId: uuidv7(),
        at: localNow,
        event,
      });
    const filed = await desk.core.ctx.hub.push(
      [
        permitMutation('canone.apply', canone),
        step({ type: 'take_in_charge' }),
        step({ type: 'propose', outcome: 'approve', reason: 'Requisiti verificati' }),
      ],
      desk.token(),
    );
    expect(filed.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await desk.login('supervisore.casale');
    const bySupervisor = (m: ReturnType<typeof permitMutation>) => ({ ...m, clerk: 'supervisore.casale' });
    const decided = await desk.core.ctx.hub.push(
      [
        bySupervisor(step({ type: 'approve' })),
        bySupervisor(
          permitMutation('canone.revoke', {
            applicationId: canone.applicationId,
            endsOn: addDays(today(), 364),
            reason: longestRevocationReason(),
            at: localNow,
          }),
        ),
      ],
      desk.token(),
    );
    expect(decided.map((r) => r.status)).toEqual(['applied', 'applied']);
    const [revoked] = await desk.core.ctx.hub.push(
      [
        {
          ...permitMutation('permits.revoke', {
            permitId: permits.cude.permitId,
            reason: longestRevocationReason(),
            at: localNow,
          }),
          clerk: 'supervisore.casale',
        },
      ],
      desk.token(),
    );
    expect(revoked?.status).toBe('applied');
    await desk.login('anagrafe.casale');
    clean(await desk.core.sync.syncOnce());
    // school: the longest canteen enrolment, then its payer's new ISEE (the account record)
    const school = longestSchoolEnrolment({ at: localNow });
    const enrolled = await desk.core.ctx.hub.push(
      [
        permitMutation('school.enrol', school),
        permitMutation('school.isee', {
          payerCodiceFiscale: school.payer.codiceFiscale,
          statement: { ...school.isee, dsuProtocol: 'INPS-ISEE-2026-ZYXWVUTSRQ54321-A1' },
          at: localNow,
        }),
      ],
      desk.token(),
    );
    expect(enrolled.map((r) => r.status)).toEqual(['applied', 'applied']);
    clean(await desk.core.sync.syncOnce());
    // shop: an opening at the bounds, then its takeover (the history note at its bound)
    const shops = longestShopFilings(today());
    const opened = await desk.ok<{ shop: { id: string } }>('shops:file', {
      shopId: null,
      filing: shops.opening,
      payment: 'cash',
    });
    clean(await desk.core.sync.syncOnce());
    await desk.ok('shops:file', { shopId: opened.shop.id, filing: shops.takeover, payment: 'cash' });
    clean(await desk.core.sync.syncOnce());
    // social services, by the social-services office: the longest contributo with its assessment
    // (the payment schedule) and the longest SAD application
    await desk.login('assistente.sociale');
    const social = (name: string, args: unknown) => ({
      ...permitMutation(name, args),
      clerk: 'assistente.sociale',
    });
    const socialFiled = await desk.core.ctx.hub.push(
      [
        social('social.contributo', longestContributoApplication(localNow)),
        social('social.assessment', longestAssessment({ at: localNow, today: today() })),
        social('social.sadApply', longestSadApplication(localNow)),
      ],
      desk.token(),
    );
    expect(socialFiled.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await desk.login('anagrafe.casale');
    clean(await desk.core.sync.syncOnce());
    expect(await desk.core.ctx.db.selectFrom('social_sad').select('id').execute()).toHaveLength(1);
    // clerk
    await setClerkDisabled(hub.hubDb.db, 'anagrafe2.casale', true);

    // push results: applied, duplicate, rejected with the hub's current state to rebase on
    const envelope = {
      id: uuidv7(),
      name: 'registry.updateContacts',
      args: { residentId: 'r-mario', phone: LONGEST_PHONE, email: LONGEST_EMAIL },
      clerk: 'anagrafe.casale',
      at: new Date().toISOString(),
    };
    expect((await desk.core.ctx.hub.push([envelope], desk.token()))[0]?.status).toBe('applied');
    expect((await desk.core.ctx.hub.push([envelope], desk.token()))[0]?.status).toBe('duplicate');
    await desk.ok('registry:updateContacts', { residentId: 'r-arben', phone: LONGEST_PHONE, email: null });
    await hub.hubDb.db
      .updateTable('residents')
      .set({ status: 'emigrated', status_date: today() })
      .where('id', '=', 'r-arben')
      .execute();
    const settled = await desk.core.sync.syncOnce();
    clean(settled);
    expect(settled).toMatchObject({ pending: 0, exceptions: 1 });

    // the log holds every kind of change the hub writes ('counter_session' is declared in
    // change-entities.ts but no hub code writes it today: sessions travel inside payments)
    const kinds = await hub.hubDb.db.selectFrom('change_log').select('entity').distinct().execute();
    expect(kinds.map((k) => k.entity).sort()).toEqual(
      CHANGE_ENTITIES.filter((e) => e !== 'counter_session').sort(),
    );

    // a counter enrolled now reads all of it: registry pages, backfill and the whole log
    const late = await startTestDesk(hub, { workstation: 'Casale 9', token: await hub.enrol('Casale 9') });
    try {
      const first = await late.core.sync.syncOnce();
      clean(first);
      expect(first.state).toBe('ready');
      expect(await late.count('residents')).toBeGreaterThan(0);
    } finally {
      await late.close();
    }

    // and the supervisors' list of the comune
    await desk.login('supervisore.casale');
    const comune = await desk.ok<SyncException[]>('sync:comuneExceptions');
    expect(comune.some((x) => x.source === 'push' && x.kind === 'permanent')).toBe(true);
  });
});
