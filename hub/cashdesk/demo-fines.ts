import type { Kysely } from 'kysely';
import { addDays } from '../../shared/calendar/iso-date';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { cashdeskSettingOn } from '../../shared/cashdesk/comune-settings';
import { VIOLATION_TARIFFS } from '../../shared/fines/tariffs';
import { generateNoticeNumber } from '../../shared/pagopa/notice-number';
import type { HubDatabase } from '../db/database';
import { importDebtPositions, importVerbali, type ImportReport } from './import-service';
import { seededRandom as rng } from '../../shared/random/seeded-random';

const VERBALI_HEADER =
  'numero_verbale;serie;targa;data_violazione;ora;articolo;comma;data_notifica;modalita_notifica;spese_notifica;punti;conducente_identificato';

/** Violations with a single tariff row, so each demo verbale has an amount the counter can compute. */
const DEMO_VIOLATIONS = [
  ['7', '15'],
  ['7', '14'],
  ['146', '3'],
  ['142', '7'],
  ['173', '3-bis'],
  ['142', '9'],
] as const;

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';

export function demoPlate(i: number, random: () => number = rng(i)): string {
  const l = () => LETTERS.charAt(Math.floor(random() * LETTERS.length));
  return `${l()}${l()}${String(100 + (i % 900)).padStart(3, '0')}${l()}${l()}`;
}

/**
 * The demo's verbali CSV, as the local police would export it: dates around `today` so every
 * window of the amount due shows (reduced, minimum, half of the maximum), notified by hand, by
 * post and by CAD, some not yet notified. The first rows are fixed, for the README and tests.
 */
export function demoVerbaliCsv(today: string, count: number, seed = 5): string {
  const random = rng(seed);
  const lines = [
    VERBALI_HEADER,
    // "1001/A AB123CD": notified by hand yesterday: the 30% reduction applies
    `1001;A;AB123CD;${addDays(today, -2)};10:15;7;15;${addDays(today, -1)};mani;0,00;0;si`,
    // "1002/A AB123CD": notified by post 20 days ago: the minimum
    `1002;A;AB123CD;${addDays(today, -30)};18:40;146;3;${addDays(today, -20)};posta;14,50;6;no`,
    // "1003/A CD456EF": 90 days ago: half of the maximum
    `1003;A;CD456EF;${addDays(today, -100)};08:05;142;7;${addDays(today, -90)};posta;14,50;0;si`,
  ];
  for (let i = 0; i < count; i++) {
    const [article, comma] =
      DEMO_VIOLATIONS[Math.floor(random() * DEMO_VIOLATIONS.length)] ?? DEMO_VIOLATIONS[0];
    const tariff = VIOLATION_TARIFFS.find((t) => t.article === article && t.comma === comma);
    const violation = addDays(today, -Math.floor(random() * 150) - 1);
    const lag = Math.floor(random() * 40);
    const notified = addDays(violation, lag);
    const modeRoll = random();
    const mode =
      modeRoll < 0.35 ? 'mani' : modeRoll < 0.8 ? 'posta' : modeRoll < 0.92 ? 'cad' : 'compiuta_giacenza';
    const notifiedOn = notified <= today && random() > 0.05 ? notified : '';
    const costs = mode === 'mani' ? '0,00' : '14,50';
    const hour = String(7 + Math.floor(random() * 14)).padStart(2, '0');
    lines.push(
      [
        String(2000 + i),
        'B',
        demoPlate(i, random),
        violation,
        `${hour}:${String(Math.floor(random() * 60)).padStart(2, '0')}`,
        article,
        comma,
        notifiedOn,
        notifiedOn ? mode : '',
        notifiedOn ? costs : '0,00',
        String(tariff?.licencePoints ?? 0),
        random() > 0.3 ? 'si' : 'no',
      ].join(';'),
    );
  }
  return lines.join('\n') + '\n';
}

/** TARI and canteen notices for some demo residents (codici fiscali taken from the registry). */
export function demoPositionsCsv(today: string, debtors: readonly string[], segregationCode: string): string {
  const lines = ['codice_avviso;codice_fiscale_debitore;causale;tipo;importo;scadenza;rata'];
  let base = 5_000_000_000_000n;
  debtors.forEach((cf, i) => {
    for (const rata of [1, 2]) {
      base += 1n;
      const notice = generateNoticeNumber({ auxDigit: 3, segregationCode, base });
      if (!notice.ok) continue;
      const due = rata === 1 ? addDays(today, i % 3 === 0 ? -10 : 20) : addDays(today, 110);
      const amount = (180 + (i % 7) * 23.5).toFixed(2).replace('.', ',');
      lines.push(
        `${notice.value.noticeNumber};${cf};TARI 2026 – utenza domestica;TARI;${amount};${due};${rata}`,
      );
    }
    if (i % 4 === 0) {
      base += 1n;
      const notice = generateNoticeNumber({ auxDigit: 3, segregationCode, base });
      if (notice.ok)
        lines.push(
          `${notice.value.noticeNumber};${cf};Mensa scolastica novembre;MENSA;64,00;${addDays(today, 15)};`,
        );
    }
  });
  return lines.join('\n') + '\n';
}

/** Demo fines and notices for a comune, through the same CSV import IT would use. */
export async function seedDemoFines(
  db: Kysely<HubDatabase>,
  comune: string,
  now: Date,
  count = 3000,
): Promise<{ verbali: ImportReport; positions: ImportReport }> {
  const today = romeDateOf(now);
  const verbali = await importVerbali(db, comune, demoVerbaliCsv(today, count), now);
  const setting = cashdeskSettingOn(comune, today);
  const debtors = await db
    .selectFrom('residents')
    .select('codice_fiscale')
    .where('comune', '=', comune)
    .where('status', '=', 'resident')
    .where('relationship', '=', 'intestatario')
    .orderBy('id')
    .limit(300)
    .execute();
  const positions = setting
    ? await importDebtPositions(
        db,
        comune,
        demoPositionsCsv(
          today,
          debtors.map((d) => d.codice_fiscale),
          setting.segregationCode,
        ),
        now,
      )
    : { imported: 0, rejected: [], fileProblems: [] };
  return { verbali, positions };
}
