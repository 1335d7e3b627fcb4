import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';

const LISTEN_BACKLOG = 4096;

try {
  const config = loadConfig();
  const app = await createApp(config);
  // A room arriving at once opens thousands of connections within seconds: a longer accept queue than
  // Node's 511 (the kernel caps it at net.core.somaxconn) keeps them waiting rather than reset.
  await (app as unknown as { listen(port: number, host: string, backlog: number): Promise<unknown> }).listen(
    config.port,
    config.host,
    LISTEN_BACKLOG,
  );
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  Logger.log(
    `Candor listening on http://localhost:${port} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}${config.redisUrl ? ', Redis broadcast' : ''})`,
    'Main',
  );
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
