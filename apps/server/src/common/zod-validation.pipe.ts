import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseInput } from './parse.js';

// Validates a REST body or param with a shared schema: @Body(new ZodPipe(schema)).
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    return parseInput(this.schema, value);
  }
}
