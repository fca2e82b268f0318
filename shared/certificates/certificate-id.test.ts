import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CertificateResult } from './certificate-errors';
import {
  buildVerificationUrl,
  certificateIdProblems,
  certificateKeyFrom,
  withCertificateKey,
  formatCertificateId,
  isCertificateId,
  nextCertificateId,
  normalizeHubBase,
  parseCertificateId,
  parseVerificationUrl,
  type CertificateIdParts,
} from './certificate-id';

function value<T>(r: CertificateResult<T>): T {
  if (!r.ok) throw new Error(`unexpected: ${r.errors.map((e) => `${e.reason} ${e.message.en}`).join(', ')}`);
  return r.value;
}
const reasons = (r: CertificateResult<unknown>): string[] => (r.ok ? [] : r.errors.map((e) => e.reason));

const PARTS: CertificateIdParts = { comune: 'B885', series: 'A2', year: 2025, counter: 42 };

describe('certificate identifiers: COMUNE-SERIE-ANNO-NNNNNN', () => {
  it('formats and parses', () => {
    expect(value(formatCertificateId(PARTS))).toBe('B885-A2-2025-000042');
    expect(value(parseCertificateId('B885-A2-2025-000042'))).toEqual(PARTS);
    expect(value(parseCertificateId('  b885-a2-2025-000042 '))).toEqual(PARTS);
    expect(value(formatCertificateId({ ...PARTS, series: 'CASALE01', counter: 999_999 }))).toBe(
      'B885-CASALE01-2025-999999',
    );
    expect(isCertificateId('B885-A2-2025-000042')).toBe(true);
    expect(isCertificateId('b885-a2-2025-000042')).toBe(false); // canonical form only
  });

  it.each([
    'B885-A2-2025-42',
    'B885-A2-2025-0000042',
    'B885-A2-2025-000000',
    'B885--2025-000042',
    'B885-A2-25-000042',
    'B885-A-2-2025-000042',
    'B885-ABCDEFGHI-2025-000042',
    '885B-A2-2025-000042',
    'B885-A2-1999-000042',
    'B885_A2_2025_000042',
    '',
  ])('rejects %j', (text) => {
    expect(reasons(parseCertificateId(text))).toEqual(['invalid_certificate_id']);
    expect(isCertificateId(text)).toBe(false);
  });

  it.each([
    [{ ...PARTS, comune: 'b885' }],
    [{ ...PARTS, series: 'a2' }],
    [{ ...PARTS, series: '' }],
    [{ ...PARTS, year: 1999 }],
    [{ ...PARTS, counter: 0 }],
    [{ ...PARTS, counter: 1_000_000 }],
    [{ ...PARTS, counter: 1.5 }],
  ])('refuses to format %j', (parts) => {
    expect(reasons(formatCertificateId(parts))).toEqual(['invalid_certificate_id']);
  });

  it('checks the comune and year of the certificate it is given to', () => {
    expect(certificateIdProblems('B885-A2-2025-000042', 'B885', '2025-12-31')).toEqual([]);
    expect(certificateIdProblems('B885-A2-2025-000042', 'B885', '2026-01-01').map((p) => p.reason)).toEqual([
      'certificate_id_mismatch',
    ]);
    expect(certificateIdProblems('A859-A2-2025-000042', 'B885', '2025-01-01').map((p) => p.reason)).toEqual([
      'certificate_id_mismatch',
    ]);
    expect(certificateIdProblems('nope', 'B885', '2025-01-01').map((p) => p.reason)).toEqual([
      'invalid_certificate_id',
    ]);
  });

  it('property: parse(format(parts)) = parts, and the text is canonical', () => {
    const parts = fc.record({
      comune: fc
        .tuple(fc.constantFrom(...'ABCDEFGHILMZ'), fc.integer({ min: 0, max: 999 }))
        .map(([l, n]) => `${l}${String(n).padStart(3, '0')}`),
      series: fc.stringMatching(/^[A-Z0-9]{1,8}$/),
      year: fc.integer({ min: 2000, max: 9999 }),
      counter: fc.integer({ min: 1, max: 999_999 }),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const text = value(formatCertificateId(p));
        return (
          JSON.stringify(value(parseCertificateId(text))) === JSON.stringify(p) &&
          isCertificateId(text) &&
          value(parseCertificateId(text.toLowerCase())).counter === p.counter
        );
      }),
    );
  });
});

