import { z } from 'zod';
import { isoDateSchema } from '../calendar/date-schemas';
import { updateRingSchema } from '../updates/update-ring';

/**
 * Wire format of the first, simple bootstrap pull (hub → desk). Validated on arrival: the desk
 * never writes what it has not checked. The full sync engine (change log, cursor) grows from it.
 */

export const addressSchema = z.object({
  streetType: z.string().max(40),
  streetName: z.string().min(1).max(120),
  houseNumber: z.string().max(20),
  /**
   * interno / scala / piano. A registration writes the counter's three fields (20 each) as
   * `int. … · scala … · piano …` (interiorText, residence-case.ts): 81 characters at most.
   */
  interior: z.string().max(100),
  cap: z.string().regex(/^\d{5}$/),
  frazione: z.string().max(80),
});

export const familySchema = z.object({
  id: z.string().min(1).max(64),
  comune: z.string().length(4),
  address: addressSchema,
  since: isoDateSchema,
});

export const residentSchema = z.object({
  id: z.string().min(1).max(64),
  comune: z.string().length(4),
  codiceFiscale: z.string().length(16),
  surname: z.string().min(1).max(120),
  givenNames: z.string().min(1).max(120),
  sex: z.enum(['M', 'F']),
  birthDate: isoDateSchema,
  birthPlaceCode: z.string().length(4),
  birthPlaceName: z.string().max(120),
  citizenship: z.string().length(2),
  civilStatus: z.enum(['celibe_nubile', 'coniugato', 'vedovo', 'divorziato', 'unito_civilmente']),
  status: z.enum(['resident', 'deceased', 'emigrated']),
  statusDate: isoDateSchema.nullable(),
  familyId: z.string().min(1).max(64),
  relationship: z.enum([
    'intestatario',
    'coniuge',
    'unito_civilmente',
    'convivente',
    'figlio',
    'genitore',
    'fratello_sorella',
    'nipote',
    'suocero',
    'altro',
  ]),
  registeredOn: isoDateSchema,
  /** contact details recorded at the counter (mutation registry.updateContacts) */
  phone: z.string().max(20).nullable().default(null),
  email: z.string().max(254).nullable().default(null),
  /** the comune marked the record as not certifiable (DOMAIN.md §1.2) */
  notCertifiable: z.boolean().default(false),
  /** the identity card the comune issued (shared/registry/identity-card.ts), a search key at the desk */
  identityCard: z
    .object({ kind: z.enum(['cie', 'carta_identita']), number: z.string().regex(/^[A-Z0-9]{5,20}$/) })
    .nullable()
    .default(null),
});

/** A resident as the hub sends it: the registry facts plus the counter's contact details. */
export type WireResident = z.infer<typeof residentSchema>;

export const residentEventSchema = z.object({
  id: z.string().min(1).max(64),
  residentId: z.string().min(1).max(64),
  kind: z.enum(['birth', 'immigration', 'address_change', 'marriage', 'emigration', 'death']),
  date: isoDateSchema,
  /**
   * A registration writes `Cambio di abitazione: <full address> (prot. <number>)`: the longest
   * address a declaration allows makes it about 310 characters.
   */
  description: z.string().max(400),
});

/** A page cursor: the id of the last family of the page before. */
export const registryCursorSchema = familySchema.shape.id;

export const registryPageSchema = z.object({
  comune: z.object({
    belfiore: z.string().length(4),
    name: z.string(),
    istat: z.string(),
    province: z.string(),
    cap: z.string(),
  }),
  totalFamilies: z.number().int().nonnegative(),
  families: z.array(familySchema),
  residents: z.array(residentSchema),
  events: z.array(residentEventSchema),
  /** change-log position when the page was read: pull from here once the bootstrap is done */
  head: z.number().int().nonnegative(),
  epoch: z.number().int().positive(),
  /** family id to pass as `after` for the next page; null on the last page */
  next: registryCursorSchema.nullable(),
});

export type RegistryPage = z.infer<typeof registryPageSchema>;

