import type { Kysely } from 'kysely';
import { addDays, type IsoDate } from '../../shared/calendar/iso-date';
import { permitFee } from '../../shared/permits/fees';
import { kindRowOn, type PermitKind } from '../../shared/permits/permit-kinds';
import {
  permitKeyFrom,
  PERMIT_NUMBERS,
  permitRecordSchema,
  type PermitRecord,
} from '../../shared/permits/permit-wire';
import { permitValidity } from '../../shared/permits/validity';
import { zoneOf } from '../../shared/permits/ztl-zones';
import type { HubDatabase } from '../db/database';
import { appendChanges } from '../sync/change-log';
import { permitRowOf } from './permit-repository';
import { seededRandom as rng } from '../../shared/random/seeded-random';

/**
 * Demo permits for a comune's demo residents (the bench's 200,000 plates, the demo seed): the
 * ZTL residents' permit for heads of household living in the ZTL, resident parking in the
 * parking sectors, a CUDE for about 3 in 100, and for everyone else the kinds that need no
 * address (ecological vehicles, work, doctors, transit, the 30-minute ticket). Deterministic for
 * a seed; valid plates all different; dates spread over the last year, so some have expired.
 * Written straight into the hub's tables and change log (no counter issued them): numbers are of
 * the demo series `DEMO`, issued by `demo`.
 */

export interface DemoPermitOptions {
  /** how many permits; fewer if the comune has fewer residents than permits ÷ 2 */
  count: number;
  today: IsoDate;
  seed?: number;
  /** the workstation recorded as issuer (any enrolled one of the comune) */
  workstationId?: string;
  /** the first plate index, so several comuni get different plates */
  plateOffset?: number;
}

const CHUNK = 500;
const SERIES = 'DEMO';
/** letters of current Italian plates (no I, O, Q, U) */
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

/** The `i`-th plate AA000AA (22^4 × 1000 ≈ 234 million of them). */
export function demoPlate(i: number): string {
  const L = LETTERS.length;
  const digits = String(i % 1000).padStart(3, '0');
  let rest = Math.floor(i / 1000);
  const letters: string[] = [];
  for (let k = 0; k < 4; k++) {
    letters.push(LETTERS[rest % L] ?? 'A');
    rest = Math.floor(rest / L);
  }
  return `${letters[0]}${letters[1]}${digits}${letters[2]}${letters[3]}`;
}

const OTHER_KINDS: readonly PermitKind[] = [
  'ztl_ecologico',
  'ztl_ecologico',
  'ztl_lavoro',
  'ztl_medici',
  'ztl_transito',
  'ztl_transito',
  'ztl_temporaneo',
];

