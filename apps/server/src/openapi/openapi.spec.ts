import { routes, routeTable, type RouteName } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.js';

type Operation = { operationId: string; security?: unknown; requestBody?: unknown; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };

describe(buildOpenApi.name, () => {
  const paths = buildOpenApi().paths as Record<string, Record<string, Operation>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

  it('describes every route of the table once, with OpenAPI path templates', () => {
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(routes).sort());
    for (const { path, method, op } of operations) {
      const name = op.operationId as RouteName;
      expect(`${method.toUpperCase()} ${path}`).toBe(routes[name].replace(/:(\w+)/g, '{$1}'));
      expect(Object.keys(op.responses)).toEqual([String(routeTable[name].status), 'default']);
    }
  });

  it('asks for the login cookie exactly on the facilitator routes', () => {
    for (const { op } of operations) {
      expect(op.security !== undefined, op.operationId).toBe(routeTable[op.operationId as RouteName].auth === 'facilitator');
    }
  });

  it('lists path and query parameters and documents each body the table has', () => {
    const exportSession = paths['/api/sessions/{id}/export'].get;
    expect(exportSession.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:format']);
    for (const { op } of operations) {
      expect(op.requestBody !== undefined, op.operationId).toBe('body' in routeTable[op.operationId as RouteName]);
    }
  });
});
