import { z } from 'zod';
import type { AssignableClerk } from '../cases/case-wire';
import { spec, type CallSpec } from './call-spec';
import {
  assignInput,
  attachInput,
  attachmentInput,
  baselineInput,
  burdenInput,
  caseIdInput,
  noteInput,
  openCaseInput,
  openResidenceInput,
  policeCheckInput,
  protocolCancelInput,
  protocolCorrectInput,
  protocolRegisterInput,
  queueInput,
  residentInput,
  transitionInput,
  visitInput,
} from './case-inputs';
import type {
  AttachmentContent,
  BurdenView,
  CaseDashboard,
  CaseDetail,
  HouseholdView,
  IntakeContextView,
  OpenedCase,
  ProcedureView,
  ProtocolRegisterView,
  QueueItem,
  QueuePage,
} from './case-views';

const none = z.object({}).strict();

/** The case engine's contract entries, merged into shared/contract/contract.ts. */
export const caseContract = {
  /** the comune's catalogue in force today */
  'cases:procedures': spec<ProcedureView[]>()(none, 'clerk'),
  /** the supervisor's queue: filter, sort, one window of rows (the list is virtualised) */
  'cases:queue': spec<QueuePage>()(queueInput, 'clerk'),
  'cases:get': spec<CaseDetail>()(caseIdInput, 'clerk'),
  'cases:forResident': spec<QueueItem[]>()(residentInput, 'clerk'),
  'cases:householdOf': spec<HouseholdView>()(residentInput, 'clerk'),
  /** what the intake form needs from the counter: the street list (stradario) and today's date */
  'cases:streets': spec<IntakeContextView>()(none, 'clerk'),
  /** change of residence taken at the counter (DL 5/2012 art. 5) */
  'cases:openResidence': spec<OpenedCase>()(openResidenceInput, 'clerk'),
  'cases:open': spec<OpenedCase>()(openCaseInput, 'clerk'),
  'cases:transition': spec<CaseDetail>()(transitionInput, 'clerk'),
  /** supervisors: assign or reassign one or many cases */
  'cases:assign': spec<{ assigned: number }>()(assignInput, 'clerk'),
  'cases:note': spec<CaseDetail>()(noteInput, 'clerk'),
  'cases:attach': spec<CaseDetail>()(attachInput, 'clerk'),
  'cases:attachment': spec<AttachmentContent>()(attachmentInput, 'clerk'),
  'cases:policeCheck': spec<CaseDetail>()(policeCheckInput, 'clerk'),
  'cases:visit': spec<CaseDetail>()(visitInput, 'clerk'),
  'cases:clerks': spec<AssignableClerk[]>()(none, 'clerk'),
  'cases:dashboard': spec<CaseDashboard>()(none, 'clerk'),
  'cases:burden': spec<BurdenView>()(burdenInput, 'clerk'),
  'cases:setBaseline': spec<BurdenView>()(baselineInput, 'clerk'),
  'cases:protocolRegister': spec<ProtocolRegisterView>()(protocolRegisterInput, 'clerk'),
  'cases:protocolCancel': spec<ProtocolRegisterView>()(protocolCancelInput, 'clerk'),
  'cases:protocolCorrect': spec<ProtocolRegisterView>()(protocolCorrectInput, 'clerk'),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
