import type { Kysely, Transaction } from 'kysely';
import { addDays, type IsoDate } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { paymentSchedule } from '../../shared/social/social-rules';
import {
  compareWaiting,
  criteriaOn,
  waitingPoints,
  type ScoredCriterion,
} from '../../shared/social/sad-rules';
import type { ContributoRecord, Disability, SadRecord, SocialIsee } from '../../shared/social/social-wire';
import type { HubDatabase } from '../db/database';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { CASE_APPLIERS } from '../cases/case-appliers';
import { loadCase } from '../cases/case-repository';
import { ageOn } from './registry-lookup';
import { sadRateOn } from './social-appliers';
import { saveContributo, saveSad } from './social-repository';

/**
 * Demo social files for `npm start` and the billing benchmark: SAD users (the comune's places
 * taken, the rest on the waiting list in points order) and a handful of contributi, for the
 * comune's older residents. Deterministic; written straight into the hub's tables and change log.
 * With `withCases` (the demo of `npm start`) each file also has its case in the engine, opened by
 * the engine's own applier as a counter's filing would be: a protocol number, the office's queue.
 * The billing benchmark leaves them out: it measures billing, not protocol registrations.
 */

const TASKS = [
  ['igiene_personale', 'preparazione_pasti'],
  ['aiuto_domestico', 'spesa'],
  ['igiene_personale', 'compagnia'],
  ['accompagnamento', 'somministrazione_farmaci'],
] as const;

const person = (r: { id: string; surname: string; given_names: string; codice_fiscale: string }) => ({
  personId: r.id,
  surname: r.surname,
  givenNames: r.given_names,
  codiceFiscale: r.codice_fiscale,
});

const iseeOf = (i: number, year: number): SocialIsee | null =>
  i % 7 === 6
    ? null
    : {
        type: i % 2 === 0 ? 'ordinario' : 'sociosanitario',
        valueCents: 150_000 + ((i * 173_311) % 2_200_000),
        dsuProtocol: `INPS-ISEE-${year}-${String(100_000_000 + i).slice(-9)}-00`,
        issuedOn: `${year}-01-15`,
        expiresOn: `${year}-12-31`,
      };

const disabilityOf = (i: number): Disability => ({
  invalidityPct: i % 3 === 0 ? 100 : i % 3 === 1 ? 67 : null,
  l104: i % 4 === 0 ? 'art3c3' : i % 4 === 1 ? 'art3c1' : 'none',
  accompanyingAllowance: i % 3 === 0,
});

/** Older residents of the comune first (the people home care is for), in a stable order. */
async function elders(db: Kysely<HubDatabase>, comune: string, n: number) {
  return db
    .selectFrom('residents')
    .select(['id', 'surname', 'given_names', 'codice_fiscale', 'birth_date'])
    .where('comune', '=', comune)
    .where('status', '=', 'resident')
    .orderBy('birth_date')
    .orderBy('id')
    .limit(n)
    .execute();
}

function sadRecord(
  comune: string,
  i: number,
  r: { id: string; surname: string; given_names: string; codice_fiscale: string },
  today: IsoDate,
): SadRecord {
  const applied = addDays(today, -120 + (i % 90));
  const base: SadRecord = {
    id: `demo-sad-${comune}-${String(i).padStart(5, '0')}`,
    comune,
    caseId: `demo-case-sad-${comune}-${i}`,
    beneficiary: person(r),
    requester: { role: 'self', personId: null, surname: '', givenNames: '', codiceFiscale: '', decree: null },
    isee: iseeOf(i, Number(today.slice(0, 4))),
    disability: disabilityOf(i),
    needNote: 'Dato dimostrativo',
    appliedOn: applied,
    status: 'planned',
    visit: {
      visitedOn: addDays(applied, 10),
      livesAlone: i % 3 !== 2,
      notes: 'Visita dimostrativa',
      by: 'demo',
    },
    plan: null,
    startedOn: null,
    waiting: null,
    stop: null,
    months: [],
  };
  const rate = sadRateOn(base, today);
  return {
    ...base,
    plan: {
      hoursPerWeek: 2 + (i % 5) * 1.5,
      operators: i % 6 === 0 ? 2 : 1,
      tasks: [...(TASKS[i % TASKS.length] ?? TASKS[0])],
      hourlyRateCents: rate.hourlyRateCents,
      band: rate.band,
      provider: 'Coop. Sociale (demo)',
      plannedOn: addDays(applied, 15),
    },
  };
}

export interface DemoSadOptions {
  /** SAD users to create (the comune's places first, the rest wait) */
  users: number;
  /** start everyone, ignoring the places (the billing benchmark) */
  allActive?: boolean;
  /** also import delivered hours for this month (YYYY-MM) */
  hoursMonth?: string;
  /** open each file's case in the case engine (protocol number) */
  withCases?: boolean;
  now: Date;
}

/**
 * A demo file's case, opened by the case engine's applier with the beneficiary as applicant
 * (the `self` requester of every demo file). No counter filed it: the hub itself is the
 * workstation, and the demo author the clerk. Again for the same id: left as it is.
 */
