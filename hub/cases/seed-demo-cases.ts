import { sql, type Kysely } from 'kysely';
import { addDays, compareIsoDates } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import {
  applyCaseEvent,
  assignCaseRecord,
  newCaseRecord,
  recordPoliceCheck,
  registerCaseRecord,
  type CaseActor,
} from '../../shared/cases/case-engine';
import type { CaseRecord, ReceiptDelivery } from '../../shared/cases/case-record';
import { procedureOn } from '../../shared/cases/procedure-catalogue';
import {
  newResidenceData,
  residencePersons,
  residenceSubject,
  RESIDENCE_PROCEDURE,
} from '../../shared/cases/residence-case';
import type { ResidenceIntakeData } from '../../shared/cases/residence-intake-schema';
import type { HubDatabase } from '../db/database';
import { registerProtocol } from '../protocol/protocol-repository';
import { toWireResident } from '../registry/registry-repository';
import { appendChange } from '../sync/change-log';
import { publishCase, saveCase } from './case-repository';
import { applyResidenceRegistration } from './residence-registry';

const CLERKS: CaseActor[] = [
  { username: 'anagrafe.casale', role: 'clerk' },
  { username: 'anagrafe2.casale', role: 'clerk' },
];
const SUPERVISOR: CaseActor = { username: 'supervisore.casale', role: 'supervisor' };

const SUBJECTS: Record<string, string[]> = {
  occupazione_suolo_pubblico: [
    'Dehors stagionale',
    'Ponteggio per rifacimento facciata',
    'Banco di vendita al mercato',
    'Trasloco: area di sosta',
  ],
  contributo_economico: [
    'Contributo per il canone di locazione',
    'Sostegno alle spese scolastiche',
    'Contributo per utenze domestiche',
  ],
  assistenza_domiciliare: ['Assistenza domiciliare per persona anziana', 'Aiuto domestico dopo ricovero'],
};

/** The baselines the demo comune set for its burden meter (the -25% target is drawn from them). */
const BASELINES: Record<string, { counterSeconds: number; visitsX100: number; printedPagesX100: number }> = {
  cambio_residenza: { counterSeconds: 1800, visitsX100: 220, printedPagesX100: 400 },
  occupazione_suolo_pubblico: { counterSeconds: 1500, visitsX100: 200, printedPagesX100: 500 },
  contributo_economico: { counterSeconds: 2400, visitsX100: 250, printedPagesX100: 600 },
  assistenza_domiciliare: { counterSeconds: 2100, visitsX100: 230, printedPagesX100: 450 },
};

function prng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T };
}

const at = (day: string, hour: number, minute = 0) =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;

/**
 * A year of demo cases for `npm start`: applications to the catalogue's procedures in every
 * state (open ones green, amber and overdue; decided, withdrawn and closed ones), numbered in
 * the protocol register in date order, a few changes of residence that really move a demo
 * resident (the older ones left for the silence-assent job to confirm at start), counter times
 * and visits falling over the year against the comune's baselines. Deterministic; does nothing
 * when the comune already has cases. Call after the registry is seeded.
 */
