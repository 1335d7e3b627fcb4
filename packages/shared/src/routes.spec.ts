import { describe, expect, it } from 'vitest';
import { routeSchemas, type RouteName } from './route-schemas.js';
import * as routes from './routes.js';

const names = Object.keys(routes) as RouteName[];

describe('routes', () => {
  it('has one route per method and path', () => {
    const keys = names.map((name) => `${routes[name].method} ${routes[name].path}`);
    expect(new Set(keys).size).toBe(names.length);
  });

  it('gives every route its schemas and nothing else', () => {
    expect(Object.keys(routeSchemas).sort()).toEqual([...names].sort());
  });

  it('has a JSON answer exactly where the status is not 204 and the route is not a download', () => {
    for (const name of names) {
      const schemas = routeSchemas[name];
      expect([name, 'response' in schemas]).toEqual([name, routes[name].status !== 204 && !('files' in schemas)]);
    }
  });
});
