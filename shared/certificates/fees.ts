import { compareIsoDates, isIsoDate, type IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import { formatDate } from '../i18n/registry-labels';
import { addCents, ZERO_CENTS, type Cents } from '../money/cents';
import { formatEuro } from '../money/euro-format';
import {
  certificateFail,
  certificateOk,
  type CertificateProblem,
  type CertificateResult,
} from './certificate-errors';
import { DIRITTI_SETTINGS, dirittiSettingOn, type DirittiSetting } from './diritti';
import { EXEMPTION_GROUNDS, exemptionGroundOn, type ExemptionGround } from './exemption-grounds';
import { BOLLO_RATES, bolloRateOn, parseMarcaId, type BolloRate, type MarcaId } from './stamp-duty';

/**
 * What an anagrafe certificate costs (DOMAIN.md §1.3-1.4, §14 fact 7): the stamp duty, paid by
 * the citizen with a marca bought beforehand (its identifier is recorded), OR an exemption ground
 * from the table; plus the comune's diritti di segreteria, collected at the counter, whose amount
 * depends on whether the certificate carries bollo.
 *
 * Every certificate built here is an anagrafe certificate (facts.ts), so bollo is always due
 * unless an exemption is chosen. Civil-status certificates (always exempt) are not built here.
 */

/** How the applicant settles the stamp duty: a marca, or a declared use that exempts it. */
export type BolloChoice =
  | {
      kind: 'marca';
      /** the 14-digit identifier printed on the marca */
      marcaId: string;
      /** the date printed on the marca, when recorded: it must not follow the certificate's date */
      marcaDate?: IsoDate | null;
    }
  | {
      kind: 'exempt';
      /** `ExemptionGround.code` */
      groundCode: string;
      /** what the applicant showed, when the ground requires evidence (e.g. "RG 1234/2025 Trib. Vercelli") */
      evidence?: string | null;
    };

export type FeeLine =
  | {
      kind: 'bollo';
      amountCents: Cents;
      /** the citizen paid it by buying the marca: not collected at the counter */
      collectedBy: 'marca';
      marcaId: MarcaId;
      marcaDate: IsoDate | null;
      rate: BolloRate;
      text: Record<Locale, string>;
    }
  | {
      kind: 'bollo_exempt';
      amountCents: Cents;
      collectedBy: 'none';
      ground: ExemptionGround;
      evidence: string | null;
      text: Record<Locale, string>;
    }
  | {
      kind: 'diritti_segreteria';
      amountCents: Cents;
      collectedBy: 'counter';
      setting: DirittiSetting;
      text: Record<Locale, string>;
    };

export type FeeWarning =
  /** the exemption's legal reference is not marked V in DOMAIN.md: confirm it before printing */
  'exemption_reference_unverified';

export interface FeeBreakdown {
  /** bollo (or its exemption) first, then diritti */
  lines: readonly FeeLine[];
  /** bollo + diritti: what the certificate costs the citizen */
  totalCents: Cents;
  /** what the counter collects (diritti): the bollo was paid when the marca was bought */
  atCounterCents: Cents;
  bolloDue: boolean;
  warnings: readonly FeeWarning[];
}

export interface FeeTables {
  bolloRates?: readonly BolloRate[];
  exemptionGrounds?: readonly ExemptionGround[];
  dirittiSettings?: readonly DirittiSetting[];
}

export interface FeeRequest {
  /** Belfiore code of the issuing comune */
  comune: string;
  /** the certificate's date of issue */
  date: IsoDate;
  bollo: BolloChoice;
}

function bolloLine(
  choice: Extract<BolloChoice, { kind: 'marca' }>,
  date: IsoDate,
  tables: FeeTables,
  problems: CertificateProblem[],
): FeeLine | null {
  const marca = parseMarcaId(choice.marcaId);
  if (!marca.ok) {
    problems.push(
      marca.reason === 'marca_missing'
        ? { reason: 'marca_missing' }
        : { reason: 'invalid_marca_id', value: String(choice.marcaId) },
    );
  }
  const marcaDate = choice.marcaDate ?? null;
  if (marcaDate !== null) {
    if (!isIsoDate(marcaDate))
      problems.push({ reason: 'invalid_date', field: 'bollo.marcaDate', value: String(marcaDate) });
    // DOMAIN.md §1.3: the marca's date must be on or before the certificate's date
    else if (compareIsoDates(marcaDate, date) > 0) {
      problems.push({ reason: 'marca_dated_after_certificate', marcaDate, date });
    }
  }
  const rate = bolloRateOn(date, tables.bolloRates ?? BOLLO_RATES);
  if (!rate.ok) {
    problems.push(
      rate.reason === 'ambiguous'
        ? { reason: 'ambiguous_table', table: 'bollo', key: 'bollo', date }
        : { reason: 'no_bollo_rate_on_date', date },
    );
    return null;
  }
  if (!marca.ok) return null;
  const amount = rate.row.amountCents;
  const dated = marcaDate !== null && isIsoDate(marcaDate) ? marcaDate : null;
  return {
    kind: 'bollo',
    amountCents: amount,
    collectedBy: 'marca',
    marcaId: marca.value,
    marcaDate: dated,
    rate: rate.row,
    text: {
      it: `Imposta di bollo ${formatEuro(amount, 'it')} assolta con marca n. ${marca.value}${dated ? ` del ${formatDate(dated)}` : ''}`,
      en: `Stamp duty ${formatEuro(amount, 'en')} paid with revenue stamp no. ${marca.value}${dated ? ` dated ${formatDate(dated)}` : ''}`,
    },
  };
}

function exemptLine(
  choice: Extract<BolloChoice, { kind: 'exempt' }>,
  date: IsoDate,
  tables: FeeTables,
  problems: CertificateProblem[],
): FeeLine | null {
  const code = String(choice.groundCode ?? '');
  const found = exemptionGroundOn(code, date, tables.exemptionGrounds ?? EXEMPTION_GROUNDS);
  if (!found.ok) {
    problems.push(
      found.reason === 'no_key'
        ? { reason: 'unknown_exemption_ground', code }
        : found.reason === 'not_in_force'
          ? { reason: 'exemption_ground_not_in_force', code, date }
          : { reason: 'ambiguous_table', table: 'exemption_grounds', key: code, date },
    );
    return null;
  }
  const ground = found.row;
  const evidence = (choice.evidence ?? '').trim() || null;
  if (ground.requiresEvidence && evidence === null) {
    problems.push({ reason: 'exemption_evidence_missing', code });
    return null;
  }
  return {
    kind: 'bollo_exempt',
    amountCents: ZERO_CENTS,
    collectedBy: 'none',
    ground,
    evidence,
    text: {
      it: `Esente dall'imposta di bollo – ${ground.legalReference} – uso: ${ground.label.it}`,
      en: `Exempt from stamp duty – ${ground.legalReference} – use: ${ground.label.en}`,
    },
  };
}

/**
 * The fee breakdown of one anagrafe certificate issued by `comune` on `date`, or every problem
 * found (all reported at once, so the clerk fixes them in one pass).
 */
export function certificateFees(
  request: FeeRequest,
  tables: FeeTables = {},
): CertificateResult<FeeBreakdown> {
  const { comune, date, bollo } = request;
  if (!isIsoDate(date))
    return certificateFail({ reason: 'invalid_date', field: 'date', value: String(date) });
  const problems: CertificateProblem[] = [];

  let first: FeeLine | null = null;
  const kind = (bollo as { kind?: unknown } | null | undefined)?.kind;
  if (kind === 'marca')
    first = bolloLine(bollo as Extract<BolloChoice, { kind: 'marca' }>, date, tables, problems);
  else if (kind === 'exempt')
    first = exemptLine(bollo as Extract<BolloChoice, { kind: 'exempt' }>, date, tables, problems);
  else problems.push({ reason: 'bollo_choice_missing' });

  const setting = dirittiSettingOn(comune, date, tables.dirittiSettings ?? DIRITTI_SETTINGS);
  if (!setting.ok) {
    problems.push(
      setting.reason === 'ambiguous'
        ? { reason: 'ambiguous_table', table: 'diritti', key: comune, date }
        : { reason: 'no_diritti_setting', comune, date },
    );
  }
  if (problems.length > 0 || first === null || !setting.ok) {
    return certificateFail(...problems);
  }

  const bolloDue = first.kind === 'bollo';
  const diritti = bolloDue ? setting.row.withBolloCents : setting.row.exemptCents;
  const dirittiLine: FeeLine = {
    kind: 'diritti_segreteria',
    amountCents: diritti,
    collectedBy: 'counter',
    setting: setting.row,
    text: {
      it: `Diritti di segreteria ${formatEuro(diritti, 'it')}`,
      en: `Secretarial fees ${formatEuro(diritti, 'en')}`,
    },
  };
  const warnings: FeeWarning[] = [];
  if (first.kind === 'bollo_exempt' && first.ground.status !== 'V')
    warnings.push('exemption_reference_unverified');
  const lines = [first, dirittiLine];
  return certificateOk({
    lines,
    totalCents: addCents(...lines.map((l) => l.amountCents)),
    atCounterCents: addCents(...lines.filter((l) => l.collectedBy === 'counter').map((l) => l.amountCents)),
    bolloDue,
    warnings,
  });
}
