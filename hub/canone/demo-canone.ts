import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { categoryOn } from '../../shared/canone/categories';
import {
  canoneApplicationRecordSchema,
  concessionKeyFrom,
  concessionNumberOf,
  type CanoneApplicant,
  type CanoneApplicationRecord,
  type CanoneRegime,
} from '../../shared/canone/canone-wire';
import { canoneFee } from '../../shared/canone/fee';
import { noticeInstalments } from '../../shared/canone/instalments';
import { canoneSettingOn } from '../../shared/canone/tariffs';
import { zoneOfStreet } from '../../shared/canone/zones';
import { addDays, isoDate, yearOf, type IsoDate } from '../../shared/calendar/iso-date';
import { partitaIvaCheckDigit } from '../../shared/codice-fiscale/partita-iva';
import type { HubDatabase } from '../db/database';
import type { ChangeLogTable } from '../db/tables/sync.table';
import { appendChanges, debtorCodeOf, issueNoticeBatch, type NoticeBatchItem } from './canone-notices';
import { applicationRowOf, streetOf } from './canone-repository';
import type { CanoneApplicationsTable } from './canone-tables';
import { seededRandom as rng } from '../../shared/random/seeded-random';

/**
 * Demo concessions of a comune on its real streets (the streets its demo households live in:
 * Casale's real street list), for `npm start` and the yearly run's benchmark: dehors, driveways,
 * kiosks, scaffolding, removals, shop signs and boards, permanent and temporary, some temporary
 * ones in force today. Written straight into the hub's tables and change log (no counter filed
 * them, no case behind them: `caseId` names a demo case), each already approved with its
 * concession number; the fee is the shared rules' own. Deterministic for a seed.
 */

export interface DemoConcessionOptions {
  count: number;
  today: IsoDate;
  seed?: number;
  /** permanent concessions and signs only, with no notices yet (the yearly run's benchmark) */
  permanentOnly?: boolean;
  /** issue the temporary occupations' notices and this year's for the permanent ones (default true) */
  notices?: boolean;
}

interface Kind {
  category: string;
  regime: CanoneRegime;
  /** measure range in m² or linear metres */
  min: number;
  max: number;
  /** temporary: days */
  days?: [number, number];
  ownSign?: boolean;
  purpose: string;
}

const KINDS: readonly Kind[] = [
  {
    category: 'dehors',
    regime: 'permanent',
    min: 8,
    max: 30,
    purpose: 'Dehors del bar con tavolini e ombrelloni',
  },
  { category: 'dehors', regime: 'temporary', min: 6, max: 20, days: [30, 180], purpose: 'Dehors stagionale' },
  {
    category: 'passo_carrabile',
    regime: 'permanent',
    min: 3,
    max: 6,
    purpose: 'Passo carrabile del cortile',
  },
  {
    category: 'passo_carrabile',
    regime: 'permanent',
    min: 3,
    max: 5,
    purpose: 'Passo carrabile dell’autorimessa',
  },
  { category: 'chiosco', regime: 'permanent', min: 4, max: 12, purpose: 'Chiosco di giornali e fiori' },
  { category: 'tenda', regime: 'permanent', min: 2, max: 8, purpose: 'Tenda solare sulla vetrina' },
  {
    category: 'insegna',
    regime: 'permanent',
    min: 1,
    max: 9,
    ownSign: true,
    purpose: 'Insegna di esercizio del negozio',
  },
  { category: 'cartello', regime: 'permanent', min: 2, max: 6, purpose: 'Cartello pubblicitario' },
  {
    category: 'ponteggi',
    regime: 'temporary',
    min: 10,
    max: 40,
    days: [15, 120],
    purpose: 'Ponteggio per rifacimento facciata',
  },
  {
    category: 'traslochi',
    regime: 'temporary',
    min: 10,
    max: 25,
    days: [1, 2],
    purpose: 'Trasloco con autoscala',
  },
  {
    category: 'manifestazione',
    regime: 'temporary',
    min: 20,
    max: 60,
    days: [1, 3],
    purpose: 'Banchetto di associazione',
  },
];

const FIRMS = [
  'Bar',
  'Caffè',
  'Pasticceria',
  'Edicola',
  'Fiori',
  'Ristorante',
  'Ferramenta',
  'Edilizia',
  'Traslochi',
  'Ottica',
];
const NAMES = [
  'Monferrato',
  'del Duomo',
  'Centrale',
  'Sant’Evasio',
  'del Po',
  'Paleologi',
  'Lanza',
  'Italia',
  'Roma',
  'San Giorgio',
];
const FORMS = ['S.n.c.', 'S.r.l.', 'S.a.s.', 'di Rossi Mario'];

/** A valid partita IVA: 7 digits of the company, the office code of Alessandria (006), the check. */
export function demoPartitaIva(i: number): string {
  const first = `${String(1_000_000 + (i % 8_999_999)).padStart(7, '0')}006`;
  return first + partitaIvaCheckDigit(first);
}

const CHUNK = 1000;

