import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyServerOptions } from 'fastify';

/** Where JSON log lines go when not stdout (tests capture them). */
export interface LogSink {
  write(line: string): void;
}

/** `true`: JSON lines on stdout; a sink: the same lines there; `false`: no log (unit tests, benches). */
export type HubLogging = boolean | LogSink;

/**
 * What a log line may carry about the caller: the workstation (a uuid) and its comune (a belfiore
 * code), never the clerk (usernames are often a person's name).
 */
interface LogContext {
  workstation?: string;
  comune?: string;
}
const contexts = new WeakMap<FastifyRequest, LogContext>();

/** Called by the authentication helper once the hub knows which workstation is calling. */
export function noteLogContext(req: FastifyRequest, ctx: LogContext): void {
  contexts.set(req, { ...contexts.get(req), ...ctx });
}

export const logContextOf = (req: FastifyRequest): LogContext => contexts.get(req) ?? {};

/**
 * Personal data that can reach an error message (a database error quoting a value, a library
 * quoting its input): codice fiscale (with omocodia letters), Italian plates, IBAN, e-mail. Names
 * cannot be recognised by shape, so nothing the caller sent is ever logged whole: no URL (its
 * query may hold a CF), no body, no headers — only the route pattern and the hub's own fields.
 */
const PERSONAL = [
  /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi,
  /\bIT\d{2}[A-Z]\d{10}[0-9A-Z]{12}\b/gi,
  /\b[A-Z]{2}\d{3}[A-Z]{2}\b/gi,
  /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi,
];

export function scrubPersonal(text: string): string {
  return PERSONAL.reduce((t, re) => t.replace(re, '[redacted]'), text);
}

type LoggedError = {
  type: string;
  code?: string;
  message: string;
  stack: string;
};

/** An error as one log field: its kind, code, message and stack with personal data masked; nothing else (pg's `detail` quotes row values). */
export function serializeError(err: unknown): LoggedError {
  if (!(err instanceof Error))
    return { type: typeof err, message: scrubPersonal(String(err)).slice(0, 500), stack: '' };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.constructor.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrubPersonal(err.message).slice(0, 500),
    stack: scrubPersonal(err.stack ?? ''),
  };
}

/** The route a request matched, as registered (`/verifica/:id`), never the concrete URL. */
export const routeOf = (req: FastifyRequest): string => req.routeOptions.url ?? '(no route)';

/** Fastify's logger option: pino JSON with redaction and serializers that leave personal data out. */
export function loggerOption(logging: HubLogging): FastifyServerOptions['logger'] {
  if (logging === false) return false;
  return {
    level: process.env.HUB_LOG_LEVEL ?? 'info',
    // belt and braces: should anyone log a request or its headers whole, credentials stay out
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-sportello-clerk"]',
        'req.headers.cookie',
        'req.body',
        'req.query',
        'req.url',
        'mutation.args',
        'body',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, route: routeOf(req) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: serializeError,
    },
    ...(logging === true ? {} : { stream: logging }),
  };
}

/**
 * One line per answered request (Fastify's own request lines are off: they carry the raw URL):
 * request id, method, route pattern, status, duration, workstation and comune when known.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const { workstation, comune } = logContextOf(req);
    req.log.info(
      {
        method: req.method,
        route: routeOf(req),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(workstation ? { workstation } : {}),
        ...(comune ? { comune } : {}),
      },
      'request',
    );
  });
}
