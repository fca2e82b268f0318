import { addDays, compareIsoDates, daysBetween, type IsoDate } from '../calendar/iso-date';
import { termEnd } from '../calendar/working-days';
import type { StreetList } from '../cases/change-of-residence';
import { canonicalStreet } from '../cases/residence-case';
import { formatDate } from '../i18n/registry-labels';
import { checkPartitaIva, normalizePartitaIva } from '../codice-fiscale/partita-iva';
import { refuse, type ShopResult } from './shop-errors';
import { suspensionRuleOn } from './shop-data';
import { filingKindOf, isScia, sellsFood, type FilingKind, type ShopEventType } from './shop-events';
import type { SciaOutcome, ShopFiling, ShopRecord, ShopStatus } from './shop-wire';
import { checkVicinatoClass, toCentiM2 } from './size-class';

/**
 * The register of shops of a comune as a pure state machine: a filing (DOMAIN.md §11.3) applied
 * to the shop as the register has it gives the shop after it, or the reason it is refused. The
 * counter runs it on its mirror for the live answer; the hub runs it again on its own register
 * (the counter's copy is never trusted).
 */

/** L. 241/1990 art. 19 c.3: the SUAP checks a SCIA within 60 days of filing. */
export const SCIA_CHECK_DAYS = 60;
/** art. 19 c.3: an invitation to conform gives at least 30 days. */
export const MIN_CONFORM_DAYS = 30;
/** A SCIA may name a start up to a year ahead (our bound, [U]): the activity starts that day. */
export const MAX_DAYS_AHEAD = 365;
/**
 * A comunicazione (cessazione, sospensione) may report an event already happened, up to this
 * many days back [U: the regional term to communicate a cessation is not in the sources].
 */
export const MAX_DAYS_BACK = 30;
/** Sales area beyond this is a typing error, not a shop (a grande struttura starts at 2,500 m²). */
export const ABSURD_AREA_M2 = 100_000;

export interface FilingContext {
  comune: string;
  /** the day of filing (the counter's, Europe/Rome) */
  today: IsoDate;
  streets: StreetList;
  filingId: string;
  caseId: string;
  shopId: string;
}

type Words = { it: string; en: string };

const STATUS_WORDS: Record<ShopStatus, Words> = {
  active: { it: 'attivo', en: 'open' },
  suspended: { it: 'sospeso', en: 'suspended' },
  closed: { it: 'cessato', en: 'closed' },
  prohibited: { it: 'inibito (divieto di prosecuzione)', en: 'prohibited (order to stop)' },
};

const EVENT_WORDS: Record<ShopEventType, Words> = {
  apertura: { it: 'apertura', en: 'opening' },
  trasferimento: { it: 'trasferimento di sede', en: 'transfer of premises' },
  ampliamento: { it: 'ampliamento', en: 'expansion' },
  variazione_settore: { it: 'variazione del settore merceologico', en: 'change of goods sector' },
  subingresso: { it: 'subingresso', en: 'takeover' },
  sospensione: { it: 'sospensione', en: 'suspension' },
  ripresa: { it: 'ripresa dell’attività', en: 'resumption' },
  cessazione: { it: 'cessazione', en: 'cessation' },
};

/** A refusal's words in both languages: `{detail_it}` and `{detail_en}` in the messages. */
const words = (it: string, en: string, key = 'detail'): Record<string, string> => ({
  [`${key}_it`]: it,
  [`${key}_en`]: en,
});

/** The 60-day check term of a SCIA filed on `filedOn`, on the comune's calendar (case engine's rule). */
export const sciaDueDate = (filedOn: IsoDate, comune: string): IsoDate =>
  termEnd(filedOn, SCIA_CHECK_DAYS, { comune });

const hasTwoDecimalsAtMost = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

function checkAreas(filing: ShopFiling): ShopResult<null> {
  const { salesAreaM2: sales, totalAreaM2: total } = filing.premises;
  for (const [field, value] of [
    [words('superficie di vendita', 'sales area', 'field'), sales],
    [words('superficie totale', 'total area', 'field'), total],
  ] as const) {
    if (!(value > 0))
      return refuse('shop_area_invalid', {
        ...field,
        value,
        ...words('deve essere maggiore di zero', 'must be above zero'),
      });
    if (value > ABSURD_AREA_M2)
      return refuse('shop_area_invalid', {
        ...field,
        value,
        ...words(`oltre ${ABSURD_AREA_M2} m²`, `above ${ABSURD_AREA_M2} m²`),
      });
    if (!hasTwoDecimalsAtMost(value))
      return refuse('shop_area_invalid', {
        ...field,
        value,
        ...words('al massimo due decimali', 'two decimals at most'),
      });
  }
  if (toCentiM2(total) < toCentiM2(sales)) {
    return refuse('shop_area_invalid', {
      ...words('superficie totale', 'total area', 'field'),
      value: total,
      ...words(`minore della superficie di vendita (${sales} m²)`, `below the sales area (${sales} m²)`),
    });
  }
  return { ok: true, value: null };
}

