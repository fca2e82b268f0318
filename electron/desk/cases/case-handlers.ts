import type { CASE_CALL_NAMES } from '../../../shared/contract/case-call-names';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { DeskContext } from '../context';
import type { SyncEngine } from '../sync/sync-engine';

type CaseCallName = (typeof CASE_CALL_NAMES)[number];

/** One service function per `cases:…` call, merged into the desk's handlers. */
export const createCaseHandlers = (
  _engine: SyncEngine,
): { [K in CaseCallName]: (ctx: DeskContext, input: CallInput<K>) => Promise<CallOutput<K>> } => ({});