async function openDemoCase(
  trx: Transaction<HubDatabase>,
  comune: string,
  at: string,
  c: { caseId: string; procedureCode: string; appliedOn: IsoDate; beneficiary: SadRecord['beneficiary'] },
): Promise<void> {
  if (await loadCase(trx, comune, c.caseId)) return;
  const ws: WorkstationRow = {
    id: 'demo',
    name: 'demo',
    comune,
    token_hash: '',
    created_at: at,
    revoked_at: null,
    series: null,
  };
  const name = `${c.beneficiary.surname} ${c.beneficiary.givenNames}`;
  await CASE_APPLIERS['cases.open'](
    { trx, ws, at, mutationId: `demo-${c.caseId}`, clerk: { username: 'assistente.sociale', role: 'clerk' } },
    {
      caseId: c.caseId,
      eventId: `${c.caseId}-open`,
      at: `${c.appliedOn}T09:00`,
      procedureCode: c.procedureCode,
      applicantId: c.beneficiary.personId,
      applicantName: name,
      subject: `${c.procedureCode === 'assistenza_domiciliare' ? 'Assistenza domiciliare' : 'Contributo economico'} per ${name} (dato dimostrativo)`,
      counterSeconds: null,
      receiptDelivery: 'none',
      documents: [],
      residence: null,
    },
  );
}

/** SAD users for the comune's older residents; returns how many started and how many wait. */
export async function createDemoSad(
  db: Kysely<HubDatabase>,
  comune: string,
  opts: DemoSadOptions,
): Promise<{ active: number; waiting: number }> {
  const today = romeDateOf(opts.now);
  const at = opts.now.toISOString();
  const criteria = criteriaOn(comune, today);
  const capacity = opts.allActive ? Number.POSITIVE_INFINITY : (criteria?.capacity ?? 0);
  const people = await elders(db, comune, opts.users);
  let active = 0;
  const waiting: { s: SadRecord; points: number; criteria: ScoredCriterion[] }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [i, r] of people.entries()) {
      const s = sadRecord(comune, i, r, today);
      if (opts.withCases)
        await openDemoCase(trx, comune, at, { ...s, procedureCode: 'assistenza_domiciliare' });
      if (active < capacity) {
        active += 1;
        const started = { ...s, status: 'active' as const, startedOn: addDays(s.appliedOn, 20) };
        await saveSad(trx, started, at);
        if (opts.hoursMonth && started.plan)
          await trx
            .insertInto('social_sad_hours')
            .values({
              comune,
              month: opts.hoursMonth,
              sad_id: s.id,
              hours: started.plan.hoursPerWeek * 4,
              operators: started.plan.operators,
              imported_at: at,
            })
            .execute();
        continue;
      }
      const scored = criteria
        ? waitingPoints(criteria, {
            livesAlone: s.visit?.livesAlone ?? false,
            age: ageOn(r.birth_date, today),
            disability: s.disability,
            iseeCents: s.isee?.valueCents ?? null,
          })
        : [];
      waiting.push({ s, points: scored.reduce((n, c) => n + c.points, 0), criteria: scored });
    }
    const ordered = waiting
      .map((w) => ({ ...w, id: w.s.id, since: w.s.plan?.plannedOn ?? today }))
      .sort(compareWaiting);
    for (const [k, w] of ordered.entries())
      await saveSad(
        trx,
        {
          ...w.s,
          status: 'waiting',
          waiting: { since: w.since, points: w.points, position: k + 1, criteria: w.criteria },
        },
        at,
      );
  });
  return { active, waiting: waiting.length };
}

const IBANS = ['IT60X0542811101000000123456', 'IT66A0306909606100000012345', 'IT18K0760101600000012345678'];

/** A handful of contributi: approved with their schedule, one still to assess. */
export async function createDemoContributi(
  db: Kysely<HubDatabase>,
  comune: string,
  now: Date,
  n = 5,
  withCases = false,
) {
  const today = romeDateOf(now);
  const at = now.toISOString();
  const people = (await elders(db, comune, 200)).slice(100, 100 + n);
  await db.transaction().execute(async (trx) => {
    for (const [i, r] of people.entries()) {
      const approved = i < n - 1;
      const schedule = paymentSchedule(20_000 + i * 5_000, today, addDays(today, 150));
      const record: ContributoRecord = {
        id: `demo-contributo-${comune}-${i}`,
        comune,
        caseId: `demo-case-contributo-${comune}-${i}`,
        beneficiary: person(r),
        household: [person(r)],
        requester: {
          role: 'self',
          personId: null,
          surname: '',
          givenNames: '',
          codiceFiscale: '',
          decree: null,
        },
        isee: iseeOf(i, Number(today.slice(0, 4))),
        band: { chosenBy: 'isee', bandLabel: 'ISEE ordinario', warning: null },
        disability: disabilityOf(i),
        iban: IBANS[i % IBANS.length] ?? IBANS[0] ?? '',
        need: i % 2 === 0 ? 'reddito' : 'utenze',
        needNote: 'Dato dimostrativo',
        appliedOn: addDays(today, -30),
        assessment: approved
          ? {
              text: 'Valutazione dimostrativa',
              project: 'Progetto dimostrativo',
              by: 'demo',
              on: addDays(today, -10),
            }
          : null,
        amountCents: approved ? 20_000 + i * 5_000 : null,
        frequency: approved ? 'monthly' : null,
        startOn: approved ? today : null,
        endOn: approved ? addDays(today, 150) : null,
        status: approved ? 'approved' : 'applied',
        schedule: approved && schedule.ok ? schedule.value : [],
        stop: null,
      };
      if (withCases)
        await openDemoCase(trx, comune, at, { ...record, procedureCode: 'contributo_economico' });
      await saveContributo(trx, record, at);
    }
  });
  return people.length;
}