/** Creates up to `count` permits; returns how many. */
export async function createDemoPermits(
  db: Kysely<HubDatabase>,
  comune: string,
  opts: DemoPermitOptions,
): Promise<number> {
  const random = rng(opts.seed ?? 13);
  const residents = await db
    .selectFrom('residents')
    .innerJoin('families', (j) =>
      j.onRef('families.id', '=', 'residents.family_id').onRef('families.comune', '=', 'residents.comune'),
    )
    .select([
      'residents.id',
      'residents.surname',
      'residents.given_names',
      'residents.family_id',
      'residents.relationship',
      'families.street_type',
      'families.street_name',
    ])
    .where('residents.comune', '=', comune)
    .where('residents.status', '=', 'resident')
    .orderBy('residents.id')
    .execute();
  if (residents.length === 0) return 0;
  const workstation = opts.workstationId ?? 'demo';
  const year = Number(opts.today.slice(0, 4));
  const householdsWithZtl = new Set<string>();
  const at = new Date().toISOString();
  let plateIndex = opts.plateOffset ?? 0;
  let made = 0;
  let batch: PermitRecord[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('permits')
        .values(chunk.map((p) => permitRowOf(p, workstation, at)))
        .execute();
      const plates = chunk.flatMap((p) =>
        p.plates.map((q) => ({ permit_id: p.id, comune, plate: q.plate, country: q.country })),
      );
      if (plates.length > 0) await trx.insertInto('permit_plates').values(plates).execute();
      await appendChanges(
        trx,
        chunk.map((p) => ({
          comune,
          entity: 'permit' as const,
          entity_id: p.id,
          op: 'upsert' as const,
          payload: JSON.stringify(p),
          at,
          mutation_id: null,
        })),
      );
    });
  };

  // a comune without Casale's ZTL rows issues only the default kinds (parking, CUDE)
  const others = OTHER_KINDS.filter((k) => kindRowOn(k, comune, opts.today) !== null);
  const fallback: readonly PermitKind[] = others.length > 0 ? others : ['cude_permanente'];
  for (let i = 0; made < opts.count && i < residents.length + opts.count * 4; i++) {
    const r = residents[i % residents.length];
    if (!r) break;
    const issuedOn = addDays(opts.today, -Math.floor(random() * 365));
    const zones = zoneOf(comune, { streetType: r.street_type, streetName: r.street_name }, issuedOn);
    const head = r.relationship === 'intestatario';
    const roll = random();
    let kind: PermitKind;
    if (head && zones.ztl !== null && !householdsWithZtl.has(r.family_id) && i < residents.length) {
      kind = 'ztl_residenti';
      householdsWithZtl.add(r.family_id);
    } else if (zones.sosta !== null && roll < 0.5 && i < residents.length) kind = 'sosta_residenti';
    else if (roll < 0.03 && i < residents.length) kind = 'cude_permanente';
    else kind = fallback[Math.floor(random() * fallback.length)] ?? 'cude_permanente';
    const row = kindRowOn(kind, comune, issuedOn);
    if (row === null) continue;
    const temporary = kind === 'ztl_temporaneo';
    const start = temporary
      ? `${issuedOn}T${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`
      : issuedOn;
    const validity = permitValidity(row, start);
    const fee = permitFee(kind, { comune, startAt: temporary ? start : null }, start);
    if (!validity.ok || !fee.ok) continue;
    const number = PERMIT_NUMBERS.format({ comune, series: SERIES, year, counter: made + 1 });
    if (!number.ok) break;
    const resident = kind === 'ztl_residenti' || kind === 'sosta_residenti' || kind === 'cude_permanente';
    const plates =
      kind === 'cude_permanente' && i < residents.length && random() < 0.5
        ? []
        : [{ plate: demoPlate(plateIndex++), country: 'I' }];
    const key = new Uint8Array(5).map(() => Math.floor(random() * 256));
    const permit = permitRecordSchema.parse({
      id: `demo-permit-${comune}-${made + 1}`,
      number: number.value,
      comune,
      kind,
      holderId: resident ? r.id : null,
      holderName: resident ? `${r.surname} ${r.given_names}` : `${r.surname} impianti srl`,
      householdId: resident ? r.family_id : null,
      plates,
      zone: kind === 'ztl_residenti' ? zones.ztl : kind === 'sosta_residenti' ? zones.sosta : null,
      validFrom: validity.validFrom,
      validTo: validity.validTo,
      validFromAt: validity.validFromAt,
      validToAt: validity.validToAt,
      feeCents: fee.feeCents,
      paymentRef:
        fee.feeCents > 0 ? `RIC-${comune}-${SERIES}-${year}-${String(made + 1).padStart(6, '0')}` : null,
      status: 'active',
      revokedReason: null,
      revokedAt: null,
      renewsId: null,
      verificationKey: permitKeyFrom(key),
      issuedAt: `${issuedOn}T09:00`,
      issuedBy: 'demo',
      aslRef: kind === 'cude_permanente' ? `ASL AL ${issuedOn.slice(0, 4)}/${made + 1}` : null,
    });
    batch.push(permit);
    made += 1;
    if (batch.length >= CHUNK) await flush();
  }
  await flush();
  return made;
}
