import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away CA and a hub certificate it signed, made with the openssl CLI (node:crypto cannot
 * issue X.509 certificates). Test-only: the comune's real CA comes from the managed configuration.
 */
export interface TestCertificates {
  dir: string;
  caFile: string;
  caPem: string;
  keyPem: string;
  certPem: string;
}

export function makeTestCertificates(
  hostnames: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1'],
): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-ca-'));
  const f = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Sportello Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  ssl(
    'req',
    ...ec,
    '-keyout',
    f('hub.key'),
    '-out',
    f('hub.csr'),
    '-subj',
    `/CN=${hostnames[0] ?? 'localhost'}`,
  );
  const san = [...hostnames.map((h) => `DNS:${h}`), ...ips.map((ip) => `IP:${ip}`)].join(',');
  writeFileSync(
    f('ext.cnf'),
    `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  ssl(
    'x509',
    '-req',
    '-in',
    f('hub.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('hub.pem'),
    '-days',
    '2',
    '-extfile',
    f('ext.cnf'),
  );
  return {
    dir,
    caFile: f('ca.pem'),
    caPem: readFileSync(f('ca.pem'), 'utf8'),
    keyPem: readFileSync(f('hub.key'), 'utf8'),
    certPem: readFileSync(f('hub.pem'), 'utf8'),
  };
}