function checkDate(filing: ShopFiling, kind: FilingKind, ctx: FilingContext, shop: ShopRecord | null) {
  const date = filing.effectiveDate;
  const shown = formatDate(date);
  if (compareIsoDates(date, addDays(ctx.today, MAX_DAYS_AHEAD)) > 0) {
    return refuse<null>('shop_date_invalid', {
      date: shown,
      ...words(`oltre ${MAX_DAYS_AHEAD} giorni da oggi`, `more than ${MAX_DAYS_AHEAD} days ahead`),
    });
  }
  // a SCIA takes effect on filing (art. 19 c.2): the activity cannot have started before it
  if (isScia(kind) && compareIsoDates(date, ctx.today) < 0) {
    return refuse<null>('shop_date_invalid', {
      date: shown,
      ...words(
        'una SCIA non può avere effetto prima del deposito',
        'a SCIA cannot take effect before it is filed',
      ),
    });
  }
  if (compareIsoDates(date, addDays(ctx.today, -MAX_DAYS_BACK)) < 0) {
    return refuse<null>('shop_date_invalid', {
      date: shown,
      ...words(`più di ${MAX_DAYS_BACK} giorni fa`, `more than ${MAX_DAYS_BACK} days ago`),
    });
  }
  if (shop && compareIsoDates(date, shop.openedOn) < 0) {
    return refuse<null>('shop_date_invalid', {
      date: shown,
      ...words(
        `prima dell’apertura dell’esercizio (${formatDate(shop.openedOn)})`,
        `before the shop opened (${formatDate(shop.openedOn)})`,
      ),
    });
  }
  if (filing.event === 'sospensione') {
    const until = filing.suspendedUntil;
    if (!until)
      return refuse<null>(
        'shop_field_missing',
        words('fine della sospensione', 'end of the suspension', 'field'),
      );
    const max = suspensionRuleOn(ctx.comune, date).maxSuspensionDays;
    if (compareIsoDates(until, date) <= 0 || daysBetween(date, until) > max) {
      return refuse<null>('shop_date_invalid', {
        date: formatDate(until),
        ...words(
          `la sospensione finisce dopo l’inizio ed entro ${max} giorni`,
          `a suspension ends after its start and within ${max} days`,
        ),
      });
    }
  }
  return { ok: true as const, value: null };
}

/** Events that start or continue selling: the declarant states the requirements again. */
const NEEDS_REQUIREMENTS: readonly ShopEventType[] = [
  'apertura',
  'trasferimento',
  'ampliamento',
  'variazione_settore',
  'subingresso',
  'ripresa',
];
/** Events that describe the premises: checked against the street list and the size class. */
const DESCRIBES_PREMISES: readonly ShopEventType[] = [
  'apertura',
  'trasferimento',
  'ampliamento',
  'variazione_settore',
  'subingresso',
];

function checkRequirements(filing: ShopFiling): ShopResult<null> {
  if (!NEEDS_REQUIREMENTS.includes(filing.event)) return { ok: true, value: null };
  const r = filing.requirements;
  if (!r.moral)
    return refuse('shop_requirement_missing', {
      ...words(
        'requisiti morali (art. 71 c.1-5 D.Lgs. 59/2010)',
        'moral requirements (art. 71 c.1-5 D.Lgs. 59/2010)',
        'requirement',
      ),
    });
  if (!r.antimafia)
    return refuse('shop_requirement_missing', {
      ...words(
        'autocertificazione antimafia (D.Lgs. 159/2011)',
        'anti-mafia self-declaration (D.Lgs. 159/2011)',
        'requirement',
      ),
    });
  if (sellsFood(filing.sector) && !r.professional) {
    return refuse('shop_requirement_missing', {
      ...words(
        'requisiti professionali per il settore alimentare (art. 71 c.6), del titolare o di un preposto',
        'professional requirements for food (art. 71 c.6), of the owner or a designated manager',
        'requirement',
      ),
    });
  }
  return { ok: true, value: null };
}

const isOpen = (s: ShopRecord): boolean => s.status === 'active';

/**
 * The shop after `filing`, or why not. `shop` is the register's record (null for an opening).
 * The kind of filing (SCIA, SCIA unica, comunicazione) follows from the event and sector.
 */
