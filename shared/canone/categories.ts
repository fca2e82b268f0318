import { rowOn, type DatedRow } from '../calendar/dated-rows';
import type { IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import type { Confidence } from './problems';

/**
 * Category coefficients by kind of occupation or advertising medium (DOMAIN.md §5.4), dated and
 * per comune: a row for `comune: '*'` is every comune's default, a comune's own row for a code
 * replaces it. Coefficients are integer thousandths (0.808 → 808).
 *
 * The occupation coefficients are the Ancona regulation's ([V] for Ancona, the example DOMAIN.md
 * gives): Casale and the partner comuni have their own regulations, not in DOMAIN.md, so the
 * table is a DEMO default until replaced. The advertising coefficients are our guess [U].
 */

export type CanoneUnit = 'm2' | 'ml';

export interface CanoneCategoryRow extends DatedRow {
  /** Belfiore code, or '*' for every comune */
  comune: string;
  code: string;
  label: Record<Locale, string>;
  /** what the measure is: surface (m²) or length (linear metres) */
  unit: CanoneUnit;
  permanentThousandths: number;
  temporaryThousandths: number;
  /** an advertising medium: the fee is on its total surface; an own sign may be exempt (c.833) */
  advertising: boolean;
  confidence: Confidence;
}

export const ANY_COMUNE = '*';

type Input = [
  code: string,
  it: string,
  en: string,
  permanent: number,
  temporary: number,
  unit: CanoneUnit,
  advertising: boolean,
  confidence: Confidence,
];

const ROWS: readonly Input[] = [
  // Ancona, permanent / temporary [V]. Passo carrabile by linear metre of opening: our choice [U].
  ['passo_carrabile', 'Passo carrabile', 'Driveway', 420, 485, 'ml', false, 'U'],
  [
    'soprassuolo_sottosuolo',
    'Spazi soprastanti o sottostanti il suolo, non commerciali',
    'Space above or below ground, non-commercial',
    196,
    226,
    'm2',
    false,
    'V',
  ],
  ['stand_promozionale', 'Stand promozionali', 'Promotional stands', 560, 646, 'm2', false, 'V'],
  ['chiosco', 'Chioschi e banchi di vendita', 'Kiosks and stalls with sales', 840, 969, 'm2', false, 'V'],
  [
    'dehors',
    'Dehors di bar e ristoranti (tavoli, ombrelloni)',
    'Bar and restaurant dehors (tables, umbrellas)',
    700,
    808,
    'm2',
    false,
    'V',
  ],
  ['tenda', 'Tende', 'Awnings', 252, 291, 'm2', false, 'V'],
  ['distributore_carburante', 'Distributori di carburante', 'Fuel stations', 350, 404, 'm2', false, 'V'],
  [
    'spettacolo_viaggiante',
    'Spettacoli viaggianti (luna park, circo)',
    'Travelling shows (luna park, circus)',
    238,
    275,
    'm2',
    false,
    'V',
  ],
  ['manifestazione', 'Manifestazioni non commerciali', 'Non-commercial events', 490, 565, 'm2', false, 'V'],
  ['lavori_reti', 'Lavori di reti e servizi', 'Utility works', 700, 808, 'm2', false, 'V'],
  ['ponteggi', 'Cantieri edili, ponteggi', 'Building sites, scaffolding', 280, 323, 'm2', false, 'V'],
  ['traslochi', 'Traslochi, carico e scarico', 'Removals, loading', 686, 792, 'm2', false, 'V'],
  ['altro_commerciale', 'Altre occupazioni commerciali', 'Other commercial', 840, 969, 'm2', false, 'V'],
  // Advertising by the medium's total surface (DOMAIN.md §5.4 [K/U]). Banners and mobile signs
  // take Ancona's occupation coefficients [V for Ancona]; the others are our guess [U].
  ['striscione', 'Striscioni, insegne mobili', 'Banners, mobile signs', 252, 291, 'm2', true, 'K'],
  ['insegna', 'Insegna di esercizio', 'Shop sign', 300, 345, 'm2', true, 'U'],
  ['cartello', 'Cartelli pubblicitari', 'Advertising boards', 400, 460, 'm2', true, 'U'],
  [
    'impianto_pubblicitario',
    'Impianti pubblicitari (cartelloni, pannelli luminosi)',
    'Advertising installations (billboards, lit panels)',
    600,
    690,
    'm2',
    true,
    'U',
  ],
];

export const CANONE_CATEGORIES: readonly CanoneCategoryRow[] = ROWS.map(
  ([code, it, en, permanentThousandths, temporaryThousandths, unit, advertising, confidence]) => ({
    comune: ANY_COMUNE,
    validFrom: '2021-01-01',
    validTo: null,
    code,
    label: { it, en },
    unit,
    permanentThousandths,
    temporaryThousandths,
    advertising,
    confidence,
  }),
);

/**
 * The category row for `code` in force for `comune` on `date`: the comune's own, else the
 * default. A comune with rows of its own for the code but none in force that day gets null, not
 * the default: its regulation replaced the default, and a gap in its table is an error to fix.
 */
export function categoryOn(
  comune: string,
  code: string,
  date: IsoDate,
  table: readonly CanoneCategoryRow[] = CANONE_CATEGORIES,
): CanoneCategoryRow | null {
  const own = rowOn(table, (r) => r.comune === comune && r.code === code, date);
  if (own.ok) return own.row;
  if (own.reason !== 'no_key') return null;
  const fallback = rowOn(table, (r) => r.comune === ANY_COMUNE && r.code === code, date);
  return fallback.ok ? fallback.row : null;
}

/** The category codes offered in `comune` on `date`, in table order (for the counter's list). */
export function categoriesOn(
  comune: string,
  date: IsoDate,
  table: readonly CanoneCategoryRow[] = CANONE_CATEGORIES,
): CanoneCategoryRow[] {
  const codes = [...new Set(table.map((r) => r.code))];
  return codes.flatMap((code) => {
    const row = categoryOn(comune, code, date, table);
    return row ? [row] : [];
  });
}
