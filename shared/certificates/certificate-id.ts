import { isIsoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import {
  certificateFail,
  certificateOk,
  type CertificateProblem,
  type CertificateResult,
} from './certificate-errors';

/**
 * Certificate identifiers, safe to allocate offline: `B885-A2-2025-000042` =
 * <Belfiore code of the comune>-<workstation series>-<year of issue>-<6-digit counter>.
 *
 * Each workstation draws from its own series (assigned once, e.g. at enrolment, unique within the
 * comune), and the counter restarts every year, so two desks never produce the same identifier
 * without talking to each other (../shared/ARCHITECTURE.md: "Numbers that must be unique
 * (certificate numbers, receipts) are safe offline"). This is NOT a protocol number: protocol
 * numbers are gap-free yearly numbers only the hub assigns (DOMAIN.md §8.2, §14 fact 9).
 * Gaps in a certificate series are harmless.
 *
 * The identifier is printed with the QR code and is what the verification page looks up
 * (DOMAIN.md §1.8), together with the holder's name.
 */

export interface CertificateIdParts {
  /** Belfiore code of the issuing comune, e.g. B885 */
  comune: string;
  /** the workstation's series code: 1 to 8 capital letters or digits */
  series: string;
  year: number;
  /** 1 … 999999 within the series and year */
  counter: number;
}

export const COUNTER_DIGITS = 6;
export const COUNTER_MAX = 999_999;
export const MIN_ID_YEAR = 2000;
export const MAX_ID_YEAR = 9999;

const BELFIORE = /^[A-Z]\d{3}$/;
const SERIES = /^[A-Z0-9]{1,8}$/;
const ID = /^([A-Z]\d{3})-([A-Z0-9]{1,8})-(\d{4})-(\d{6})$/;

export function isSeriesCode(value: unknown): value is string {
  return typeof value === 'string' && SERIES.test(value);
}

function partsProblem(parts: CertificateIdParts): string | null {
  if (!BELFIORE.test(parts.comune)) return 'comune: Belfiore code, a letter and 3 digits';
  if (!SERIES.test(parts.series)) return 'series: 1 to 8 capital letters or digits';
  if (!Number.isSafeInteger(parts.year) || parts.year < MIN_ID_YEAR || parts.year > MAX_ID_YEAR) {
    return `year: ${MIN_ID_YEAR}-${MAX_ID_YEAR}`;
  }
  if (!Number.isSafeInteger(parts.counter) || parts.counter < 1 || parts.counter > COUNTER_MAX) {
    return `counter: 1-${COUNTER_MAX}`;
  }
  return null;
}

/** The printed identifier of valid parts. */
export function formatCertificateId(parts: CertificateIdParts): CertificateResult<string> {
  const problem = partsProblem(parts);
  if (problem !== null) {
    return certificateFail({
      reason: 'invalid_certificate_id',
      value: JSON.stringify(parts),
      detail: problem,
    });
  }
  const counter = String(parts.counter).padStart(COUNTER_DIGITS, '0');
  return certificateOk(`${parts.comune}-${parts.series}-${parts.year}-${counter}`);
}

/**
 * Reads an identifier as printed, typed or scanned: surrounding spaces are dropped and letters
 * upper-cased ("b885-a2-2025-000042" is accepted); anything else must match exactly.
 */
export function parseCertificateId(raw: string): CertificateResult<CertificateIdParts> {
  const text = String(raw ?? '')
    .trim()
    .toUpperCase();
  const match = ID.exec(text);
  if (!match) {
    return certificateFail({
      reason: 'invalid_certificate_id',
      value: String(raw),
      detail: 'expected COMUNE-SERIE-ANNO-NNNNNN, e.g. B885-A2-2025-000042',
    });
  }
  const parts: CertificateIdParts = {
    comune: match[1] ?? '',
    series: match[2] ?? '',
    year: Number(match[3]),
    counter: Number(match[4]),
  };
  const problem = partsProblem(parts);
  if (problem !== null)
    return certificateFail({ reason: 'invalid_certificate_id', value: String(raw), detail: problem });
  return certificateOk(parts);
}

export function isCertificateId(value: unknown): boolean {
  return typeof value === 'string' && ID.test(value) && parseCertificateId(value).ok;
}

/**
 * Problems of an identifier for a certificate of `comune` issued on `issueDate`: it must be
 * well-formed, of that comune and of that year.
 */
export function certificateIdProblems(id: string, comune: string, issueDate: IsoDate): CertificateProblem[] {
  const parsed = parseCertificateId(id);
  if (!parsed.ok)
    return parsed.errors.map(({ kind: _kind, message: _message, ...p }) => p as CertificateProblem);
  const problems: CertificateProblem[] = [];
  if (parsed.value.comune !== comune) {
    problems.push({
      reason: 'certificate_id_mismatch',
      id,
      detail: `comune ${parsed.value.comune}, not ${comune}`,
    });
  }
  if (isIsoDate(issueDate) && parsed.value.year !== yearOf(issueDate)) {
    problems.push({
      reason: 'certificate_id_mismatch',
      id,
      detail: `year ${parsed.value.year}, issued in ${yearOf(issueDate)}`,
    });
  }
  return problems;
}

export interface NextIdRequest {
  /** the last identifier this workstation issued in its series (any year), null for the first */
  previous: CertificateIdParts | null;
  comune: string;
  series: string;
  issueDate: IsoDate;
}

/**
 * The next identifier of a workstation's series: counter + 1 within the same year, 1 in a new
 * year. Pure: the desk stores the last one issued in the same transaction as the certificate.
 */
export function nextCertificateId(
  request: NextIdRequest,
): CertificateResult<{ parts: CertificateIdParts; id: string }> {
  const { previous, comune, series, issueDate } = request;
  if (!isIsoDate(issueDate))
    return certificateFail({ reason: 'invalid_date', field: 'issueDate', value: String(issueDate) });
  if (!isSeriesCode(series)) return certificateFail({ reason: 'invalid_series_code', value: String(series) });
  const year = yearOf(issueDate);
  const sameSeries = previous !== null && previous.comune === comune && previous.series === series;
  if (sameSeries && previous.year > year) {
    return certificateFail({
      reason: 'certificate_id_mismatch',
      id: `${previous.comune}-${previous.series}-${previous.year}`,
      detail: `the last identifier is of ${previous.year}, after the issue date ${issueDate}: check the workstation clock`,
    });
  }
  const counter = sameSeries && previous.year === year ? previous.counter + 1 : 1;
  if (counter > COUNTER_MAX) return certificateFail({ reason: 'series_exhausted', series, year });
  const parts = { comune, series, year, counter };
  const id = formatCertificateId(parts);
  if (!id.ok) return id;
  return certificateOk({ parts, id: id.value });
}

// --- verification URL: <hubBase>/verifica/<id> ---------------------------------------------

const VERIFY_SEGMENT = '/verifica/';
const HOST = '(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\])';
const HUB_BASE = new RegExp(`^(https?)://(${HOST})(:\\d{1,5})?((?:/[A-Za-z0-9._~-]+)*)$`);
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The hub's public base address, normalised: scheme and host lower-cased, trailing slashes
 * dropped. https only, except plain http on the loopback (browser mode and tests). No user info,
 * query or fragment: the printed link must be plain.
 */
export function normalizeHubBase(raw: string): CertificateResult<string> {
  const trimmed = String(raw ?? '')
    .trim()
    .replace(/\/+$/, '');
  const schemeHost = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*)(.*)$/.exec(trimmed);
  const text = schemeHost ? `${(schemeHost[1] ?? '').toLowerCase()}${schemeHost[2] ?? ''}` : trimmed;
  const match = HUB_BASE.exec(text);
  const fail = certificateFail<string>({ reason: 'invalid_hub_base', value: String(raw) });
  if (!match) return fail;
  const [, scheme, host, port] = match;
  if (port !== undefined && (Number(port.slice(1)) < 1 || Number(port.slice(1)) > 65535)) return fail;
  if (scheme === 'http' && !LOCAL_HOSTS.includes(host ?? '')) return fail;
  return certificateOk(text);
}

