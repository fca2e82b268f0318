import type { caseContract } from '../../../shared/contract/case-contract';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { DeskContext } from '../context';
import type { SyncEngine } from '../sync/sync-engine';
import {
  assignableClerks,
  burden,
  protocolCancel,
  protocolCorrect,
  protocolRegister,
  setBaseline,
} from './case-hub-services';
import { casesOfResident, dashboard, queue } from './case-queries';
import {
  assignCases,
  attachmentOf,
  attachToCase,
  getCase,
  householdOf,
  noteCase,
  openCase,
  openResidence,
  policeCheck,
  procedures,
  streets,
  transitionCase,
  visitCase,
} from './case-service';

type CaseCallName = keyof typeof caseContract;

/** One service function per `cases:…` call, merged into the desk's handlers. */
export const createCaseHandlers = (
  _engine: SyncEngine,
): { [K in CaseCallName]: (ctx: DeskContext, input: CallInput<K>) => Promise<CallOutput<K>> } => ({
  'cases:procedures': (ctx) => procedures(ctx),
  'cases:queue': queue,
  'cases:get': getCase,
  'cases:forResident': casesOfResident,
  'cases:householdOf': householdOf,
  'cases:streets': (ctx) => streets(ctx),
  'cases:openResidence': openResidence,
  'cases:open': openCase,
  'cases:transition': transitionCase,
  'cases:assign': assignCases,
  'cases:note': noteCase,
  'cases:attach': attachToCase,
  'cases:attachment': attachmentOf,
  'cases:policeCheck': policeCheck,
  'cases:visit': visitCase,
  'cases:clerks': (ctx) => assignableClerks(ctx),
  'cases:dashboard': (ctx) => dashboard(ctx),
  'cases:burden': burden,
  'cases:setBaseline': setBaseline,
  'cases:protocolRegister': protocolRegister,
  'cases:protocolCancel': protocolCancel,
  'cases:protocolCorrect': protocolCorrect,
});