export function applyFiling(
  shop: ShopRecord | null,
  filing: ShopFiling,
  ctx: FilingContext,
): ShopResult<{ shop: ShopRecord; kind: FilingKind }> {
  const kind = filingKindOf(filing.event, filing.sector, ctx.comune, ctx.today);
  if (filing.event === 'apertura' && shop) return refuse('shop_already_registered', { name: shop.signName });
  if (filing.event !== 'apertura' && !shop) return refuse('shop_not_found');
  const date = checkDate(filing, kind, ctx, shop);
  if (!date.ok) return date;
  const piva = checkPartitaIva(filing.company.partitaIva);
  if (!piva.ok) {
    const expected = String(piva.error.params.expected ?? '');
    return refuse('shop_piva_invalid', {
      piva: filing.company.partitaIva,
      ...(piva.error.code === 'partita_iva_invalid'
        ? words(
            'servono 11 cifre, e le cifre 8–10 sono il codice di un ufficio provinciale',
            '11 digits are needed, digits 8–10 being a provincial office code',
          )
        : words(`l’ultima cifra dovrebbe essere ${expected}`, `the last digit should be ${expected}`)),
    });
  }
  const areas = checkAreas(filing);
  if (!areas.ok) return areas;
  let street = { streetType: filing.premises.streetType, streetName: filing.premises.streetName };
  if (DESCRIBES_PREMISES.includes(filing.event)) {
    const known = canonicalStreet(ctx.streets, street.streetType, street.streetName);
    if (!known) return refuse('shop_street_unknown', { street: `${street.streetType} ${street.streetName}` });
    street = { streetType: known.streetType, streetName: known.streetName };
    const cls = checkVicinatoClass(ctx.comune, filing.effectiveDate, filing.premises.salesAreaM2);
    if (!cls.ok) return refuse('shop_media_struttura', { area: cls.salesAreaM2, limit: cls.limitM2 });
  }
  const req = checkRequirements(filing);
  if (!req.ok) return req;

  const event = filing.event;
  const word = EVENT_WORDS[event];
  const notOpen = (s: ShopRecord) =>
    refuse<{ shop: ShopRecord; kind: FilingKind }>('shop_not_open', {
      name: s.signName,
      ...words(STATUS_WORDS[s.status].it, STATUS_WORDS[s.status].en, 'status'),
      ...words(word.it, word.en, 'event'),
    });
  const base: ShopRecord = shop ?? {
    id: ctx.shopId,
    comune: ctx.comune,
    signName: filing.signName,
    company: { ...filing.company, partitaIva: normalizePartitaIva(filing.company.partitaIva) },
    declarant: filing.declarant,
    ...street,
    houseNumber: filing.premises.houseNumber,
    salesAreaM2: filing.premises.salesAreaM2,
    totalAreaM2: filing.premises.totalAreaM2,
    sector: filing.sector,
    status: 'active',
    openedOn: filing.effectiveDate,
    closedOn: null,
    suspendedUntil: null,
    scia: null,
    history: [],
    notices: [],
  };
  let next: ShopRecord = base;
  let note: string = word.it;
  switch (event) {
    case 'apertura':
      note = `apertura, ${filing.premises.salesAreaM2} m² di vendita`;
      break;
    case 'cessazione':
      if (base.status !== 'active' && base.status !== 'suspended') return notOpen(base);
      next = { ...base, status: 'closed', closedOn: filing.effectiveDate, suspendedUntil: null };
      break;
    case 'sospensione':
      if (!isOpen(base)) return notOpen(base);
      next = { ...base, status: 'suspended', suspendedUntil: filing.suspendedUntil };
      note = `sospensione fino al ${formatDate(filing.suspendedUntil ?? filing.effectiveDate)}`;
      break;
    case 'ripresa':
      if (base.status !== 'suspended') return refuse('shop_not_suspended', { name: base.signName });
      next = { ...base, status: 'active', suspendedUntil: null };
      break;
    case 'trasferimento': {
      if (!isOpen(base)) return notOpen(base);
      const same =
        base.streetType === street.streetType &&
        base.streetName === street.streetName &&
        base.houseNumber === filing.premises.houseNumber.trim();
      if (same)
        return refuse('shop_no_change', {
          ...words('il nuovo indirizzo è quello attuale', 'the new address is the current one'),
        });
      next = {
        ...base,
        ...street,
        houseNumber: filing.premises.houseNumber.trim(),
        salesAreaM2: filing.premises.salesAreaM2,
        totalAreaM2: filing.premises.totalAreaM2,
      };
      note = `trasferimento da ${base.streetType} ${base.streetName} ${base.houseNumber} a ${street.streetType} ${street.streetName} ${filing.premises.houseNumber.trim()}`;
      break;
    }
    case 'ampliamento':
      if (!isOpen(base)) return notOpen(base);
      if (toCentiM2(filing.premises.salesAreaM2) <= toCentiM2(base.salesAreaM2)) {
        return refuse('shop_no_change', {
          ...words(
            `la superficie di vendita (${filing.premises.salesAreaM2} m²) non supera l’attuale (${base.salesAreaM2} m²)`,
            `the sales area (${filing.premises.salesAreaM2} m²) is not above the current one (${base.salesAreaM2} m²)`,
          ),
        });
      }
      next = { ...base, salesAreaM2: filing.premises.salesAreaM2, totalAreaM2: filing.premises.totalAreaM2 };
      note = `ampliamento da ${base.salesAreaM2} a ${filing.premises.salesAreaM2} m² di vendita`;
      break;
    case 'variazione_settore':
      if (!isOpen(base)) return notOpen(base);
      if (filing.sector === base.sector)
        return refuse('shop_no_change', {
          ...words('il settore è già questo', 'the sector is already this one'),
        });
      next = { ...base, sector: filing.sector };
      note = `settore da ${base.sector} a ${filing.sector}`.replace(/_/g, ' ');
      break;
    case 'subingresso': {
      if (base.status !== 'active' && base.status !== 'suspended') return notOpen(base);
      if (!filing.takeover)
        return refuse(
          'shop_field_missing',
          words('cedente e atto di cessione', 'previous owner and deed of transfer', 'field'),
        );
      const piva = normalizePartitaIva(filing.company.partitaIva);
      if (piva === base.company.partitaIva) {
        return refuse('shop_no_change', {
          ...words(
            'il subentrante ha la stessa partita IVA del titolare attuale',
            'the new holder has the current holder’s VAT number',
          ),
        });
      }
      next = {
        ...base,
        company: { ...filing.company, partitaIva: piva },
        declarant: filing.declarant,
        signName: filing.signName,
      };
      note = `subingresso: da ${base.company.name} a ${filing.company.name} (${filing.takeover.deed})`;
      break;
    }
  }
  const scia = isScia(kind)
    ? {
        caseId: ctx.caseId,
        filingId: ctx.filingId,
        event,
        filedOn: ctx.today,
        dueDate: sciaDueDate(ctx.today, ctx.comune),
        outcome: 'pending' as const,
        conformBy: null,
        decidedOn: null,
      }
    : next.scia;
  return {
    ok: true,
    value: {
      kind,
      shop: {
        ...next,
        scia,
        history: [
          ...base.history,
          {
            filingId: ctx.filingId,
            event,
            effectiveDate: filing.effectiveDate,
            caseId: ctx.caseId,
            note: note.slice(0, 400),
          },
        ],
      },
    },
  };
}

