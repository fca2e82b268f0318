import type { z } from 'zod';
import type { Rule } from '../auth/rule';
import type { CallSpec } from '../contract/call-spec';
import type { Locale } from '../i18n/locale';

/**
 * Everything the runtimes need to know about one service, declared once in the service's own
 * `shared/<service>/service.ts` and listed in `registered.ts`. The central lists (the desk
 * contract, the mutations the hub accepts, the change-log kinds, who may do what, the wording)
 * are built from these declarations; nothing else names a service.
 */
export interface ServiceDefinition {
  /** the service's folder name in every layer */
  id: string;
  /** calls the service's screens make to the desk core, `domain:verb` */
  calls: Record<string, CallSpec<z.ZodType, unknown>>;
  /** offline changes the desk queues and the hub applies again, `domain.verb` */
  mutations: Record<string, z.ZodType>;
  /** who may ask for each mutation (and any other action the service checks by name) */
  rules: Record<string, Rule>;
  /** kinds of record the hub's change log carries to the counters for this service */
  entities: readonly string[];
  /** of those, the ones a new counter reads back after its registry bootstrap */
  backfilled: readonly string[];
  /**
   * of those, kinds only the workstations of one office receive (special-category data, DOMAIN.md
   * §12.1): kind → office code. The hub's pull leaves them out for every other counter.
   */
  officeEntities?: Readonly<Record<string, string>>;
  /** refusals a clerk may meet, in each language */
  errors: Record<string, Record<Locale, string>>;
  /** screen wording, in each language */
  ui: Record<Locale, Record<string, string>>;
}

/** Identity at run time; keeps the literal keys of each part for the merged types. */
export const defineService = <const S extends ServiceDefinition>(service: S): S => service;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;

/** One part (e.g. `mutations`) of every listed service, merged into one type. */
export type MergedPart<
  S extends readonly ServiceDefinition[],
  K extends keyof ServiceDefinition,
> = UnionToIntersection<S[number][K]>;

/** The same part merged at run time; a key declared by two services is a mistake caught here. */
export function mergePart<
  S extends readonly ServiceDefinition[],
  K extends 'calls' | 'mutations' | 'rules' | 'errors',
>(services: S, part: K): MergedPart<S, K> {
  const merged: Record<string, unknown> = {};
  for (const service of services) {
    for (const [key, value] of Object.entries(service[part])) {
      if (Object.hasOwn(merged, key))
        throw new Error(`${part} "${key}" declared twice (service ${service.id})`);
      merged[key] = value;
    }
  }
  return merged as MergedPart<S, K>;
}
