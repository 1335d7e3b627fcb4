import { ERROR_CODES, routes, routeTable, type RouteName } from '@candor/shared';
import { z } from 'zod';

const errorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(z.string()).optional(),
  fields: z
    .array(
      z.object({
        path: z.string(),
        code: z.string(),
        origin: z.string().optional(),
        minimum: z.number().optional(),
        maximum: z.number().optional(),
        format: z.string().optional(),
      }),
    )
    .optional(),
});

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});

// The OpenAPI document, built from the shared route table (packages/shared/src/routes/ and
// route-table.ts): the same routes the controllers map and the same zod schemas that validate them.
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(routes) as RouteName[]) {
    const [method, routePath] = routes[name].split(' ');
    const schemas: { auth: string; status: number; summary: string; body?: z.ZodType; query?: Record<string, z.ZodType>; response?: z.ZodType; files?: readonly string[] } =
      routeTable[name];
    const path = routePath.replace(/:(\w+)/g, '{$1}');
    const params = [
      ...[...routePath.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(schemas.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: true, schema: z.toJSONSchema(schema) })),
    ];
    const files = Object.fromEntries((schemas.files ?? []).map((type) => [type, { schema: { type: 'string' } }]));
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: name,
      summary: schemas.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(schemas.auth === 'facilitator' ? { security: [{ loginCookie: [] }] } : {}),
      ...(schemas.body ? { requestBody: { required: true, content: json(schemas.body) } } : {}),
      responses: {
        [schemas.status]: {
          description: 'Success',
          ...(schemas.response ? { content: json(schemas.response) } : schemas.files ? { content: files } : {}),
        },
        default: { description: 'Error', content: json(errorSchema) },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Candor API', version: '1', description: 'Socket events are described in docs/api.md.' },
    components: { securitySchemes: { loginCookie: { type: 'apiKey', in: 'cookie', name: 'candor_login' } } },
    paths,
  };
}
