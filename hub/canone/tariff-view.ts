import { categoriesOn } from '../../shared/canone/categories';
import type { Confidence } from '../../shared/canone/problems';
import { CANONE_COMUNE_SETTINGS, POPULATION_CLASSES } from '../../shared/canone/tariffs';
import { CANONE_STREET_ZONES, CANONE_ZONES } from '../../shared/canone/zones';
import type { IsoDate } from '../../shared/calendar/iso-date';
import { formatDate } from '../../shared/i18n/registry-labels';
import { escapeHtml, layout } from './canone-pages';

/**
 * The canone's tariff tables of one comune as the office must see them before trusting a fee:
 * every dated version of the comune's setting, the category and zone coefficients in force, the
 * zone of each listed street, and the c.826-827 classes. Each value carries its confidence
 * (DOMAIN.md: V verified, K known but unchecked, U uncertain); K and U are `uncertain` and the
 * page shows them marked, so nobody takes a value to confirm for the law.
 */

export interface TariffValue {
  label: string;
  value: string;
  confidence: Confidence;
  uncertain: boolean;
}

export interface TariffTablesView {
  comune: string;
  day: IsoDate;
  settings: {
    version: string;
    validFrom: IsoDate;
    validTo: IsoDate | null;
    inForce: boolean;
    note: string;
    values: TariffValue[];
  }[];
  categories: {
    code: string;
    label: string;
    unit: string;
    permanent: string;
    temporary: string;
    confidence: Confidence;
    uncertain: boolean;
  }[];
  zones: {
    zone: string;
    label: string;
    coefficient: string;
    confidence: Confidence;
    uncertain: boolean;
    streets: string[];
  }[];
  classes: { label: string; annual: string; daily: string; confidence: Confidence; uncertain: boolean }[];
}

const euro = (cents: number): string =>
  `€ ${(cents / 100).toLocaleString('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const coeff = (thousandths: number): string => (thousandths / 1000).toFixed(3).replace('.', ',');
const v = (label: string, value: string, confidence: Confidence): TariffValue => ({
  label,
  value,
  confidence,
  uncertain: confidence !== 'V',
});

export function tariffTablesView(comune: string, day: IsoDate): TariffTablesView {
  const settings = CANONE_COMUNE_SETTINGS.filter((s) => s.comune === comune).map((s) => ({
    version: s.version,
    validFrom: s.validFrom,
    validTo: s.validTo,
    inForce: s.validFrom <= day && (s.validTo === null || day <= s.validTo),
    note: s.note,
    values: [
      v(
        'Residenti per la classe',
        `${s.residents.toLocaleString('it-IT')} al ${formatDate(s.residentsAsOf)}`,
        s.confidence.residents,
      ),
      v('Tariffa standard annua (c.826)', euro(s.annualTariffCents), s.confidence.tariff),
      v('Tariffa standard giornaliera (c.827)', euro(s.dailyTariffCents), s.confidence.tariff),
      v(
        'Arrotondamento della superficie',
        s.rounding === 'whole_m2'
          ? 'al m² intero superiore'
          : 'fino a 1 m² a 1 m², oltre al mezzo m² superiore',
        s.confidence.rounding,
      ),
      v(
        'Frazioni orarie',
        s.hourly.allowed ? `ammesse: ore/24, minimo ${s.hourly.minimumHours} ore` : 'non ammesse',
        s.confidence.hourly,
      ),
      v(
        'Insegna di esercizio (c.833)',
        `esente fino a ${s.ownSign.exemptUpToM2} m²; oltre: ${s.ownSign.above === 'whole' ? 'intera superficie' : 'solo l’eccedenza'}`,
        s.confidence.ownSign,
      ),
      v(
        'Rate dei permanenti',
        `oltre ${euro(s.instalments.thresholdCents)}: scadenze ${s.instalments.dueDates.map((d) => `${d.slice(3)}/${d.slice(0, 2)}`).join(', ')}; temporanee a ${s.instalments.temporaryDueDays} giorni`,
        s.confidence.instalments,
      ),
      v(
        'Primo anno dei permanenti',
        s.partYear === 'months_pro_rata' ? 'in dodicesimi per mese' : 'anno intero',
        s.confidence.partYear,
      ),
      v('Importo minimo', euro(s.minimumFeeCents), s.confidence.minimumFee),
      v('Capienza di un posto (via e civico)', `${s.spotCapacityM2} m²`, s.confidence.spotCapacity),
    ],
  }));
  const categories = categoriesOn(comune, day).map((c) => ({
    code: c.code,
    label: c.label.it,
    unit: c.unit === 'm2' ? 'm²' : 'metri lineari',
    permanent: coeff(c.permanentThousandths),
    temporary: coeff(c.temporaryThousandths),
    confidence: c.confidence,
    uncertain: c.confidence !== 'V',
  }));
  const own = CANONE_ZONES.some((z) => z.comune === comune);
  const zones = CANONE_ZONES.filter(
    (z) =>
      z.comune === (own ? comune : '*') && z.validFrom <= day && (z.validTo === null || day <= z.validTo),
  ).map((z) => ({
    zone: z.zone,
    label: z.label.it,
    coefficient: coeff(z.coefficientThousandths),
    confidence: z.confidence,
    uncertain: z.confidence !== 'V',
    streets: CANONE_STREET_ZONES.filter((s) => s.comune === comune && s.zone === z.zone).map((s) => s.street),
  }));
  const classes = POPULATION_CLASSES.map((c) => ({
    label: c.label.it,
    annual: euro(c.annualCents),
    daily: euro(c.dailyCents),
    confidence: c.confidence,
    uncertain: c.confidence !== 'V',
  }));
  return { comune, day, settings, categories, zones, classes };
}

const mark = (confidence: Confidence, uncertain: boolean): string =>
  uncertain
    ? `<td class="u" data-uncertain="${confidence}">[${confidence}] da verificare</td>`
    : `<td data-confidence="V">[V]</td>`;

export function renderTariffPage(view: TariffTablesView, comuneName: string, nonce: string): string {
  const settings = view.settings
    .map(
      (
        s,
      ) => `<h2>Delibera ${escapeHtml(s.version)}: dal ${formatDate(s.validFrom)}${s.validTo ? ` al ${formatDate(s.validTo)}` : ''}${s.inForce ? ' (in vigore)' : ''}</h2>
