import 'reflect-metadata';
import { MODULE_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { routes, routeTable, type RouteSpec } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { ROUTE_METADATA, Route, routeParts } from './route.decorator.js';

type Mapped = { controller: string; handler: string; prefix: unknown; path: unknown; method: unknown; route?: RouteSpec; bodySchemas: unknown[] };
type ArgMetadata = Record<string, { index: number; pipes?: unknown[] }>;

// Every controller of the application, found the way Nest finds them: through the modules' metadata.
function controllersOf(module: Type | DynamicModule, seen = new Set<unknown>()): Type[] {
  const cls = 'module' in module ? module.module : module;
  if (seen.has(module)) return [];
  seen.add(module);
  const own = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) as Type[] | undefined) ?? []), ...('module' in module ? (module.controllers ?? []) : [])];
  const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) as unknown[] | undefined) ?? []), ...('module' in module ? (module.imports ?? []) : [])];
  return [...own, ...imports.flatMap((m) => (m && typeof m === 'object' && !('module' in m) ? [] : controllersOf(m as Type | DynamicModule, seen)))];
}

function handlersOf(controller: Type): Mapped[] {
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && typeof proto[name] === 'function' && Reflect.hasMetadata(PATH_METADATA, proto[name] as object))
    .map((handler) => {
      const fn = proto[handler] as object;
      return {
        controller: controller.name,
        handler,
        prefix: Reflect.getMetadata(PATH_METADATA, controller),
        path: Reflect.getMetadata(PATH_METADATA, fn),
        method: Reflect.getMetadata('method', fn),
        route: Reflect.getMetadata(ROUTE_METADATA, fn) as RouteSpec | undefined,
        // The schemas of the pipes on the handler's @Body() parameters.
        bodySchemas: Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) as ArgMetadata | undefined) ?? {})
          .filter(([key]) => key.startsWith(`${RouteParamtypes.BODY}:`))
          .flatMap(([, arg]) => (arg.pipes ?? []).map((pipe) => (pipe as { schema?: unknown }).schema)),
      };
    });
}

describe(Route.name, () => {
  const mapped = controllersOf(AppModule.forRoot(loadConfig({}))).flatMap(handlersOf);

  it('finds the controllers of every feature', () => {
    expect(new Set(mapped.map((m) => m.controller))).toEqual(
      new Set(['AccountsController', 'PasskeysController', 'MailLinksController', 'DecksController', 'DeckFormatController', 'SessionsController', 'JoinController', 'HomeworkController', 'SeatMovesController', 'SessionAccessController', 'DeckAccessController', 'OwnDataController', 'HealthController', 'OpenApiController']),
    );
  });

  it('maps every handler through a route of the table, at that route’s method and path', () => {
    for (const m of mapped) {
      expect(m.route, `${m.controller}.${m.handler}`).toBeDefined();
      expect(m.prefix, m.controller).toBe('/');
      const { method, path } = routeParts(m.route ?? 'GET /api/none');
      expect(`/api/${String(m.path)}`).toBe(path);
      expect(m.method).toBe(RequestMethod[method]);
    }
  });

  it('maps every route of the table exactly once, but POST /api/join (served before Nest)', () => {
    const served = mapped.map((m) => m.route);
    const table = Object.values(routes).filter((r) => r !== routes.join);
    expect([...served].sort()).toEqual([...table].sort());
    expect(new Set(served).size).toBe(served.length);
  });

  it("parses every body with the table's schema for its route (a deck file is parsed inside, to list every problem)", () => {
    const withBody = mapped.filter((m) => m.route && m.route !== routes.importDeck && 'body' in routeTable[routeParts(m.route).name]);
    expect(withBody.length).toBeGreaterThan(4);
    for (const m of withBody) {
      const { name } = routeParts(m.route ?? 'GET /api/none');
      expect(m.bodySchemas, `${m.controller}.${m.handler}`).toEqual([(routeTable[name] as { body: unknown }).body]);
    }
  });
});
