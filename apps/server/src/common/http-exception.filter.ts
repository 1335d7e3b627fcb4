import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@candor/shared';
import type { Response } from 'express';
import { AppError } from './app-error.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'INVALID_PAYLOAD',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'INVALID_PAYLOAD',
  429: 'RATE_LIMITED',
};

// Every HTTP error leaves as { code, message }; no stack trace reaches a client.
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body: ErrorBody = { code: 'INTERNAL', message: 'Something went wrong on our side.' };
    if (exception instanceof AppError) {
      status = exception.status;
      body = exception.toBody();
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      body = {
        code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_PAYLOAD'),
        message: status === 404 ? 'Not found.' : exception.message,
      };
    } else {
      // Only the error's own message and stack: never the request, which may carry answers.
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : 'non-error thrown');
    }
    response.status(status).json(body);
  }
}