export const REGISTRY_PAGE_PATH = '/api/v1/registry/pages';

/**
 * The page's `next`, also sent as a header: the desk reads it as soon as the answer is in, before
 * parsing and checking the body, and asks for the following page meanwhile (the hub prepares it
 * while the desk parses). The body's `next` stays the authority; a desk that finds them different stops.
 */
export const REGISTRY_NEXT_HEADER = 'x-sportello-next';
export const LOGIN_PATH = '/api/v1/auth/login';
/** ends the clerk session named by `x-sportello-clerk` */
export const LOGOUT_PATH = '/api/v1/auth/logout';
/** the person of the `x-sportello-clerk` session chooses their own password */
export const PASSWORD_PATH = '/api/v1/auth/password';
export const ENROL_PATH = '/api/v1/enrol';
export const PUSH_PATH = '/api/v1/sync/push';
export const CHANGES_PATH = '/api/v1/sync/changes';
export const EXCEPTIONS_PATH = '/api/v1/sync/exceptions';
/** Sent by the desk on every call; the hub refuses versions older than MIN_PROTOCOL_VERSION. */
export const PROTOCOL_VERSION = 2;
export const MIN_PROTOCOL_VERSION = 2;

export const loginResponseSchema = z.object({
  token: z.string().min(16),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['clerk', 'supervisor', 'admin']),
    comune: z.string().length(4),
    /** offices beside the role (shared/social/social-access.ts): e.g. servizi_sociali */
    offices: z.array(z.string().max(40)).max(20).default([]),
  }),
  comune: z.object({ belfiore: z.string().length(4), name: z.string() }),
  /** the workstation's numbering series (certificates, receipts): refreshed at every online login */
  workstationSeries: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/)
    .nullable()
    .default(null),
  /**
   * Uploads what this clerk does at this workstation, also after an offline login here, until it
   * expires (the offline grace). The desk keeps it sealed with the clerk's password.
   */
  pushKey: z.string().min(16).max(128),
  pushKeyExpiresAt: z.string().datetime(),
  /**
   * The password was made by the hub (an admin's reset, a new account): the session may only
   * choose a new one (PASSWORD_PATH); every other call is refused with password_change_required.
   * Absent from hubs older than this field, which never ask.
   */
  mustChangePassword: z.boolean().default(false),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const passwordChangeSchema = z
  .object({
    /** the password the session was opened with: whoever finds a counter left open cannot change it */
    password: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .strict();
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** Error body the hub sends on every non-2xx answer. */
export const hubErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});

/**
 * What a new workstation sends to enrol: the one-time code IT typed (or the managed configuration
 * preset) and, optionally, the update ring the managed configuration names. That ring is the
 * client's claim: the hub places the PC in the ring IT chose with the code (`workstation enrol
 * --ring`) or its comune's, and answers which one (`ring`); the field stays so that managed
 * desks enrol unchanged.
 */
export const enrolRequestSchema = z
  .object({ code: z.string().trim().min(4).max(40), ring: updateRingSchema.optional() })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  token: z.string().min(16),
  workstation: z.object({
    id: z.string(),
    name: z.string(),
    series: z.string().regex(/^[A-Z0-9]{1,8}$/),
  }),
  comune: z.object({ belfiore: z.string().length(4), name: z.string() }),
  /** the update ring the workstation is in after enrolment (absent from older hubs) */
  ring: updateRingSchema.optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const hubExceptionsSchema = z.object({
  exceptions: z.array(
    z.object({
      mutationId: z.string(),
      name: z.string(),
      args: z.unknown(),
      clerk: z.string(),
      workstation: z.string(),
      code: z.string(),
      message: z.string(),
      at: z.string(),
      /** push: a mutation the hub refused; pull: a record of the log a counter set aside */
      source: z.enum(['push', 'pull']).default('push'),
      /** pull only: what the record is, from the hub's own log */
      entity: z.string().optional(),
      entityId: z.string().optional(),
    }),
  ),
});
export type HubExceptions = z.infer<typeof hubExceptionsSchema>;
