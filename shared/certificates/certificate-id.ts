import { isIsoDate, yearOf, type IsoDate } from '../calendar/iso-date';
import {
  isSeriesCode,
  MAX_SERIES_YEAR,
  MIN_SERIES_YEAR,
  SERIES_COUNTER_DIGITS,
  SERIES_COUNTER_MAX,
  workstationSeries,
  type SeriesNumberParts,
} from '../numbering/workstation-series';
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
 * comune; the scheme is numbering/workstation-series.ts), and the counter restarts every year, so two desks never produce the same identifier
 * without talking to each other (../shared/ARCHITECTURE.md: "Numbers that must be unique
 * (certificate numbers, receipts) are safe offline"). This is NOT a protocol number: protocol
 * numbers are gap-free yearly numbers only the hub assigns (DOMAIN.md §8.2, §14 fact 9).
 * Gaps in a certificate series are harmless.
 *
 * The identifier is printed with the QR code and is what the verification page looks up
 * (DOMAIN.md §1.8), together with the holder's name.
 */

/**
 * The parts of an identifier (numbering/workstation-series.ts) and its key: eight random
 * characters after the series number (`B885-A2-2025-000042-7KQ3ZP9M`), so that the public
 * verification page cannot be walked number by number (40 bits a guess, and the page is
 * rate-limited). Drafts and certificates issued before keys existed have none.
 */
export type CertificateIdParts = SeriesNumberParts & { key?: string };

/** Crockford base32: no I, L, O or U, so a key read off paper and typed back is not misread. */
const KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CERTIFICATE_KEY_LENGTH = 8;
const KEYED = new RegExp(`^(.+)-([${KEY_ALPHABET}]{${CERTIFICATE_KEY_LENGTH}})$`);

/** A key from 5 random bytes (40 bits; the caller draws them: shared/ has no randomness of its own). */
export function certificateKeyFrom(random: Uint8Array): string {
  if (random.length < 5) throw new Error('a certificate key needs 5 random bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(random[i] ?? 0);
  let key = '';
  for (let i = 0; i < CERTIFICATE_KEY_LENGTH; i++) {
    key = KEY_ALPHABET[Number(bits & 31n)] + key;
    bits >>= 5n;
  }
  return key;
}

/** The series number with its key appended: the identifier printed, stored and verified. */
export function withCertificateKey(seriesId: string, random: Uint8Array): string {
  return `${seriesId}-${certificateKeyFrom(random)}`;
}

export const COUNTER_DIGITS = SERIES_COUNTER_DIGITS;
export const COUNTER_MAX = SERIES_COUNTER_MAX;
export const MIN_ID_YEAR = MIN_SERIES_YEAR;
export const MAX_ID_YEAR = MAX_SERIES_YEAR;

export { isSeriesCode };

const IDS = workstationSeries({ example: { comune: 'B885', series: 'A2', year: 2025, counter: 42 } });

/** The printed identifier of valid parts. */
export function formatCertificateId(parts: CertificateIdParts): CertificateResult<string> {
  const { key, ...series } = parts;
  const formatted = IDS.format(series);
  if (
    formatted.ok &&
    key !== undefined &&
    !new RegExp(`^[${KEY_ALPHABET}]{${CERTIFICATE_KEY_LENGTH}}$`).test(key)
  )
    return certificateFail({ reason: 'invalid_certificate_id', value: JSON.stringify(parts), detail: 'key' });
  if (formatted.ok && key !== undefined) return certificateOk(`${formatted.value}-${key}`);
  if (!formatted.ok) {
    return certificateFail({
      reason: 'invalid_certificate_id',
      value: JSON.stringify(parts),
      detail: formatted.detail,
    });
  }
  return certificateOk(formatted.value);
}

/**
 * Reads an identifier as printed, typed or scanned: surrounding spaces are dropped and letters
 * upper-cased ("b885-a2-2025-000042" is accepted); anything else must match exactly.
 */
export function parseCertificateId(raw: string): CertificateResult<CertificateIdParts> {
  const keyed = KEYED.exec(
    String(raw ?? '')
      .trim()
      .toUpperCase(),
  );
  const series = keyed ? IDS.parse(keyed[1] ?? '') : null;
  if (keyed && series?.ok) return certificateOk({ ...series.value, key: keyed[2] ?? '' });
  const parsed = IDS.parse(raw);
  if (!parsed.ok)
    return certificateFail({ reason: 'invalid_certificate_id', value: String(raw), detail: parsed.detail });
  return certificateOk(parsed.value);
}

export function isCertificateId(value: unknown): boolean {
  const keyed = typeof value === 'string' ? KEYED.exec(value) : null;
  return keyed ? IDS.isCanonical(keyed[1]) : IDS.isCanonical(value);
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
 * year. Pure: the desk reads and stores the last one in one transaction of its own
 * (electron/desk/db/series-counter.ts); a certificate that then fails leaves a harmless gap.
 */
export function nextCertificateId(
  request: NextIdRequest,
): CertificateResult<{ parts: CertificateIdParts; id: string }> {
  const { previous, comune, series, issueDate } = request;
  const next = IDS.next(previous, { comune, series, date: issueDate });
  if (next.ok) return certificateOk({ parts: next.value.parts, id: next.value.text });
  const { problem } = next;
  switch (problem.kind) {
    case 'invalid_date':
      return certificateFail({ reason: 'invalid_date', field: 'issueDate', value: String(issueDate) });
    case 'invalid_series_code':
      return certificateFail({ reason: 'invalid_series_code', value: String(series) });
    case 'clock_backwards': {
      const last = problem.previous;
      return certificateFail({
        reason: 'certificate_id_mismatch',
        id: `${last.comune}-${last.series}-${last.year}`,
        detail: `the last identifier is of ${last.year}, after the issue date ${issueDate}: check the workstation clock`,
      });
    }
    case 'exhausted':
      return certificateFail({ reason: 'series_exhausted', series, year: problem.year });
    case 'invalid_parts':
      return certificateFail({
        reason: 'invalid_certificate_id',
        value: JSON.stringify(problem.parts),
        detail: problem.detail,
      });
  }
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
