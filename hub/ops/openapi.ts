import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { PROTOCOL_VERSION } from '../../shared/sync/registry-page';

export const DOCS_PATH = '/docs';

/**
 * The hub's API description, generated from the zod schemas each route declares in its options
 * (`schema: { body, querystring, params }`): the same schema objects the handlers parse with
 * (`parse(schema, req.body)` in route-context.ts), so what is documented is what is enforced.
 * Validation stays in the handlers, where a refusal becomes the typed `invalid_input` naming the
 * field; Fastify's own validation step passes requests through untouched.
 */
export async function installOpenApi(
  app: FastifyInstance,
  version: string,
  guard: (req: FastifyRequest) => Promise<void>,
): Promise<void> {
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sportello hub',
        description: `The central hub's HTTP API (sync protocol ${PROTOCOL_VERSION}). Desks authenticate with a workstation bearer token; clerks with the x-sportello-clerk header.`,
        version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PATH,
    uiHooks: { onRequest: guard },
  });
}
