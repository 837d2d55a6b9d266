import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Liveness and which database the app runs on',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }), 503: z.object({ status: z.literal('error'), db: z.enum(['pglite', 'postgres']) }) },
    },
  }, async (_request, reply) => {
    try {
      await app.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: app.dbKind };
    } catch {
      return reply.status(503).send({ status: 'error' as const, db: app.dbKind });
    }
  });
};