export async function seedDemoCases(
  db: Kysely<HubDatabase>,
  comune: string,
  now: Date,
  count = 240,
): Promise<{ cases: number }> {
  const existing = await db
    .selectFrom('cases')
    .select('id')
    .where('comune', '=', comune)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { cases: 0 };
  const rng = prng(20_261_126);
  const today = romeDateOf(now);
  const applicants = await db
    .selectFrom('residents')
    .select(['id', 'surname', 'given_names'])
    .where('comune', '=', comune)
    .where('status', '=', 'resident')
    .orderBy('id')
    .limit(2000)
    .execute();
  // People living alone, moved by the residence cases (no household left behind without a head).
  const loners = await sql<{ id: string }>`select r.id as id from residents r
      where r.comune = ${comune} and r.status = 'resident' and r.relationship = 'intestatario'
        and (select count(*) from residents m where m.family_id = r.family_id) = 1
      order by r.id limit 16`.execute(db);
  const streets = await db
    .selectFrom('families')
    .select(['street_type', 'street_name', 'cap'])
    .distinct()
    .where('comune', '=', comune)
    .where('frazione', '=', '')
    .orderBy('street_name')
    .limit(200)
    .execute();
  if (applicants.length === 0 || streets.length === 0) return { cases: 0 };

  type Plan = { day: string; code: string; mover: string | null };
  const plans: Plan[] = [];
  loners.rows.forEach((r, i) =>
    plans.push({ day: addDays(today, -Math.floor((i * 97) % 120)), code: RESIDENCE_PROCEDURE, mover: r.id }),
  );
  const generic = Object.keys(SUBJECTS);
  for (let i = plans.length; i < count; i++) {
    plans.push({ day: addDays(today, -Math.floor(rng.next() * 365)), code: rng.pick(generic), mover: null });
  }
  plans.sort((a, b) => compareIsoDates(a.day, b.day));

  let n = 0;
  for (const plan of plans) {
    n += 1;
    const procedure = procedureOn(plan.code, comune, plan.day);
    if (!procedure.ok) continue;
    const age = Math.max(0, Math.round((Date.parse(today) - Date.parse(plan.day)) / 86_400_000));
    // The year's progress: counters faster, fewer return visits, more receipts as files.
    const progress = Math.min(1, Math.max(0, 1 - age / 365));
    const clerk = rng.pick(CLERKS);
    const receipt: ReceiptDelivery = rng.next() < 0.3 + 0.6 * progress ? 'file' : 'printed';
    const applicant = rng.pick(applicants);
    await db.transaction().execute(async (trx) => {
      let residence: CaseRecord['residence'] = null;
      let persons = [applicant.id];
      let name = `${applicant.surname} ${applicant.given_names}`;
      let subject = rng.pick(SUBJECTS[plan.code] ?? ['Istanza']);
      if (plan.mover) {
        const mover = await trx
          .selectFrom('residents')
          .selectAll()
          .where('id', '=', plan.mover)
          .executeTakeFirstOrThrow();
        const street = rng.pick(streets);
        const intake: ResidenceIntakeData = {
          comune,
          declarationDate: plan.day,
          movedOn: addDays(plan.day, -3),
          channel: 'counter',
          protocolDate: null,
          origin: { kind: 'same_comune' },
          movers: [
            {
              source: 'registry',
              residentId: mover.id,
              surname: mover.surname,
              givenNames: mover.given_names,
              birthDate: mover.birth_date,
              codiceFiscale: mover.codice_fiscale,
              citizenship: mover.citizenship,
              relationship: 'intestatario',
            },
          ],
          address: {
            streetType: street.street_type,
            streetName: street.street_name,
            houseNumber: String(1 + Math.floor(rng.next() * 80)),
            interior: String(1 + Math.floor(rng.next() * 12)),
            stair: null,
            floor: String(Math.floor(rng.next() * 5)),
            cap: street.cap,
            multiUnitBuilding: true,
          },
          occupation:
            rng.next() < 0.5
              ? { kind: 'owner' }
              : {
                  kind: 'lease',
                  registration: {
                    office: 'Casale Monferrato',
                    number: `3T ${1000 + n}`,
                    date: addDays(plan.day, -20),
                  },
                },
          household: { kind: 'new' },
          drivingLicences: [],
          vehiclePlates: [],
          signatures: [mover.id],
          representative: null,
        };
        residence = newResidenceData(intake);
        persons = residencePersons(intake);
        name = `${mover.surname} ${mover.given_names}`;
        subject = residenceSubject(intake);
      }
      let record = newCaseRecord(
        {
          caseId: `demo-${comune}-${String(n).padStart(4, '0')}`,
          eventId: `demo-${comune}-${n}-open`,
          at: at(plan.day, 9, n % 60),
          comune,
          procedure: procedure.value,
          applicantId: plan.mover ?? applicant.id,
          applicantName: name,
          subject,
          counterSeconds: Math.round((1700 - 700 * progress) * (0.7 + 0.6 * rng.next())),
          receiptDelivery: receipt,
          documents: procedure.value.requiredDocuments.slice(0, 2).map((d) => d.id),
          residence,
          persons,
        },
        clerk,
      );
      const registeredAt = at(plan.day, 10, n % 60);
      const number = await registerProtocol(trx, {
        comune,
        registeredAt,
        direction: 'incoming',
        correspondents: [name],
        subject,
        caseId: record.state.id,
        registeredBy: clerk.username,
      });
      record = registerCaseRecord(record, number, registeredAt, plan.day);
      record = {
        ...record,
        visits:
          1 + (rng.next() < 0.9 - 0.6 * progress ? 1 : 0) + (rng.next() < 0.3 - 0.25 * progress ? 1 : 0),
      };
      const moved = plan.mover ? await applyResidenceRegistration(trx, record) : null;
      if (moved) record = moved.record;
      record = advance(record, plan, age, clerk, rng);
      await saveCase(trx, record, now.toISOString());
      await publishCase(trx, record, now.toISOString());
      for (const row of moved?.residents ?? []) {
        await appendChange(trx, {
          comune,
          entity: 'resident',
          entityId: row.id,
          op: 'upsert',
          payload: toWireResident(row),
          at: now.toISOString(),
        });
      }
    });
  }
  for (const [code, b] of Object.entries(BASELINES)) {
    const row = {
      comune,
      procedure_code: code,
      counter_seconds: b.counterSeconds,
      visits_x100: b.visitsX100,
      printed_pages_x100: b.printedPagesX100,
      set_on: addDays(today, -365),
      set_by: SUPERVISOR.username,
    };
    await db
      .insertInto('case_baselines')
      .values(row)
      .onConflict((oc) => oc.columns(['comune', 'procedure_code']).doUpdateSet(row))
      .execute();
  }
  return { cases: n };
}

