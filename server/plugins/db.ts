import fp from 'fastify-plugin';
import type { Config } from '../config';
import { openDatabase, type Db, type DbKind } from '../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: DbKind;
  }
}

/** Opens PGlite or PostgreSQL, applies migrations, and closes the database with the app. */
export const dbPlugin = fp(async (app, opts: { database: Config['database'] }) => {
  const database = await openDatabase(opts.database);
  app.decorate('db', database.db);
  app.decorate('dbKind', database.kind);
  app.addHook('onClose', async () => database.close());
}, { name: 'db' });
