import { routeTable, type JoinRequest } from '@candor/shared';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import { errorResponse } from '../common/error-response.js';
import { parseInput } from '../common/parse.js';
import type { SeatsService } from './seats.service.js';

// POST /api/join, the one request every participant makes, mounted at /api/join as plain Express
// middleware: after the security middleware (headers, CORS, the Origin check, the join limits) and
// the JSON body parser, before everything else. When a room joins at once, Nest's router, pipes
// and filter and the middleware meant for other routes were a sixth of the server's time per join
// (docs/performance.md). Same schema, same answers and errors as every other route.
export function joinRoute(seats: SeatsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || req.path !== '/') return next();
    const join = async () => seats.join(parseJoinRequest(req.body).code);
    join().then(
      (seat) => void res.status(201).json(seat),
      (error: unknown) => {
        const { status, body } = errorResponse(error);
        res.status(status).json(body);
      },
    );
  };
}

// A join without the participant's agreement to the privacy statement says so by its own code (the
// phone shows the statement again), before anything else about the body is checked.
export function parseJoinRequest(body: unknown): JoinRequest {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && (body as { consent?: unknown }).consent !== true) {
    throw new AppError('CONSENT_REQUIRED', 'Please read and accept the privacy statement first.');
  }
  return parseInput(routeTable.join.body, body);
}
