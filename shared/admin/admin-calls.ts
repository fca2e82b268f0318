import { z } from 'zod';
import { spec, type CallSpec } from '../contract/call-spec';
import {
  enrolmentCodeRequestSchema,
  newUserSchema,
  updateUserSchema,
  type AdminUsersView,
  type AdminWorkstationsView,
  type CreatedUserView,
  type EnrolmentCodeView,
  type PasswordResetView,
  type AdminUserView,
  type RevokedView,
  type StaffNamesView,
} from './admin-wire';

const username = z.string().trim().min(1).max(64);
const none = z.object({}).strict();

/**
 * The desk contract entries of the admin screens (`admin:…`): online only, with the admin's own
 * hub session; the desk refuses other roles before asking and the hub refuses them again.
 */
export const ADMIN_CALLS = {
  'admin:users': spec<AdminUsersView>()(none, 'clerk'),
  'admin:createUser': spec<CreatedUserView>()(newUserSchema, 'clerk'),
  'admin:updateUser': spec<AdminUserView>()(updateUserSchema.extend({ username }), 'clerk'),
  'admin:setDisabled': spec<AdminUserView>()(z.object({ username, disabled: z.boolean() }).strict(), 'clerk'),
  'admin:resetPassword': spec<PasswordResetView>()(z.object({ username }).strict(), 'clerk'),
  'admin:workstations': spec<AdminWorkstationsView>()(none, 'clerk'),
  'admin:enrolmentCode': spec<EnrolmentCodeView>()(enrolmentCodeRequestSchema, 'clerk'),
  'admin:revokeWorkstation': spec<RevokedView>()(
    z.object({ id: z.string().trim().min(1).max(80) }).strict(),
    'clerk',
  ),
  /** every clerk: display names of the comune's staff (the hub's, cached here for offline) */
  'admin:staffNames': spec<StaffNamesView>()(none, 'clerk'),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
