import { contract, type CallName } from './contract';

export type { CallName };

/** The names of every call across the desk boundary, `domain:verb`: the contract's keys. */
export const CALL_NAMES = Object.keys(contract) as CallName[];

export type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never;
export type VerbOf<K extends string, D extends string> = K extends `${D}:${infer V}` ? V : never;

export function splitCallName(name: CallName): { domain: string; verb: string } {
  const [domain = '', verb = ''] = name.split(':');
  return { domain, verb };
}
