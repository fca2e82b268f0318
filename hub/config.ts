import { parseArgs } from 'node:util';
import type { Role } from '../shared/contract/views';

const ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

export interface HubCliArgs {
  command: string;
  port: number;
  /** serve: the address to listen on (`--host`, HUB_HOST); 127.0.0.1 unless a proxy or other machines need more */
  host: string;
  dataDir: string;
  residents: number;
  seed: number;
  comune: string;
  name: string;
  user: string;
  /** CSV to import (import-verbali, import-positions) */
  file: string;
  /** serve: seed demo comuni, users and registry into an empty store (`--demo` or SPORTELLO_DEMO=1) */
  demo: boolean;
  /** create-user: clerk, supervisor or admin */
  role: Role;
  /** create-admin, create-user: the person's name as the desk shows it */
  displayName: string;
  /** canone yearly: the year whose notices to issue (default: the current year) */
  year: number | null;
  /** school bill: the month to bill, YYYY-MM (default: the month just ended) */
  month: string;
  /** school attendance: the school's code (codice meccanografico) */
  school: string;
  /** release publish: the desk version, its notes, its blockmap and platform (hub/updates) */
  version: string;
  notes: string;
  blockmap: string;
  platform: string;
  /** enrol, workstation offices: the offices a workstation serves, comma-separated (null: not given) */
  office: string | null;
  /** enrol: the update ring IT puts the workstation in (null: its comune's) */
  ring: string | null;
}

export function parseHubArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HubCliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: env.SPORTELLO_HUB_PORT ?? '8710' },
      host: { type: 'string', default: env.HUB_HOST ?? '127.0.0.1' },
      data: { type: 'string', default: env.SPORTELLO_DATA ?? 'data' },
      residents: { type: 'string', default: '35000' },
      seed: { type: 'string', default: '20261126' },
      comune: { type: 'string', default: 'B885' },
      name: { type: 'string', default: 'Casale - Anagrafe 1' },
      user: { type: 'string', default: '' },
      file: { type: 'string', default: '' },
      demo: { type: 'boolean', default: false },
      role: { type: 'string', default: 'clerk' },
      'display-name': { type: 'string', default: '' },
      year: { type: 'string', default: '' },
      month: { type: 'string', default: '' },
      school: { type: 'string', default: '' },
      version: { type: 'string', default: '' },
      notes: { type: 'string', default: '' },
      blockmap: { type: 'string', default: '' },
      platform: { type: 'string', default: '' },
      office: { type: 'string' },
      ring: { type: 'string' },
    },
  });
  const int = (v: string, what: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${what} must be a whole number, got "${v}"`);
    return n;
  };
  const role = ROLES.find((r) => r === values.role);
  if (!role) throw new Error(`--role must be one of ${ROLES.join(', ')}, got "${values.role}"`);
  return {
    command: positionals[0] ?? 'serve',
    port: int(values.port, 'port'),
    host: values.host.trim() || '127.0.0.1',
    dataDir: values.data,
    residents: int(values.residents, 'residents'),
    seed: int(values.seed, 'seed'),
    comune: values.comune.toUpperCase(),
    name: values.name,
    user: values.user,
    file: values.file,
    demo: values.demo || env.SPORTELLO_DEMO === '1',
    role,
    displayName: values['display-name'],
    year: values.year === '' ? null : int(values.year, 'year'),
    month: values.month,
    school: values.school.toUpperCase(),
    version: values.version,
    notes: values.notes,
    blockmap: values.blockmap,
    platform: values.platform,
    office: values.office ?? null,
    ring: values.ring ?? null,
  };
}
