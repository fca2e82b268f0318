import { readFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { AppError } from '../../../shared/errors/app-error';

/**
 * How the desk reaches the hub. Residents' data and device credentials travel on this
 * connection, so in production it is HTTPS: trusted through the system's certificate store or,
 * when the managed configuration names one, only through the comune's own CA (pinned). Plain
 * http:// is refused unless the hub is this same machine (development, browser-mode tests, a hub
 * behind a local reverse proxy).
 */
export interface HubTlsOptions {
  /** PEM of the CA that signs the hub's certificate (managed configuration `caCertificate`) */
  caPem?: string | null;
}

export type HubFetch = (url: URL, init: RequestInit) => Promise<Response>;

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(host)) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** https:// anywhere, http:// to this machine only; anything else is refused with a typed error. */
export function assertSecureHubUrl(url: string | URL): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('insecure_hub_url', { url: String(url) });
  }
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return u;
  throw new AppError('insecure_hub_url', { url: `${u.protocol}//${u.host}` });
}

export function readCaCertificate(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('ca_certificate_unreadable', {
      file,
      detail: (err as NodeJS.ErrnoException).code ?? 'error',
    });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new AppError('ca_certificate_unreadable', { file, detail: 'not a PEM certificate' });
  return pem;
}

/**
 * The roots trusted when no CA is pinned: Node's bundled list plus, where the runtime can read it
 * (Node ≥ 22.15, i.e. Electron's), the operating system's store, where a comune's IT installs its
 * own CA through group policy.
 */
function systemTrust(): string[] | undefined {
  const get = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (!get) return undefined;
  try {
    return [...get('default'), ...get('system')];
  } catch {
    return undefined;
  }
}

/** Node's TLS failures that mean "this is not the hub we trust", not "the hub is down". */
const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A fetch for the hub client: refuses insecure URLs before connecting, sends https through an
 * agent that trusts exactly what HubTlsOptions says, and turns a certificate failure into a typed
 * error (a clerk must not be told "network down" when the hub presents the wrong certificate).
 * Loopback http goes through the runtime's fetch unchanged.
 */
export function createHubFetch(opts: HubTlsOptions = {}): HubFetch {
  const ca = opts.caPem ? [opts.caPem] : systemTrust();
  const agent = new Agent({ keepAlive: true, maxSockets: 8, ...(ca ? { ca } : {}) });
  return async (url, init) => {
    const target = assertSecureHubUrl(url);
    if (target.protocol === 'http:') return fetch(target, init);
    return httpsFetch(target, init, agent);
  };
}

function httpsFetch(url: URL, init: RequestInit, agent: Agent): Promise<Response> {
  return new Promise<Response>((resolvePromise, reject) => {
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers.set('content-length', String(Buffer.byteLength(body)));
    const req = httpsRequest(
      url,
      {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(headers.entries()),
        agent,
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
          }
          const status = res.statusCode ?? 502;
          const noBody = status === 204 || status === 304;
          resolvePromise(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: out }));
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code && CERTIFICATE_ERRORS.has(err.code)) {
        reject(new AppError('hub_certificate_untrusted', { host: url.host, detail: err.code }));
      } else reject(err);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}
