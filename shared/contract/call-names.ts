import { CASE_CALL_NAMES } from './case-call-names';

/**
 * The names of every call across the desk boundary, `domain:verb`. Kept free of zod so the
 * sandboxed preload can derive `window.sportello` from it without bundling schemas; the
 * contract (contract.ts) must define exactly these names, and the compiler checks it.
 */
export const CALL_NAMES = [
  'app:info',
  'app:setLocale',
  'setup:status',
  'setup:enrol',
  'session:login',
  'session:logout',
  'session:current',
  'registry:search',
  'registry:get',
  'registry:updateContacts',
  'registry:setCertifiable',
  'certificates:preview',
  'certificates:issue',
  'certificates:pdf',
  'certificates:list',
  'certificates:revoke',
  'declarations:preview',
  'declarations:issue',
  'sync:status',
  'sync:refresh',
  'sync:exceptions',
  'sync:comuneExceptions',
  'audit:verify',
  'fines:lookup',
  'cashdesk:current',
  'cashdesk:open',
  'cashdesk:pay',
  'cashdesk:receipt',
  'cashdesk:reverse',
  'cashdesk:count',
  'cashdesk:reopen',
  'cashdesk:signOff',
  'cashdesk:report',
  'cashdesk:duplicates',
  ...CASE_CALL_NAMES,
] as const;

export type CallName = (typeof CALL_NAMES)[number];

export type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never;
export type VerbOf<K extends string, D extends string> = K extends `${D}:${infer V}` ? V : never;

export function splitCallName(name: CallName): { domain: string; verb: string } {
  const [domain = '', verb = ''] = name.split(':');
  return { domain, verb };
}
