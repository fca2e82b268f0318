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
  enrolment_locked: 423,
  too_many_requests: 429,
  verification_rate_limited: 429,
  kiosk_rate_limited: 429,
  booking_slot_taken: 409,
  visit_counter_taken: 409,
  visit_office_not_served: 403,
  admin_only: 403,
  account_disabled: 403,
  password_change_required: 403,
  wrong_comune: 403,
  action_not_allowed: 403,
  social_office_only: 403,
  social_supervisors_only: 403,
  social_workstation_outside_office: 403,
  clerk_session_required: 401,
  clerk_session_invalid: 401,
  resident_not_found: 404,
  unknown_call: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  malformed_json: 400,
  unsupported_media_type: 415,
  body_too_large: 413,
  internal: 500,
  audit_chain_conflict: 409,
};

/**
 * A refusal the hub decided is the caller's to fix, so it is a 4xx whatever its code: only an
 * error nobody named (a defect, a store down) is a 5xx. Codes without an explicit status follow
 * their name: `*_not_found` 404, `*_already_*` 409, anything else 400.
 */
export function statusOf(code: ErrorCode): number {
  const explicit = STATUS[code];
  if (explicit !== undefined) return explicit;
  if (code.endsWith('_not_found')) return 404;
  if (code.includes('_already_')) return 409;
  return 400;
}

export const requestLocale = (req: FastifyRequest): Locale =>
  String(req.headers['accept-language'] ?? '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'it';

/** Fastify's own refusals of a request (before any route runs), as our typed errors. */
function fromFastify(err: { code?: unknown; statusCode?: unknown }, req: FastifyRequest): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', {
        type: String(req.headers['content-type'] ?? '—').slice(0, 60),
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large', { limit: req.routeOptions.bodyLimit ?? 0 });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid_input', { detail: 'content-length', field: 'content-length' });
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('route_not_found', { path: req.url.slice(0, 60) });
  }
  // JSON.parse's own SyntaxError when a body parser is not Fastify's (400 set by Fastify)
  if (err instanceof SyntaxError) return new AppError('malformed_json');
  const status = Number(err.statusCode);
  if (status >= 400 && status < 500) return new AppError('invalid_input', { detail: 'request' });
  return null;
}

/** Every hub error leaves as `{error:{code,message,params}}`, in the caller's language; never a stack. */
export function sendError(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const known =
    err instanceof AppError
      ? err
      : typeof err === 'object' && err !== null
        ? fromFastify(err as { code?: unknown; statusCode?: unknown }, req)
        : null;
  if (known) return reply.code(statusOf(known.code)).send({ error: known.toData(requestLocale(req)) });
  // as a field, not as the message: pino would copy an error's message into `msg` unscrubbed
  req.log.error({ err }, 'request failed');
  return reply.code(500).send({ error: new AppError('internal').toData(requestLocale(req)) });
}