<p>${escapeHtml(s.note)}</p>
<table><tr><th>Voce</th><th>Valore</th><th>Fonte</th></tr>${s.values
        .map(
          (x) =>
            `<tr><td>${escapeHtml(x.label)}</td><td>${escapeHtml(x.value)}</td>${mark(x.confidence, x.uncertain)}</tr>`,
        )
        .join('')}</table>`,
    )
    .join('');
  const categories = `<h2>Coefficienti per tipo di occupazione</h2><table><tr><th>Tipo</th><th>Unità</th><th>Permanente</th><th>Temporanea</th><th>Fonte</th></tr>${view.categories
    .map(
      (c) =>
        `<tr data-category="${escapeHtml(c.code)}"><td>${escapeHtml(c.label)}</td><td>${c.unit}</td><td>${c.permanent}</td><td>${c.temporary}</td>${mark(c.confidence, c.uncertain)}</tr>`,
    )
    .join('')}</table>`;
  const zones = `<h2>Zone</h2><table><tr><th>Zona</th><th>Coefficiente</th><th>Vie elencate</th><th>Fonte</th></tr>${view.zones
    .map(
      (z) =>
        `<tr><td>${escapeHtml(z.label)}</td><td>${z.coefficient}</td><td>${escapeHtml(z.streets.join(', ') || '—')}</td>${mark(z.confidence, z.uncertain)}</tr>`,
    )
    .join('')}</table>`;
  const classes = `<h2>Tariffe standard per classe di abitanti (L. 160/2019 c.826-827)</h2><table><tr><th>Classe</th><th>Annua</th><th>Giornaliera</th><th>Fonte</th></tr>${view.classes
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.label)}</td><td>${c.annual}</td><td>${c.daily}</td>${mark(c.confidence, c.uncertain)}</tr>`,
    )
    .join('')}</table>`;
  return layout(
    `Tariffe del canone unico – ${comuneName}`,
    `Canone unico: tabelle tariffarie del Comune di ${comuneName} al ${formatDate(view.day)}`,
    `<p>I valori segnati <span class="u">[U] da verificare</span> o [K] non sono confermati da una fonte: sono parametri da confermare con il regolamento e le delibere del Comune.</p>${settings}${categories}${zones}${classes}`,
    nonce,
    'Tabelle in vigore nel sistema Sportello: ogni valore porta la sua fonte (V verificato, K da controllare, U incerto).',
  );
}
