import { describe, expect, it } from 'vitest';
import { routeTable, type RouteName } from './route-table.js';
import * as routes from './routes/index.js';

const names = Object.keys(routes) as RouteName[];

describe('routes', () => {
  it('has one route per method and path, each a method and an /api/ path', () => {
    expect(new Set(Object.values(routes)).size).toBe(names.length);
    for (const route of Object.values(routes)) expect(route).toMatch(/^(GET|POST|PUT|DELETE) \/api\/[a-zA-Z/:-]*[a-zA-Z]$/);
  });

  it('gives every route its entry in the table and nothing else', () => {
    expect(Object.keys(routeTable).sort()).toEqual([...names].sort());
  });

  it('has a JSON answer exactly where the status is not 204 and the route is not a download', () => {
    for (const name of names) {
      const entry = routeTable[name];
      expect([name, 'response' in entry]).toEqual([name, entry.status !== 204 && !('files' in entry)]);
    }
  });
});
