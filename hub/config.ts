import { parseArgs } from 'node:util';

export interface HubCliArgs {
  command: string;
  port: number;
  dataDir: string;
  residents: number;
  seed: number;
  comune: string;
  name: string;
  user: string;
  /** CSV to import (import-verbali, import-positions) */
  file: string;
}

export function parseHubArgs(argv: string[]): HubCliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env.SPORTELLO_HUB_PORT ?? '8710' },
      data: { type: 'string', default: process.env.SPORTELLO_DATA ?? 'data' },
      residents: { type: 'string', default: '35000' },
      seed: { type: 'string', default: '20261126' },
      comune: { type: 'string', default: 'B885' },
      name: { type: 'string', default: 'Casale - Anagrafe 1' },
      user: { type: 'string', default: '' },
      file: { type: 'string', default: '' },
    },
  });
  const int = (v: string, what: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${what} must be a whole number, got "${v}"`);
    return n;
  };
  return {
    command: positionals[0] ?? 'serve',
    port: int(values.port, 'port'),
    dataDir: values.data,
    residents: int(values.residents, 'residents'),
    seed: int(values.seed, 'seed'),
    comune: values.comune.toUpperCase(),
    name: values.name,
    user: values.user,
    file: values.file,
  };
}
