import { Logger } from '@nestjs/common';
import pg from 'pg';

const log = new Logger('PostgreSQL');

// node-postgres emits 'error' on a client whose backend goes away between queries, and TypeORM
// attaches its listener one promise tick after the pool hands the client over. A FATAL message in
// that gap (a terminated backend, a restarting server) would crash the process as an unhandled
// 'error' event. This listener is always there: the client is unusable afterwards, its next query
// fails (the caller answers with an error and the client retries), and the pool drops it.
export class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (error: Error) => log.warn(`connection lost: ${error.message}`));
  }
}
