/**
 * Why a filing or an outcome was refused, in words a clerk can read to the declarant. Codes are
 * stable API (shop-register.ts, filing-check.ts); `{param}` placeholders are filled by AppError.
 * Merged into ERROR_MESSAGES through the service declaration.
 */
export const SHOP_ERROR_MESSAGES = {
  shop_media_struttura: {
    it: 'Superficie di vendita di {area} m²: oltre {limit} m² non è un esercizio di vicinato ma una media struttura, che richiede un’autorizzazione comunale e non una SCIA.',
    en: 'Sales area of {area} m²: above {limit} m² it is not a neighbourhood shop but a medium-sized store, which needs the comune’s authorisation, not a SCIA.',
  },
  shop_area_invalid: {
    it: 'Superficie non valida ({field_it}: {value} m²): {detail_it}.',
    en: 'Invalid area ({field_en}: {value} m²): {detail_en}.',
  },
  shop_piva_invalid: {
    it: 'Partita IVA «{piva}» non valida: {detail_it}.',
    en: 'VAT number “{piva}” is not valid: {detail_en}.',
  },
  shop_street_unknown: {
    it: 'La via «{street}» non è nello stradario del comune.',
    en: 'Street “{street}” is not in the comune’s street list.',
  },
  shop_date_invalid: {
    it: 'Data non valida ({date}): {detail_it}.',
    en: 'Invalid date ({date}): {detail_en}.',
  },
  shop_not_found: {
    it: 'Esercizio non trovato nel registro del comune.',
    en: 'Shop not found in the comune’s register.',
  },
  shop_already_registered: {
    it: 'L’esercizio «{name}» è già nel registro: per cambiarlo si presenta l’evento corrispondente, non una nuova apertura.',
    en: 'Shop “{name}” is already in the register: file the matching event, not a new opening.',
  },
  shop_not_open: {
    it: 'L’esercizio «{name}» è {status_it}: non si può presentare «{event_it}».',
    en: 'Shop “{name}” is {status_en}: “{event_en}” cannot be filed.',
  },
  shop_not_suspended: {
    it: 'L’esercizio «{name}» non è sospeso: la ripresa si comunica solo dopo una sospensione.',
    en: 'Shop “{name}” is not suspended: a resumption follows a suspension only.',
  },
  shop_requirement_missing: {
    it: 'Requisito non dichiarato: {requirement_it}.',
    en: 'Requirement not declared: {requirement_en}.',
  },
  shop_field_missing: {
    it: 'Dato mancante: {field_it}.',
    en: 'Missing data: {field_en}.',
  },
  shop_no_change: {
    it: 'L’evento non cambia nulla: {detail_it}.',
    en: 'The filing changes nothing: {detail_en}.',
  },
  shop_fee_mismatch: {
    it: 'Importo dei diritti diverso da quello dovuto: dichiarati {claimed}, dovuti {due}.',
    en: 'Fee differs from the amount due: claimed {claimed}, due {due}.',
  },
  shop_outcome_invalid: {
    it: 'Esito non applicabile: {detail_it}.',
    en: 'Outcome not applicable: {detail_en}.',
  },
  shop_case_mismatch: {
    it: 'La pratica allegata non corrisponde alla comunicazione ({detail}).',
    en: 'The attached case does not match the filing ({detail}).',
  },
} as const;

export type ShopErrorCode = keyof typeof SHOP_ERROR_MESSAGES;

/** A refusal of the shared rules: the edges turn it into an AppError with the same code. */
export interface ShopRefusal {
  code: ShopErrorCode;
  params: Record<string, string | number>;
}

export type ShopResult<T> = { ok: true; value: T } | { ok: false; refusal: ShopRefusal };

export const refuse = <T>(
  code: ShopErrorCode,
  params: Record<string, string | number> = {},
): ShopResult<T> => ({
  ok: false,
  refusal: { code, params },
});
