import { z } from 'zod';
import { LOCALES } from '../i18n/locale';
import type { CallName } from './call-names';
import { caseContract } from './case-contract';
import { spec, type CallSpec } from './call-spec';
import { certificateRevocationSchema } from '../certificates/certificate-record';
import { contactsSchema } from '../registry/contacts';
import { certifiabilitySchema } from '../sync/mutations';
import {
  countInput,
  debtLookupInput,
  openSessionInput,
  payInput,
  receiptInput,
  reverseInput,
  signOffInput,
} from './cashdesk-inputs';
import type { CounterSessionView, DebtLookup, PaymentDone, PaymentView } from './cashdesk-views';
import {
  certificateIssueInput,
  certificateRequestInput,
  declarationIssueInput,
  declarationRequestInput,
} from './document-inputs';
import type {
  CertificateListItem,
  CertificatePreview,
  DeclarationPreview,
  IssuedCertificate,
  IssuedDocument,
  SetupStatus,
  SyncException,
  AppInfo,
  AuditVerification,
  ResidentDetail,
  SearchResult,
  SessionInfo,
  SyncStatus,
} from './views';

/**
 * The one contract between the UI and the desk core. Each call: a zod schema for its input,
 * its output type, and who may call it. Transports (IPC, browser-mode HTTP) and the renderer
 * client are derived from this table; a new call is one entry here plus one service function.
 */
export type { CallSpec } from './call-spec';

const none = z.object({}).strict();

export const contract = {
  'app:info': spec<AppInfo>()(none, 'public'),
  'app:setLocale': spec<{ locale: (typeof LOCALES)[number] }>()(
    z.object({ locale: z.enum(LOCALES) }).strict(),
    'public',
  ),
  'setup:status': spec<SetupStatus>()(none, 'public'),
  'setup:enrol': spec<SetupStatus>()(
    z
      .object({
        hubUrl: z.string().trim().url().max(200),
        code: z.string().trim().min(4).max(40),
      })
      .strict(),
    'public',
  ),
  'session:login': spec<SessionInfo>()(
    z
      .object({
        username: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(256),
      })
      .strict(),
    'public',
  ),
  'session:logout': spec<{ loggedOut: true }>()(none, 'public'),
  'session:current': spec<SessionInfo | null>()(none, 'public'),
  'registry:search': spec<SearchResult>()(
    z
      .object({
        query: z.string().max(120),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    'clerk',
  ),
  'registry:get': spec<ResidentDetail>()(
    z
      .object({
        id: z.string().min(1).max(64),
        /** why the record is opened: goes to the audit log (DOMAIN.md §12.1) */
        purpose: z.string().trim().min(3).max(200).optional(),
      })
      .strict(),
    'clerk',
  ),
  'registry:updateContacts': spec<ResidentDetail>()(contactsSchema, 'clerk'),
  'registry:setCertifiable': spec<ResidentDetail>()(certifiabilitySchema, 'clerk'),
  'certificates:preview': spec<CertificatePreview>()(certificateRequestInput, 'clerk'),
  'certificates:issue': spec<IssuedCertificate>()(certificateIssueInput, 'clerk'),
  'certificates:pdf': spec<IssuedDocument>()(z.object({ id: z.string().min(1).max(40) }).strict(), 'clerk'),
  'certificates:list': spec<CertificateListItem[]>()(
    z.object({ residentId: z.string().min(1).max(64) }).strict(),
    'clerk',
  ),
  'certificates:revoke': spec<CertificateListItem>()(certificateRevocationSchema, 'clerk'),
  'declarations:preview': spec<DeclarationPreview>()(declarationRequestInput, 'clerk'),
  'declarations:issue': spec<IssuedDocument>()(declarationIssueInput, 'clerk'),
  'sync:status': spec<SyncStatus>()(none, 'public'),
  'sync:refresh': spec<SyncStatus>()(none, 'clerk'),
  'sync:exceptions': spec<SyncException[]>()(none, 'clerk'),
  'sync:comuneExceptions': spec<SyncException[]>()(none, 'clerk'),
  'audit:verify': spec<AuditVerification>()(none, 'clerk'),
  'fines:lookup': spec<DebtLookup>()(debtLookupInput, 'clerk'),
  'cashdesk:current': spec<CounterSessionView | null>()(none, 'clerk'),
  'cashdesk:open': spec<CounterSessionView>()(openSessionInput, 'clerk'),
  'cashdesk:pay': spec<PaymentDone>()(payInput, 'clerk'),
  'cashdesk:receipt': spec<PaymentDone>()(receiptInput, 'clerk'),
  'cashdesk:reverse': spec<CounterSessionView>()(reverseInput, 'clerk'),
  'cashdesk:count': spec<CounterSessionView>()(countInput, 'clerk'),
  'cashdesk:reopen': spec<CounterSessionView>()(none, 'clerk'),
  'cashdesk:signOff': spec<CounterSessionView>()(signOffInput, 'clerk'),
  'cashdesk:report': spec<{ sessionId: string; pdfBase64: string }>()(
    z.object({ sessionId: z.string().uuid() }).strict(),
    'clerk',
  ),
  'cashdesk:duplicates': spec<PaymentView[]>()(none, 'clerk'),
  ...caseContract,
} satisfies { [K in CallName]: CallSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.infer<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Exclude<Contract[K]['output'], undefined>;