/** Moves a demo case along its life according to its age: older cases are further on. */
function advance(
  record: CaseRecord,
  plan: { day: string; code: string; mover: string | null },
  age: number,
  clerk: CaseActor,
  rng: ReturnType<typeof prng>,
): CaseRecord {
  const day = (offset: number, hour: number) => at(addDays(plan.day, Math.min(offset, age)), hour);
  const id = record.state.id;
  const roll = rng.next();
  // Residence cases are left registered or in charge: the silence-assent job confirms the old ones.
  if (plan.mover) {
    if (age < 3 || roll < 0.5) return record;
    let r = applyCaseEvent(record, { type: 'take_in_charge' }, clerk, day(2, 9), `${id}.take`);
    if (age > 20) {
      r = recordPoliceCheck(
        r,
        {
          outcome: 'positive',
          checkedOn: addDays(plan.day, 15),
          notes: 'Dimora abituale accertata',
          at: day(16, 11),
        },
        clerk,
        `${id}.check`,
      );
    }
    return r;
  }
  const term = record.state.procedure.maxDays;
  // Past its term a case is almost always decided by now; a few are late on purpose (the
  // dashboard's red list). Within the term, cases wait at every step.
  const decided = age > term ? roll > 0.06 : age > term * 0.5 && roll > 0.75;
  if (!decided) {
    if (age < 1 || roll < 0.15) return record;
    let r = assignCaseRecord(record, clerk.username, SUPERVISOR, day(1, 8), `${id}.assign`, '');
    if (age < 5 || roll < 0.35) return r;
    if (roll < 0.5 && age > 6) {
      return applyCaseEvent(
        r,
        {
          type: 'suspend',
          kind: 'information_request',
          days: 20,
          reason: 'Integrazione documentale richiesta',
        },
        clerk,
        day(4, 10),
        `${id}.suspend`,
      );
    }
    if (roll < 0.6) return r;
    r = applyCaseEvent(
      r,
      { type: 'propose', outcome: 'approve', reason: 'Requisiti verificati' },
      clerk,
      day(Math.floor(term * 0.4), 11),
      `${id}.propose`,
    );
    return r;
  }
  const handled = Math.floor(term * (0.3 + 0.6 * rng.next()));
  let r = assignCaseRecord(record, clerk.username, SUPERVISOR, day(1, 8), `${id}.assign`, '');
  if (roll > 0.95) {
    return applyCaseEvent(
      r,
      { type: 'withdraw', reason: 'Rinuncia scritta del richiedente' },
      clerk,
      day(handled, 9),
      `${id}.withdraw`,
    );
  }
  r = applyCaseEvent(
    r,
    { type: 'propose', outcome: 'approve', reason: 'Requisiti verificati' },
    clerk,
    day(handled - 1, 11),
    `${id}.propose`,
  );
  const approver = record.state.procedure.needsSecondApproval ? SUPERVISOR : rng.pick([SUPERVISOR, clerk]);
  return applyCaseEvent(
    r,
    { type: 'approve', reason: 'Accolta' },
    approver,
    day(handled, 12),
    `${id}.approve`,
  );
}