export interface OutcomeContext {
  today: IsoDate;
  comune: string;
  eventId: string;
}

/**
 * The SUAP's outcome of the check (art. 19 c.3): "conforme" ends it; "invito a conformare" gives
 * at least 30 days (the check stays open for the final word); "divieto di prosecuzione" stops the
 * activity in the register.
 */
export function applyOutcome(
  shop: ShopRecord,
  caseId: string,
  outcome: SciaOutcome,
  conformDays: number | null,
  ctx: OutcomeContext,
): ShopResult<ShopRecord> {
  const scia = shop.scia;
  if (!scia || scia.caseId !== caseId)
    return refuse('shop_outcome_invalid', {
      ...words('nessuna SCIA in verifica per questa pratica', 'no SCIA under check for this case'),
    });
  if (scia.outcome === 'conforme' || scia.outcome === 'divieto') {
    return refuse('shop_outcome_invalid', {
      ...words(
        `la verifica è già conclusa (${scia.outcome})`,
        `the check is already concluded (${scia.outcome})`,
      ),
    });
  }
  if (outcome === 'invito') {
    if (conformDays === null || conformDays < MIN_CONFORM_DAYS) {
      return refuse('shop_outcome_invalid', {
        ...words(
          `l’invito a conformare assegna almeno ${MIN_CONFORM_DAYS} giorni`,
          `an invitation to conform gives at least ${MIN_CONFORM_DAYS} days`,
        ),
      });
    }
    const conformBy = termEnd(ctx.today, conformDays, { comune: ctx.comune });
    return {
      ok: true,
      value: {
        ...shop,
        scia: { ...scia, outcome: 'invito', conformBy },
        history: [
          ...shop.history,
          {
            filingId: ctx.eventId,
            event: 'esito_scia',
            effectiveDate: ctx.today,
            caseId,
            note: `invito a conformare entro il ${formatDate(conformBy)}`,
          },
        ],
      },
    };
  }
  const prohibited = outcome === 'divieto';
  return {
    ok: true,
    value: {
      ...shop,
      status: prohibited ? 'prohibited' : shop.status,
      scia: { ...scia, outcome, decidedOn: ctx.today },
      history: [
        ...shop.history,
        {
          filingId: ctx.eventId,
          event: 'esito_scia',
          effectiveDate: ctx.today,
          caseId,
          note: prohibited ? 'divieto di prosecuzione dell’attività' : 'SCIA conforme',
        },
      ],
    },
  };
}
