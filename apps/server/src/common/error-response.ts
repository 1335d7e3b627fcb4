import { HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@candor/shared';
import { AppError } from './app-error.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'INVALID_PAYLOAD',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'INVALID_PAYLOAD',
  429: 'RATE_LIMITED',
};

const logger = new Logger('HttpError');

// What an HTTP error answers: { code, message } and its status; no stack trace reaches a client.
export function errorResponse(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) return { status: exception.status, body: exception.toBody() };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      status,
      body: {
        code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_PAYLOAD'),
        message: status === 404 ? 'Not found.' : exception.message,
      },
    };
  }
  // Only the error's own message and stack: never the request, which may carry answers.
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : 'non-error thrown');
  return { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side.' } };
}
