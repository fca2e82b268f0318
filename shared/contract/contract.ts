import { z } from 'zod';
import { LOCALES } from '../i18n/locale';
import { contactsSchema } from '../registry/contacts';
import { serviceCalls, type ServicePart } from '../services/registered';
import { certifiabilitySchema } from '../sync/mutations';
import { spec, type CallSpec } from './call-spec';
import type {
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
 * client are derived from this table; a service's calls are declared in its own service.ts.
 */
export type { CallSpec } from './call-spec';

const none = z.object({}).strict();

const coreContract = {
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
  /**
   * After a login refused with password_change_required: the same credentials and the password
   * the person chooses (checked by the hub); opens the session as a login does.
   */
  'session:changePassword': spec<SessionInfo>()(
    z
      .object({
        username: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(256),
        newPassword: z.string().min(1).max(256),
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
  'sync:status': spec<SyncStatus>()(none, 'public'),
  'sync:refresh': spec<SyncStatus>()(none, 'clerk'),
  'sync:exceptions': spec<SyncException[]>()(none, 'clerk'),
  'sync:comuneExceptions': spec<SyncException[]>()(none, 'clerk'),
  'audit:verify': spec<AuditVerification>()(none, 'clerk'),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;

/** The registry core's calls, then each registered service's (shared/services/registered.ts). */
export const contract = { ...coreContract, ...serviceCalls() } as typeof coreContract & ServicePart<'calls'>;

export type Contract = typeof contract;
export type CallName = keyof Contract & string;
export type CallInput<K extends CallName> = z.infer<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Exclude<Contract[K]['output'], undefined>;
