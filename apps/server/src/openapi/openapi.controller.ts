import { Controller, Get } from '@nestjs/common';
import { buildOpenApi } from './openapi.js';

@Controller('docs')
export class OpenApiController {
  private readonly document = buildOpenApi();

  @Get()
  get(): Record<string, unknown> {
    return this.document;
  }
}
