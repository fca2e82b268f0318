import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { permitKeyFrom, PERMIT_NUMBERS } from '../../shared/permits/permit-wire';
import { lastDayAfterMonths } from '../../shared/permits/validity';
import { openResidence, residenceIntake } from '../../test-support/case-fixtures';
import { startTestDesk, type TestDesk } from '../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { insertHouseholds } from '../seed/seed-demo';

const today = () => romeDateOf(new Date());
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** A head of household living in the ZTL (Via Lanza, ztl-zones.ts demo table). */
const LANZA = {
  family: {
    id: 'f-lanza',
    comune: 'B885',
    address: {
      streetType: 'Via',
      streetName: 'Lanza',
      houseNumber: '5',
      interior: '',
      cap: '15033',
      frazione: '',
    },
    since: '2012-01-01',
  },
  members: [
    {
      id: 'r-lanza',
      comune: 'B885',
      codiceFiscale: 'GLLPLA70A01B885K',
      surname: 'Gallo',
      givenNames: 'Paola',
      sex: 'F' as const,
      birthDate: '1970-01-01',
      birthPlaceCode: 'B885',
      birthPlaceName: 'Casale Monferrato',
      citizenship: 'IT',
      civilStatus: 'coniugato' as const,
      status: 'resident' as const,
      statusDate: null,
      familyId: 'f-lanza',
      relationship: 'intestatario' as const,
      registeredOn: '2012-01-01',
    },
  ],
  events: [],
};

/**
 * The registry's own change of residence (a case registered at the hub) moves a permit holder
 * out of the ZTL: in the same transaction the permit is proposed for revocation with the notice
 * period, logged for the counters under the case's mutation, and put in the supervisors' queue.
 */
describe.each(HUB_BACKENDS)('a holder moving out of the zone (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    await insertHouseholds(hub.hubDb.db, [LANZA]);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login('anagrafe.casale');
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('proposes the revocation of the ZTL residents permit when the change of residence is registered', async () => {
    const ws = await hub.hubDb.db
      .selectFrom('workstations')
      .select(['id', 'series'])
      .where('name', '=', 'Casale - Anagrafe 1')
      .executeTakeFirstOrThrow();
    const number = PERMIT_NUMBERS.format({
      comune: 'B885',
      series: ws.series ?? '',
      year: Number(today().slice(0, 4)),
      counter: 900,
    });
    if (!number.ok) throw new Error(number.detail);
    const permitId = uuidv7();
    const [issued] = await desk.core.ctx.hub.push(
      [
        {
          id: uuidv7(),
          name: 'permits.issue',
          clerk: 'anagrafe.casale',
          at: new Date().toISOString(),
          args: {
            permitId,
            number: number.value,
            verificationKey: permitKeyFrom(randomBytes(5)),
            kind: 'ztl_residenti',
            holderId: 'r-lanza',
            holderName: 'Gallo Paola',
            householdId: 'f-lanza',
            plates: [{ plate: 'BC234DF', country: 'I' }],
            zone: 'ZTL-CENTRO',
            validFrom: today(),
            validTo: lastDayAfterMonths(today(), 24),
            validFromAt: null,
            validToAt: null,
            feeCents: 0,
            paymentRef: null,
            aslRef: null,
            at: romeDateTimeOf(new Date()).slice(0, 16),
          },
        },
      ],
      desk.token(),
    );
    expect(issued).toMatchObject({ status: 'applied' });

    await openResidence(
      desk,
      residenceIntake(
        today(),
        {
          address: {
            streetType: 'Strada',
            streetName: 'Vialarda',
            houseNumber: '41',
            interior: '',
            stair: '',
            floor: '',
            cap: '15033',
            multiUnitBuilding: false,
          },
          drivingLicences: [],
          vehiclePlates: [],
        },
        'r-lanza',
      ),
    );
    await desk.core.sync.syncOnce();

    const permit = await hub.hubDb.db
      .selectFrom('permits')
      .selectAll()
      .where('id', '=', permitId)
      .executeTakeFirstOrThrow();
    expect(permit.status).toBe('revocation_proposed');
    expect(permit.revoked_reason).toBe(
      `Trasferimento di residenza in Strada Vialarda, fuori dalla zona ZTL-CENTRO, dal ${dmy(today())}: revoca proposta con preavviso di 30 giorni, entro il ${dmy(addDays(today(), 30))}.`,
    );
    // the resident moved and the permit changed in one mutation: both logged under it
    const caseMutation = await hub.hubDb.db
      .selectFrom('change_log')
      .select('mutation_id')
      .where('entity', '=', 'resident')
      .where('entity_id', '=', 'r-lanza')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const logged = await hub.hubDb.db
      .selectFrom('change_log')
      .select(['payload', 'mutation_id'])
      .where('entity', '=', 'permit')
      .where('entity_id', '=', permitId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged.mutation_id).toBe(caseMutation.mutation_id);
    expect(JSON.parse(logged.payload)).toMatchObject({ status: 'revocation_proposed' });
    // the supervisors' queue
    const queued = await hub.hubDb.db
      .selectFrom('sync_exceptions')
      .selectAll()
      .where('code', '=', 'permit_revocation_proposed')
      .executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ name: 'permits.revoke', workstation_id: ws.id, comune: 'B885' });
    expect(queued.message).toBe(`Permesso ${number.value} (BC234DF): ${permit.revoked_reason}`);
  });
});
