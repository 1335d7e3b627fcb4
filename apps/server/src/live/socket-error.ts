import { Logger } from '@nestjs/common';
import type { ErrorBody } from '@candor/shared';
import { AppError } from '../common/app-error.js';

const logger = new Logger('LiveSocket');

// What a failed acknowledgement says: an AppError's code and message, else INTERNAL (its stack goes to
// the log; never the payload, which may carry answers).
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  logger.error(error instanceof Error ? (error.stack ?? error.message) : 'non-error thrown');
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
}
