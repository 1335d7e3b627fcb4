import { Controller } from '@nestjs/common';
import { routes } from '@candor/shared';
import { Route } from '../common/route.decorator.js';
import { buildOpenApi } from './openapi.js';

@Controller()
export class OpenApiController {
  private readonly document = buildOpenApi();

  @Route(routes.docs)
  get(): Record<string, unknown> {
    return this.document;
  }
}
