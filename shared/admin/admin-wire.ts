import { z } from 'zod';
import type { Role } from '../contract/views';

/**
 * The hub's admin routes (users and workstations of the admin's own comune), the same functions
 * IT runs at the hub's command line (hub/admin/*.ts). The desk reaches them with the admin's own
 * hub session; the hub checks the role again on every call.
 */
export const ADMIN_API = '/api/v1/admin';
export const ADMIN_USERS_PATH = `${ADMIN_API}/users`;
export const ADMIN_USER_PATH = `${ADMIN_API}/users/:username`;
export const ADMIN_USER_STATUS_PATH = `${ADMIN_API}/users/:username/status`;
export const ADMIN_USER_PASSWORD_PATH = `${ADMIN_API}/users/:username/password`;
export const ADMIN_WORKSTATIONS_PATH = `${ADMIN_API}/workstations`;
export const ADMIN_ENROLMENT_CODES_PATH = `${ADMIN_API}/workstations/codes`;
export const ADMIN_WORKSTATION_REVOKE_PATH = `${ADMIN_API}/workstations/:id/revoke`;
/** every staff member's display name, for any clerk of the comune (queues, registers, audit views) */
export const STAFF_NAMES_PATH = '/api/v1/staff/names';

export const adminPath = (template: string, params: Record<string, string>): string =>
  template.replace(/:([a-z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));

// The role travels as text: an unknown one is refused by name (`role_unknown`), not as a bad field.
const roleText = z.string().trim().min(1).max(20);
const offices = z.array(z.string().trim().min(1).max(40)).max(10);
const displayName = z.string().trim().min(1).max(120);

export const usernameParamSchema = z.object({ username: z.string().trim().min(1).max(64) }).strict();
export const workstationParamSchema = z.object({ id: z.string().trim().min(1).max(80) }).strict();

export const newUserSchema = z
  .object({
    username: z.string().max(64),
    displayName,
    role: roleText,
    offices,
    /** empty or absent: the hub makes a one-time password, shown once to the admin */
    password: z.string().max(200).optional(),
  })
  .strict();
export type NewUserRequest = z.infer<typeof newUserSchema>;

export const updateUserSchema = z.object({ displayName, role: roleText, offices }).strict();
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

export const userStatusSchema = z.object({ disabled: z.boolean() }).strict();

export const enrolmentCodeRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    offices,
    /** null: the comune's update ring */
    ring: z.string().trim().min(1).max(40).nullable(),
  })
  .strict();
export type EnrolmentCodeRequest = z.infer<typeof enrolmentCodeRequestSchema>;

const roleSchema = z.enum(['clerk', 'supervisor', 'admin']) satisfies z.ZodType<Role>;

export const adminUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  offices: z.array(z.string()),
  disabled: z.boolean(),
  /** locked after failed logins (until a reset or the lockout ends) */
  locked: z.boolean(),
});
export type AdminUserView = z.infer<typeof adminUserSchema>;

export const adminUsersSchema = z.object({
  users: z.array(adminUserSchema),
  roles: z.array(roleSchema),
  offices: z.array(z.string()),
});
export type AdminUsersView = z.infer<typeof adminUsersSchema>;

/** `password`: the one the hub made, shown once (null when the admin typed one) */
export const createdUserSchema = z.object({ user: adminUserSchema, password: z.string().nullable() });
export type CreatedUserView = z.infer<typeof createdUserSchema>;

export const passwordResetSchema = z.object({ username: z.string(), password: z.string() });
export type PasswordResetView = z.infer<typeof passwordResetSchema>;

export const adminWorkstationSchema = z.object({
  id: z.string(),
  name: z.string(),
  series: z.string().nullable(),
  offices: z.array(z.string()),
  ring: z.string(),
  /** the desk version it last reported (null: never reported) */
  version: z.string().nullable(),
  /** the hub's instant of its last upload or report (null: never) */
  lastSyncAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type AdminWorkstationView = z.infer<typeof adminWorkstationSchema>;

export const adminWorkstationsSchema = z.object({
  workstations: z.array(adminWorkstationSchema),
  /** codes issued and not used yet (never the code itself: only its hash is kept) */
  pendingCodes: z.array(z.object({ name: z.string(), expiresAt: z.string() })),
  rings: z.array(z.string()),
  offices: z.array(z.string()),
});
export type AdminWorkstationsView = z.infer<typeof adminWorkstationsSchema>;

/** the one-time code, shown once */
export const enrolmentCodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  expiresAt: z.string(),
  offices: z.array(z.string()),
  ring: z.string().nullable(),
});
export type EnrolmentCodeView = z.infer<typeof enrolmentCodeSchema>;

export const revokedSchema = z.object({ id: z.string(), revokedAt: z.string() });
export type RevokedView = z.infer<typeof revokedSchema>;

export const staffNamesSchema = z.object({ names: z.record(z.string(), z.string()) });
export type StaffNamesView = z.infer<typeof staffNamesSchema>;