describe('numbering a workstation series offline', () => {
  const next = (previous: CertificateIdParts | null, issueDate = '2025-03-15', series = 'A2') =>
    nextCertificateId({ previous, comune: 'B885', series, issueDate });

  it('starts at 1, counts up within the year, restarts on 1 January', () => {
    expect(value(next(null)).id).toBe('B885-A2-2025-000001');
    expect(value(next(PARTS)).id).toBe('B885-A2-2025-000043');
    expect(value(next(PARTS, '2026-01-01')).id).toBe('B885-A2-2026-000001');
  });

  it('a previous identifier of another series or comune does not continue', () => {
    expect(value(next({ ...PARTS, series: 'B7' })).id).toBe('B885-A2-2025-000001');
    expect(value(next({ ...PARTS, comune: 'A859' })).id).toBe('B885-A2-2025-000001');
  });

  it('refuses an exhausted series, a bad series code, a clock gone backwards', () => {
    expect(reasons(next({ ...PARTS, counter: 999_999 }))).toEqual(['series_exhausted']);
    expect(reasons(next(null, '2025-03-15', 'a-2'))).toEqual(['invalid_series_code']);
    expect(reasons(next(null, '2025-02-30'))).toEqual(['invalid_date']);
    expect(reasons(next({ ...PARTS, year: 2026 }))).toEqual(['certificate_id_mismatch']);
  });

  it('property: two workstations of a comune never produce the same identifier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (a, b) => {
        const ids = new Set<string>();
        for (const [series, count] of [
          ['A1', a],
          ['A2', b],
        ] as const) {
          let previous: CertificateIdParts | null = null;
          for (let i = 0; i < count; i++) {
            const n: { parts: CertificateIdParts; id: string } = value(next(previous, '2025-06-01', series));
            ids.add(n.id);
            previous = n.parts;
          }
        }
        return ids.size === a + b;
      }),
    );
  });
});

