import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { QUICK_EXIT_PAGES } from '@candor/shared';
import { AccountsModule } from './accounts/accounts.module.js';
import { CONFIG, type Config } from './config/config.js';
import { dataSourceOptions, openDataSource } from './database/data-source.js';
import { DecksModule } from './decks/decks.module.js';
import { HealthController } from './health/health.controller.js';
import { LiveModule } from './live/live.module.js';
import { OpenApiController } from './openapi/openapi.controller.js';
import { OwnDataModule } from './own-data/own-data.module.js';
import { SessionsModule } from './sessions/sessions.module.js';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    const clientDir = config.clientDir ?? join(import.meta.dirname, '../../client/dist');
    const serveClient = existsSync(join(clientDir, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config),
          dataSourceFactory: () => openDataSource(config),
        }),
        AccountsModule,
        DecksModule,
        SessionsModule,
        LiveModule,
        OwnDataModule,
        ...(serveClient ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}'], serveStaticOptions: { setHeaders: cacheHeaders } })] : []),
      ],
      controllers: [HealthController, OpenApiController],
    };
  }
}

const QUICK_EXIT_FILES = new Set(Object.values(QUICK_EXIT_PAGES).map((page) => basename(page)));

// Built assets carry a content hash in their names: a phone keeps them for a year and never asks again.
// Everything else (index.html, the deck files of solo mode) is checked with the server on every load.
// The quick exit's plain pages also tell the browser to drop this site's cache and storage (not its
// cookies: a participant has none, and a facilitator signed in on the same browser stays signed in).
function cacheHeaders(res: { setHeader: (name: string, value: string) => void }, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (QUICK_EXIT_FILES.has(basename(path))) res.setHeader('Clear-Site-Data', '"cache", "storage"');
}
