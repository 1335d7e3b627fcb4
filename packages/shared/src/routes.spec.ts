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

  // 202: accepted, with nothing to say yet (a reset e-mail is sent after the answer, or not at all).
  it('has a JSON answer exactly where the status is neither 204 nor 202 and the route is not a download', () => {
    for (const name of names) {
      const entry = routeTable[name];
      expect([name, 'response' in entry]).toEqual([name, entry.status !== 204 && entry.status !== 202 && !('files' in entry)]);
    }
  });
});