describe('verification URL: <hubBase>/verifica/<id>', () => {
  it('builds and parses', () => {
    const url = value(buildVerificationUrl('https://hub.casale.example', 'B885-A2-2025-000042'));
    expect(url).toBe('https://hub.casale.example/verifica/B885-A2-2025-000042');
    expect(value(parseVerificationUrl(url))).toEqual({
      hubBase: 'https://hub.casale.example',
      id: 'B885-A2-2025-000042',
      parts: PARTS,
    });
  });

  it('normalises the base: trailing slashes, case of scheme and host, path kept', () => {
    expect(value(normalizeHubBase('HTTPS://Hub.Casale.Example/')).toString()).toBe(
      'https://hub.casale.example',
    );
    expect(value(normalizeHubBase('https://comune.example:8443/Sportello/'))).toBe(
      'https://comune.example:8443/Sportello',
    );
    expect(value(buildVerificationUrl('https://x.example/certificati//', 'b885-a2-2025-000042'))).toBe(
      'https://x.example/certificati/verifica/B885-A2-2025-000042',
    );
    expect(value(normalizeHubBase('http://127.0.0.1:5173'))).toBe('http://127.0.0.1:5173');
    expect(value(normalizeHubBase('http://localhost'))).toBe('http://localhost');
  });

  it.each([
    'http://hub.casale.example',
    'ftp://hub.casale.example',
    'https://',
    'https://hub.casale.example?x=1',
    'https://hub.casale.example/#frag',
    'https://user@hub.casale.example',
    'https://hub casale.example',
    'https://hub.casale.example:99999',
    'hub.casale.example',
    '',
  ])('refuses the base %j', (base) => {
    expect(reasons(normalizeHubBase(base))).toEqual(['invalid_hub_base']);
  });

  it.each([
    'https://hub.casale.example/verifica/',
    'https://hub.casale.example/verifica/B885-A2-2025-42',
    'https://hub.casale.example/verifica/B885-A2-2025-000042/',
    'https://hub.casale.example/verifica/B885-A2-2025-000042?x=1',
    'https://hub.casale.example/check/B885-A2-2025-000042',
    'http://evil.example/verifica/B885-A2-2025-000042',
  ])('refuses the address %j', (url) => {
    expect(reasons(parseVerificationUrl(url))).toEqual(['invalid_verification_url']);
  });

  it('reports both problems when base and id are wrong', () => {
    expect(reasons(buildVerificationUrl('ftp://x', 'nope'))).toEqual([
      'invalid_hub_base',
      'invalid_certificate_id',
    ]);
  });

  it('property: parse(build(base, id)) gives back the normalised base and the id', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const base = fc
      .tuple(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
        fc.array(fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/), { maxLength: 2 }),
      )
      .map(
        ([labels, port, path]) =>
          `https://${labels.join('.')}${port === null ? '' : `:${port}`}${path.map((p) => `/${p}`).join('')}`,
      );
    const id = fc
      .record({
        series: fc.stringMatching(/^[A-Z0-9]{1,8}$/),
        year: fc.integer({ min: 2000, max: 2100 }),
        counter: fc.integer({ min: 1, max: 999_999 }),
      })
      .map((p) => value(formatCertificateId({ comune: 'B885', ...p })));
    fc.assert(
      fc.property(base, id, (b, i) => {
        const url = value(buildVerificationUrl(b, i));
        const back = value(parseVerificationUrl(url));
        return (
          back.hubBase === b && back.id === i && value(buildVerificationUrl(back.hubBase, back.id)) === url
        );
      }),
    );
  });
});

describe('certificate keys: a random part after the series number', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);

  it('spells 40 random bits as 8 Crockford characters, never I, L, O or U', () => {
    expect(certificateKeyFrom(bytes(0, 0, 0, 0, 0))).toBe('00000000');
    expect(certificateKeyFrom(bytes(255, 255, 255, 255, 255))).toBe('ZZZZZZZZ');
    expect(certificateKeyFrom(bytes(0, 0, 0, 0, 31))).toBe('0000000Z');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (b) =>
        /^[0-9A-HJKMNP-TV-Z]{8}$/.test(certificateKeyFrom(b)),
      ),
    );
  });

  it('reads a keyed identifier back with its key, typed in lower case too, and prints it the same', () => {
    const id = withCertificateKey('B885-A2-2025-000042', bytes(1, 2, 3, 4, 5));
    expect(id).toMatch(/^B885-A2-2025-000042-[0-9A-HJKMNP-TV-Z]{8}$/);
    const parts = value(parseCertificateId(` ${id.toLowerCase()} `));
    expect(parts).toEqual({ ...PARTS, key: id.slice(-8) });
    expect(value(formatCertificateId(parts))).toBe(id);
    expect(isCertificateId(id)).toBe(true);
    expect(value(buildVerificationUrl('https://hub.example.it', id))).toBe(
      `https://hub.example.it/verifica/${id}`,
    );
    expect(value(parseVerificationUrl(`https://hub.example.it/verifica/${id}`)).id).toBe(id);
  });

  it('refuses a key of the wrong length or with letters the alphabet leaves out', () => {
    expect(reasons(parseCertificateId('B885-A2-2025-000042-ABCDEFG'))).toEqual(['invalid_certificate_id']);
    expect(reasons(parseCertificateId('B885-A2-2025-000042-ABCDEFGI'))).toEqual(['invalid_certificate_id']);
    expect(reasons(formatCertificateId({ ...PARTS, key: 'ILOU0000' }))).toEqual(['invalid_certificate_id']);
  });
});
