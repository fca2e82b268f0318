import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors/app-error';
import type { ErrorCode } from '../shared/errors/error-messages';
import type { Locale } from '../shared/i18n/locale';

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  wrong_credentials: 401,
  workstation_unknown: 401,
  workstation_revoked: 401,
  update_required: 426,
  enrolment_code_invalid: 400,
  not_logged_in: 401,
  account_locked: 423,
  account_disabled: 403,
  wrong_comune: 403,
  action_not_allowed: 403,
  clerk_session_required: 401,
  clerk_session_invalid: 401,
  resident_not_found: 404,
  audit_chain_conflict: 409,
};

export const requestLocale = (req: FastifyRequest): Locale =>
  String(req.headers['accept-language'] ?? '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'it';

/** Every hub error leaves as `{error:{code,message,params}}`, in the caller's language; never a stack. */
export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof AppError) {
    return reply.code(STATUS[err.code] ?? 500).send({ error: err.toData(requestLocale(req)) });
  }
  const validation = (err as { validation?: unknown; statusCode?: number }) ?? {};
  if (validation.validation || validation.statusCode === 400 || validation.statusCode === 415) {
    return reply
      .code(400)
      .send({ error: new AppError('invalid_input', { detail: 'JSON' }).toData(requestLocale(req)) });
  }
  req.log.error(err);
  return reply.code(500).send({ error: new AppError('internal').toData(requestLocale(req)) });
}
