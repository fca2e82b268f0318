import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date';
import { cashdeskSettingOn } from '../../shared/cashdesk/comune-settings';
import { AppError } from '../../shared/errors/app-error';
import { amountDue } from '../../shared/fines/amount-due';
import { fineAtCounter } from '../../shared/fines/payability';
import type { VerbaleNotification } from '../../shared/fines/verbali-csv';
import { cents } from '../../shared/money/cents';
import { AVVISO_LIMITS, type AvvisoModel, type AvvisoPart } from '../../shared/pagopa/avviso/avviso-model';
import { parseNoticeNumber } from '../../shared/pagopa/notice-number';
import type { HubDatabase } from '../db/database';
import type { DebtPositionsTable } from '../db/tables/cashdesk.table';
import { avvisoEnteSettings } from './avviso-settings';

/**
 * The avviso of a debt position, built from what the hub holds and never from what a desk says:
 * the amounts, due dates and notice numbers of its rows, the debtor's name and address from the
 * registry, the creditor from the comune's pagoPA setting (shared/cashdesk/comune-settings.ts:
 * enteFiscalCode) and its print settings (avviso-settings.ts). Used by the notice routes, and by
 * any service that issues notices (the canone unico) to print what it issued.
 *
 * A position imported as instalments (TARI rata 1, rata 2: one row and one notice number each,
 * same debtor, same causale) prints as one avviso with one tear-off part per instalment still
 * open (DOMAIN.md §6.4: one notice number per instalment); a lone open instalment prints as a
 * rata unica.
 */

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;
type PositionRow = Selectable<DebtPositionsTable>;

/** the office that manages each kind of position, as the notice names it */
const SETTORE: Record<PositionRow['kind'] | 'FINE', string> = {
  FINE: 'Polizia Locale',
  TARI: 'Servizio Tributi',
  IMU: 'Servizio Tributi',
  MENSA: 'Servizi Scolastici',
  ALTRO: 'Servizi Finanziari',
  CANONE: 'Ufficio occupazione suolo pubblico',
};

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const partOf = (row: PositionRow): AvvisoPart => ({
  noticeNumber: row.notice_number,
  amountCents: Number(row.amount_cents),
  dueDate: row.due_date,
});

/** The other open instalments of the same position (same debtor, kind and causale), in order. */
async function openInstalments(db: Db, row: PositionRow): Promise<PositionRow[]> {
  return db
    .selectFrom('debt_positions')
    .selectAll()
    .where('comune', '=', row.comune)
    .where('debtor_cf', '=', row.debtor_cf)
    .where('kind', '=', row.kind)
    .where('description', '=', row.description)
    .where('instalment', 'is not', null)
    .where('status', '=', 'open')
    .orderBy('instalment')
    .orderBy('due_date')
    .execute();
}

/** The recipient block: the registry's name and family address, else the code alone. */
async function recipientOf(db: Db, comune: string, cf: string): Promise<AvvisoModel['recipient']> {
  const person = await db
    .selectFrom('residents as r')
    .innerJoin('families as f', 'f.id', 'r.family_id')
    .innerJoin('comuni as c', 'c.belfiore', 'r.comune')
    .select([
      'r.surname',
      'r.given_names',
      'f.street_type',
      'f.street_name',
      'f.house_number',
      'f.interior',
      'f.cap',
      'c.name as comune_name',
      'c.province',
    ])
    .where('r.comune', '=', comune)
    .where('r.codice_fiscale', '=', cf)
    .orderBy('r.id')
    .executeTakeFirst();
  if (!person) {
    // a debtor outside the registry (a company, a non-resident owner): the code is all the hub knows
    return { fiscalCode: cf, name: `Codice fiscale ${cf}`, address: '' };
  }
  // the register's interior says what it is ("int. 16", "scala B int. 3", "piano 2")
  const interior = person.interior.trim() === '' ? '' : ` ${person.interior.trim()}`;
  const street = `${person.street_type} ${person.street_name} ${person.house_number}${interior}`;
  return {
    fiscalCode: cf,
    name: clip(`${person.given_names} ${person.surname}`, AVVISO_LIMITS.recipientName),
    address: clip(
      `${street}, ${person.cap} ${person.comune_name} (${person.province})`,
      AVVISO_LIMITS.recipientAddress,
    ),
  };
}

/** The creditor block and postal settings; refuses a comune whose pagoPA codes are not set. */
async function enteOf(
  db: Db,
  comune: string,
  kind: PositionRow['kind'] | 'FINE',
  on: IsoDate,
): Promise<Pick<AvvisoModel, 'ente' | 'postal'>> {
  const setting = cashdeskSettingOn(comune, on);
  const place = await db
    .selectFrom('comuni')
    .select('name')
    .where('belfiore', '=', comune)
    .executeTakeFirst();
  if (!setting || !place) throw new AppError('avviso_ente_not_configured');
  const print = avvisoEnteSettings(comune);
  return {
    ente: {
      fiscalCode: setting.enteFiscalCode,
      name: clip(`Comune di ${place.name}`, AVVISO_LIMITS.enteName),
      settore: print.settore?.[kind] ?? SETTORE[kind],
      cbill: print.cbill,
      info: [...print.info],
    },
    postal: print.postal,
  };
}

