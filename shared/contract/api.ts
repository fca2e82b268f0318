import type { Result } from '../errors/app-error';
import type { CallName, DomainOf, VerbOf } from './call-names';
import type { CallInput, CallOutput } from './contract';

/** The contract as one object, `api.registry.search({...})`, over any transport. */
export type SportelloApi = {
  [D in DomainOf<CallName>]: {
    [V in VerbOf<CallName, D>]: (
      input: CallInput<`${D}:${V}` & CallName>,
    ) => Promise<Result<CallOutput<`${D}:${V}` & CallName>>>;
  };
};

/** A transport moves one call and its raw input; validation happens on the core's side. */
export type Invoke = (call: CallName, input: unknown) => Promise<Result<unknown>>;