/** `<hubBase>/verifica/<id>`: the address printed under the QR code. */
export function buildVerificationUrl(hubBase: string, id: string): CertificateResult<string> {
  const base = normalizeHubBase(hubBase);
  const parts = parseCertificateId(id);
  if (!base.ok || !parts.ok) {
    return { ok: false, errors: [...(base.ok ? [] : base.errors), ...(parts.ok ? [] : parts.errors)] };
  }
  const canonical = formatCertificateId(parts.value);
  if (!canonical.ok) return canonical;
  return certificateOk(`${base.value}${VERIFY_SEGMENT}${canonical.value}`);
}

/** Reads a verification address back (from a scanned QR code) into the hub base and the identifier. */
export function parseVerificationUrl(
  raw: string,
): CertificateResult<{ hubBase: string; id: string; parts: CertificateIdParts }> {
  const text = String(raw ?? '').trim();
  const fail = certificateFail<{ hubBase: string; id: string; parts: CertificateIdParts }>({
    reason: 'invalid_verification_url',
    value: String(raw),
  });
  const at = text.lastIndexOf(VERIFY_SEGMENT);
  if (at < 0) return fail;
  const base = normalizeHubBase(text.slice(0, at));
  const parts = parseCertificateId(text.slice(at + VERIFY_SEGMENT.length));
  if (!base.ok || !parts.ok) return fail;
  const id = formatCertificateId(parts.value);
  if (!id.ok) return fail;
  return certificateOk({ hubBase: base.value, id: id.value, parts: parts.value });
}
