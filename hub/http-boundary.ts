import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors/app-error';
import { sendError } from './http-errors';

export interface HubRoute {
  method: string;
  /** as registered: `/verifica/:id` */
  url: string;
  pattern: RegExp;
  /** whether the route declares its schema (the OpenAPI description is generated from it) */
  hasSchema: boolean;
  /** left out of the OpenAPI description (`schema.hide`: admin and test routes, the docs' own) */
  hidden: boolean;
}

const ROUTES = new WeakMap<FastifyInstance, HubRoute[]>();

/** Every route of a hub server, as registered (the property test walks them all, new ones included). */
export const routesOf = (app: FastifyInstance): readonly HubRoute[] => ROUTES.get(app) ?? [];

/**
 * Closes the class "bad request becomes a 500 or a raw Fastify answer" in one place, for every
 * route present and future: typed errors (code, Italian and English message) for unknown paths
 * (404), known paths with another method (405), unparsable JSON (400), a body that is not JSON
 * (415), a body over the limit (413). Call it before registering routes: it learns them as they
 * are added.
 */
export function installHttpBoundary(app: FastifyInstance): void {
  const routes: HubRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({
        method: method.toUpperCase(),
        url: route.url,
        pattern: patternOf(route.url),
        hasSchema: route.schema !== undefined,
        hidden: (route.schema as { hide?: unknown } | undefined)?.hide === true,
      });
  });

  // Only JSON is spoken here: a text/plain body would otherwise reach the routes as a string.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendError(
        req,
        reply,
        new AppError('method_not_allowed', { method: req.method.slice(0, 10), path: path.slice(0, 60) }),
      );
    }
    return sendError(req, reply, new AppError('route_not_found', { path: path.slice(0, 60) }));
  });
}

/**
 * Errors the router raises before any hook runs (a path that is not valid percent-encoding), which
 * Fastify answers itself unless given this as the `frameworkErrors` option.
 */
export const frameworkErrors = (err: unknown, req: FastifyRequest, reply: FastifyReply): void => {
  void sendError(req, reply, err);
};

/** A Fastify route path (`/verifica/:id`, `/files/*`) as a matcher of concrete paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) =>
      part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}
