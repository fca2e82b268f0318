import {
  ADMIN_ENROLMENT_CODES_PATH,
  ADMIN_USER_PASSWORD_PATH,
  ADMIN_USER_PATH,
  ADMIN_USER_STATUS_PATH,
  ADMIN_USERS_PATH,
  ADMIN_WORKSTATION_REVOKE_PATH,
  ADMIN_WORKSTATIONS_PATH,
  adminPath,
  adminUserSchema,
  adminUsersSchema,
  adminWorkstationsSchema,
  createdUserSchema,
  enrolmentCodeSchema,
  passwordResetSchema,
  revokedSchema,
} from '../../../shared/admin/admin-wire';
import { requireAllowed, type Action } from '../../../shared/auth/policy';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { requireSession, type DeskContext } from '../context';

/**
 * The admin screens' calls: online only, forwarded to the hub's admin routes with the admin's
 * own hub session. The desk refuses other roles before asking (the menu is hidden too); the hub
 * refuses them again, it trusts no desk.
 */
function adminSession(ctx: DeskContext, action: Action): string {
  const session = requireSession(ctx);
  requireAllowed(session.info.clerk.role, action);
  if (!session.hubToken) throw new AppError('hub_unreachable');
  return session.hubToken;
}

export const adminHandlers = {
  'admin:users': (ctx: DeskContext): Promise<CallOutput<'admin:users'>> =>
    ctx.hub.call(
      ADMIN_USERS_PATH,
      { method: 'GET', clerkToken: adminSession(ctx, 'admin.users') },
      adminUsersSchema,
    ),

  'admin:createUser': (ctx: DeskContext, input: CallInput<'admin:createUser'>) =>
    ctx.hub.call(
      ADMIN_USERS_PATH,
      { method: 'POST', body: input, clerkToken: adminSession(ctx, 'admin.users') },
      createdUserSchema,
    ),

  'admin:updateUser': (ctx: DeskContext, input: CallInput<'admin:updateUser'>) => {
    const { username, ...change } = input;
    return ctx.hub.call(
      adminPath(ADMIN_USER_PATH, { username }),
      { method: 'PUT', body: change, clerkToken: adminSession(ctx, 'admin.users') },
      adminUserSchema,
    );
  },

  'admin:setDisabled': (ctx: DeskContext, input: CallInput<'admin:setDisabled'>) =>
    ctx.hub.call(
      adminPath(ADMIN_USER_STATUS_PATH, { username: input.username }),
      { method: 'POST', body: { disabled: input.disabled }, clerkToken: adminSession(ctx, 'admin.users') },
      adminUserSchema,
    ),

  'admin:resetPassword': (ctx: DeskContext, input: CallInput<'admin:resetPassword'>) =>
    ctx.hub.call(
      adminPath(ADMIN_USER_PASSWORD_PATH, { username: input.username }),
      { method: 'POST', body: {}, clerkToken: adminSession(ctx, 'admin.users') },
      passwordResetSchema,
    ),

  'admin:workstations': (ctx: DeskContext) =>
    ctx.hub.call(
      ADMIN_WORKSTATIONS_PATH,
      { method: 'GET', clerkToken: adminSession(ctx, 'admin.workstations') },
      adminWorkstationsSchema,
    ),

  'admin:enrolmentCode': (ctx: DeskContext, input: CallInput<'admin:enrolmentCode'>) =>
    ctx.hub.call(
      ADMIN_ENROLMENT_CODES_PATH,
      { method: 'POST', body: input, clerkToken: adminSession(ctx, 'admin.workstations') },
      enrolmentCodeSchema,
    ),

  'admin:revokeWorkstation': (ctx: DeskContext, input: CallInput<'admin:revokeWorkstation'>) =>
    ctx.hub.call(
      adminPath(ADMIN_WORKSTATION_REVOKE_PATH, { id: input.id }),
      { method: 'POST', body: {}, clerkToken: adminSession(ctx, 'admin.workstations') },
      revokedSchema,
    ),
};
