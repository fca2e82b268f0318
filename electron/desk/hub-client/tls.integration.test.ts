import { createServer, type Server } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { AppError } from '../../../shared/errors/app-error';
import { createHubClient } from './hub-client';
import { makeTestCertificates, type TestCertificates } from './test-certificates';
import { assertSecureHubUrl, createHubFetch, readCaCertificate } from './tls';

/**
 * The desk reaching a real hub over HTTPS: the hub behind a TLS-terminating reverse proxy (as
 * docs/deployment.md sets it up), its certificate signed by a CA made for this test with openssl.
 */
describe('desk → hub over HTTPS', () => {
  let hub: TestHub;
  let proxy: Server;
  let certs: TestCertificates;
  let other: TestCertificates;
  let httpsUrl: string;

  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    certs = makeTestCertificates();
    other = makeTestCertificates();
    const upstream = new URL(hub.url);
    proxy = createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
      const fwd = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(fwd);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    httpsUrl = `https://localhost:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy?.closeAllConnections();
    await new Promise((r) => proxy?.close(r));
    await hub?.close();
  });

  const client = (hubUrl: string, caPem?: string) =>
    createHubClient({
      credential: () => ({ hubUrl, workstation: 'Casale - Anagrafe 1', token: hub.casaleToken }),
      version: 'test',
      fetch: createHubFetch(caPem ? { caPem } : {}),
    });

  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  it('mirrors the registry through the pinned CA of the managed configuration', async () => {
    const page = await client(httpsUrl, readCaCertificate(certs.caFile)).registryPage(null, 50);
    expect(page.residents.length).toBeGreaterThan(0);
  });

  it('refuses a hub whose certificate the system does not trust, with a typed error (not "network down")', async () => {
    const err = await refusal(client(httpsUrl).registryPage(null, 50));
    expect(err.code).toBe('hub_certificate_untrusted');
    expect(err.toData('it').message).toMatch(/non è attendibile/);
  });

  it('refuses the hub when another CA is pinned (a certificate from elsewhere is not the hub)', async () => {
    const err = await refusal(client(httpsUrl, other.caPem).registryPage(null, 50));
    expect(err.code).toBe('hub_certificate_untrusted');
  });

  it('refuses plain http to another machine before connecting, in Italian and English', async () => {
    const err = await refusal(client('http://hub.casale.example:8710').registryPage(null, 50));
    expect(err.code).toBe('insecure_hub_url');
    expect(err.toData('it').message).toMatch(/deve essere cifrata/);
    expect(err.toData('en').message).toMatch(/must be encrypted/);
    expect(() => assertSecureHubUrl('ftp://localhost/')).toThrow(AppError);
  });

  it('still talks plain http to a hub on this machine (development, browser mode)', async () => {
    const page = await client(hub.url).registryPage(null, 50);
    expect(page.residents.length).toBeGreaterThan(0);
  });

  it('says which CA file cannot be read', () => {
    expect(() => readCaCertificate(`${certs.dir}/missing.pem`)).toThrow(/ENOENT/);
    expect(() => readCaCertificate(`${certs.dir}/ext.cnf`)).toThrow(/not a PEM certificate/);
  });
});
