import { applyDecorators, Body, Delete, Get, HttpCode, Post, Put, Query, SetMetadata, UseGuards } from '@nestjs/common';
import { routes, routeTable, type RouteMethod, type RouteName, type RouteResponse, type RouteSpec } from '@candor/shared';
import type { z } from 'zod';
import { FacilitatorGuard } from '../accounts/auth.guard.js';
import { ZodPipe } from './zod-validation.pipe.js';

const MAPPERS = { GET: Get, POST: Post, PUT: Put, DELETE: Delete } as const;

// The metadata key under which a handler keeps its route (the route spec reads it back).
export const ROUTE_METADATA = 'candor:route';

// A route without a JSON answer (204, a download written to the response) returns nothing.
type Answer<R extends RouteSpec> = RouteResponse<R> extends undefined ? void : RouteResponse<R>;

export function routeParts(route: RouteSpec): { name: RouteName; method: RouteMethod; path: string } {
  const name = (Object.keys(routes) as RouteName[]).find((key) => routes[key] === route);
  if (!name) throw new Error(`${route} is not in the route table`);
  const [method, path] = route.split(' ') as [RouteMethod, string];
  return { name, method, path };
}

// Maps a controller method to a route of the shared table (packages/shared/src/routes/): its method
// and path (controllers take no prefix), its success status and, for 'facilitator' routes, the login
// guard. The method's return type must be the route's answer (or a promise of it), or tsc fails here.
export function Route<const R extends RouteSpec>(route: R) {
  const { name, method, path } = routeParts(route);
  const decorate = applyDecorators(
    MAPPERS[method](path.replace(/^\/api\//, '')),
    HttpCode(routeTable[name].status),
    SetMetadata(ROUTE_METADATA, route),
    ...(routeTable[name].auth === 'facilitator' ? [UseGuards(FacilitatorGuard)] : []),
  );
  return <H extends (...args: never[]) => Answer<R> | Promise<Answer<R>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => decorate(target, key, descriptor);
}

// A handler's JSON body, parsed with the schema the table gives its route (an INVALID_PAYLOAD otherwise).
export function BodyOf(route: RouteSpec): ParameterDecorator {
  const { name } = routeParts(route);
  const schema = (routeTable[name] as { body?: z.ZodType }).body;
  if (!schema) throw new Error(`${route} takes no body in the route table`);
  return Body(new ZodPipe(schema));
}

// One query parameter of a handler, parsed with the table's schema for it.
export function QueryOf(route: RouteSpec, key: string): ParameterDecorator {
  const { name } = routeParts(route);
  const schema = (routeTable[name] as { query?: Record<string, z.ZodType> }).query?.[key];
  if (!schema) throw new Error(`${route} has no query parameter ${key} in the route table`);
  return Query(key, new ZodPipe(schema));
}
