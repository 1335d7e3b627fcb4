import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { errorResponse } from './error-response.js';

// Every HTTP error leaves as { code, message } (see errorResponse).
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = errorResponse(exception);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
