import { Controller, HttpStatus, Res } from '@nestjs/common';
import { routes } from '@candor/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Route } from '../common/route.decorator.js';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Route(routes.health)
  async check(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'error'; database: 'up' | 'down' }> {
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down' };
    }
  }
}
