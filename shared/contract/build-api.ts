import type { SportelloApi, Invoke } from './api';
import { CALL_NAMES, splitCallName } from './call-names';

/** Builds the nested `SportelloApi` object over any transport (IPC in Electron, HTTP in browser mode). */
export function buildApi(invoke: Invoke): SportelloApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of CALL_NAMES) {
    const { domain, verb } = splitCallName(name);
    api[domain] ??= {};
    const domainApi = api[domain];
    if (domainApi) domainApi[verb] = (input: unknown) => invoke(name, input ?? {});
  }
  return api as unknown as SportelloApi;
}