/** Recipients and creditors already read, for a bulk run where one debtor has many positions. */
export interface ModelCache {
  recipients: Map<string, AvvisoModel['recipient']>;
  entes: Map<string, Pick<AvvisoModel, 'ente' | 'postal'>>;
}
export const modelCache = (): ModelCache => ({ recipients: new Map(), entes: new Map() });

/** The avviso for an already-read position row (the bulk print reads many at once). */
export async function avvisoModelOfRow(
  db: Db,
  row: PositionRow,
  on: IsoDate,
  cache: ModelCache = modelCache(),
): Promise<AvvisoModel> {
  if (row.status !== 'open') {
    throw new AppError('avviso_notice_already_paid', { noticeNumber: row.notice_number });
  }
  const siblings = row.instalment === null ? [] : await openInstalments(db, row);
  const enteKey = `${row.comune}\u0000${row.kind}`;
  const { ente, postal } = cache.entes.get(enteKey) ?? (await enteOf(db, row.comune, row.kind, on));
  cache.entes.set(enteKey, { ente, postal });
  const recipient = cache.recipients.get(row.debtor_cf) ?? (await recipientOf(db, row.comune, row.debtor_cf));
  cache.recipients.set(row.debtor_cf, recipient);
  return {
    ente,
    recipient,
    subject: clip(row.description, AVVISO_LIMITS.subject),
    single: siblings.length >= 2 ? null : partOf(row),
    instalments: siblings.length >= 2 ? siblings.slice(0, AVVISO_LIMITS.instalments).map(partOf) : [],
    postal,
  };
}

/**
 * The avviso of a fine (a verbale carries its own notice number): the amount due on `on` by the
 * same shared rules the counter and the payment check use (5-day reduction, 60-day windows,
 * notification costs), payable until the end of the current window, after which the amount
 * changes (the notice says so). The hub does not hold the owner's codice fiscale: the notice is
 * addressed to the owner of the plate.
 */
async function verbaleModel(
  db: Db,
  comune: string,
  number: string,
  on: IsoDate,
): Promise<AvvisoModel | null> {
  const v = await db
    .selectFrom('verbali')
    .selectAll()
    .where('comune', '=', comune)
    .where('notice_number', '=', number)
    .executeTakeFirst();
  if (!v) return null;
  if (v.status !== 'open') throw new AppError('avviso_notice_already_paid', { noticeNumber: number });
  const fine = fineAtCounter({
    violationId: v.violation_id,
    violationDate: v.violation_date,
    notification: v.notification ? (JSON.parse(v.notification) as VerbaleNotification) : null,
    notificationCostsCents: cents(Number(v.notification_costs_cents)),
    driverIdentified: Number(v.driver_identified) === 1,
  });
  if (!fine.ok) throw new AppError('avviso_fine_not_payable', { reason: fine.message.it });
  const due = amountDue(fine.value, on, { calendar: { comune } });
  if (!due.ok) throw new AppError('avviso_fine_not_payable', { reason: due.error.message.it });
  const { ente, postal } = await enteOf(db, comune, 'FINE', on);
  const comma = v.comma ? ` c. ${v.comma}` : '';
  return {
    ente,
    recipient: { fiscalCode: null, name: `Intestatario del veicolo targa ${v.plate}`, address: '' },
    subject: clip(
      `Verbale n. ${v.number}/${v.series} - art. ${v.article}${comma} CdS`,
      AVVISO_LIMITS.subject,
    ),
    single: { noticeNumber: number, amountCents: due.value.totalCents, dueDate: due.value.deadline ?? on },
    instalments: [],
    postal,
  };
}

/**
 * The avviso of the debt with this notice number in `comune` (a debt position, else a verbale),
 * as of `on` (the day whose comune setting and fine amounts apply). Refuses a malformed number
 * (400), an unknown one (404), a paid one (409) and a fine not yet payable (400) with typed errors.
 */
export async function avvisoModelFor(
  db: Db,
  comune: string,
  noticeNumber: string,
  on: IsoDate,
): Promise<AvvisoModel> {
  const parsed = parseNoticeNumber(noticeNumber);
  if (!parsed.ok) throw new AppError('avviso_notice_invalid', { detail: parsed.error.message.it });
  const number = parsed.value.noticeNumber;
  const row = await db
    .selectFrom('debt_positions')
    .selectAll()
    .where('comune', '=', comune)
    .where('notice_number', '=', number)
    .executeTakeFirst();
  if (row) return avvisoModelOfRow(db, row, on);
  const fine = await verbaleModel(db, comune, number, on);
  if (fine) return fine;
  throw new AppError('avviso_notice_not_found', { noticeNumber: number });
}

/** The key that makes the instalments of one position print once in a bulk run. */
export const positionKey = (row: PositionRow): string =>
  row.instalment === null
    ? `n:${row.notice_number}`
    : `i:${row.debtor_cf}\u0000${row.kind}\u0000${row.description}`;