/** Creates up to `count` approved concessions; returns how many. */
export async function createDemoConcessions(
  db: Kysely<HubDatabase>,
  comune: string,
  opts: DemoConcessionOptions,
): Promise<number> {
  const random = rng(opts.seed ?? 47);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const streets = await db
    .selectFrom('families')
    .select(['street_type', 'street_name', 'frazione'])
    .distinct()
    .where('comune', '=', comune)
    .orderBy('street_type')
    .orderBy('street_name')
    .orderBy('frazione')
    .execute();
  if (streets.length === 0) return 0;
  const kinds = opts.permanentOnly ? KINDS.filter((k) => k.regime === 'permanent') : KINDS;
  const thisYear = yearOf(opts.today);
  const at = new Date().toISOString();
  const counters = new Map<number, number>();
  const withNotices = opts.notices ?? !opts.permanentOnly;
  let made = 0;
  let batch: { record: CanoneApplicationRecord; advertising: boolean }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      const rows: Insertable<CanoneApplicationsTable>[] = chunk.map((c) =>
        applicationRowOf(c.record, 'demo', at, c.advertising),
      );
      for (let i = 0; i < rows.length; i += 400) {
        await trx
          .insertInto('canone_applications')
          .values(rows.slice(i, i + 400))
          .execute();
      }
      const items: NoticeBatchItem[] = [];
      if (withNotices) {
        for (const { record } of chunk) {
          const setting = canoneSettingOn(comune, record.start);
          if (!setting || !record.concession || record.fee.totalCents === 0) continue;
          const decidedOn = record.concession.decidedOn;
          // temporaries: their notice; permanents: this year's (approval, or the yearly run)
          const instalments =
            record.regime === 'temporary'
              ? noticeInstalments(record.fee.totalCents, 'temporary', decidedOn, setting, decidedOn)
              : yearOf(record.start) === thisYear
                ? noticeInstalments(record.fee.totalCents, 'permanent', record.start, setting, decidedOn)
                : [];
          if (instalments.length === 0) continue;
          items.push({
            applicationId: record.id,
            concessionNumber: record.concession.number,
            debtor: debtorCodeOf(record.applicant),
            year: record.fee.year ?? yearOf(record.start),
            instalments,
          });
        }
      }
      const notices = await issueNoticeBatch(trx, comune, items, at);
      const changes: Insertable<ChangeLogTable>[] = chunk.map(({ record }) => ({
        comune,
        entity: 'canone_application',
        entity_id: record.id,
        op: 'upsert',
        payload: JSON.stringify({ ...record, notices: notices.get(record.id) ?? [] }),
        at,
        mutation_id: null,
      }));
      await appendChanges(trx, changes);
    });
  };

  for (let i = 0; made < opts.count && i < opts.count * 2; i++) {
    const kind = pick(kinds);
    const s = pick(streets);
    const site = {
      streetType: s.street_type,
      streetName: s.street_name,
      civic: String(1 + Math.floor(random() * 120)),
    };
    const zone = zoneOfStreet(comune, streetOf(site), s.frazione, opts.today);
    const category = categoryOn(comune, kind.category, opts.today);
    if (!zone || !category) continue;
    const measure = Math.round((kind.min + random() * (kind.max - kind.min)) * 2) / 2;
    let start: IsoDate;
    let end: IsoDate | null = null;
    if (kind.regime === 'permanent') {
      // in force since 2021-2025, or since this year; a few with an end already set
      start = isoDate(thisYear - Math.floor(random() * 6), 1 + Math.floor(random() * 12), 1);
      if (start > opts.today) start = isoDate(thisYear, 1, 1);
    } else {
      // a third in force today, the rest over the last months or ahead
      const [dMin, dMax] = kind.days ?? [1, 30];
      const days = dMin + Math.floor(random() * (dMax - dMin + 1));
      const offset = random() < 0.34 ? -Math.floor(random() * days) : Math.floor(random() * 240) - 180;
      start = addDays(opts.today, offset);
      end = addDays(start, days - 1);
    }
    const fee = canoneFee({
      comune,
      category: kind.category,
      regime: kind.regime,
      zone: zone.zone,
      measure,
      start,
      end,
      ownSign: kind.ownSign ?? false,
    });
    if (!fee.ok) continue;
    const firm = random() < 0.8;
    const applicant: CanoneApplicant = firm
      ? {
          kind: 'company',
          partitaIva: demoPartitaIva(i + 1),
          name: `${pick(FIRMS)} ${pick(NAMES)} ${pick(FORMS)}`,
          codiceFiscale: null,
          seat: `${streetOf(site)} ${site.civic}, Casale Monferrato (AL)`,
          pec: `demo${i + 1}@pec.example.it`,
        }
      : { kind: 'person', residentId: null, codiceFiscale: 'RSSMRA80A01B885L', name: 'Rossi Mario' };
    const decidedOn = start > opts.today ? opts.today : start;
    const year = yearOf(decidedOn);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const id = uuidv7();
    const key = concessionKeyFrom(
      Uint8Array.from([i & 255, (i >> 8) & 255, (i >> 16) & 255, made & 255, 47]),
    );
    const record = canoneApplicationRecordSchema.parse({
      id,
      comune,
      caseId: `demo-${id}`,
      procedureCode: category.advertising ? 'esposizione_pubblicitaria' : 'occupazione_suolo_pubblico',
      protocol: null,
      applicant,
      site,
      zone: zone.zone,
      purpose: kind.purpose,
      category: kind.category,
      regime: kind.regime,
      measure,
      start,
      end,
      hours: null,
      ownSign: kind.ownSign ?? false,
      trafficAffected: kind.category === 'ponteggi' || kind.category === 'traslochi',
      quotedFeeCents: fee.value.totalCents,
      fee: fee.value,
      status: 'approved',
      statusReason: null,
      concession: {
        // demo numbers from 900001: the office's own sequence (from 1) never meets them
        number: concessionNumberOf(comune, year, 900_000 + n),
        verificationKey: key,
        validFrom: start,
        validTo: end,
        decidedOn,
        decidedBy: 'demo',
      },
      notices: [],
      policeRequested: false,
      submittedAt: `${decidedOn}T09:00`,
      submittedBy: 'demo',
      revokedAt: null,
    } satisfies CanoneApplicationRecord);
    batch.push({ record, advertising: category.advertising });
    made += 1;
    if (batch.length >= CHUNK) await flush();
  }
  await flush();
  return made;
}
