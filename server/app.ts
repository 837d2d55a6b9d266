import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { notFound } from './lib/errors';
import { authPlugin } from './plugins/auth';
import { dbPlugin } from './plugins/db';
import { errorsPlugin, sendProblem } from './plugins/errors';
import { message, pickLocale } from '../shared/messages';
import { mailerPlugin } from './plugins/mailer';
import { housekeepingPlugin } from './plugins/housekeeping';
import { realtimePlugin } from './plugins/realtime';
import { authRoutes } from './features/auth/routes';
import { healthRoutes } from './features/health/routes';
import { organisationRoutes } from './features/organisations/routes';
import { scheduleContactReminders } from './features/organisations/contact-reminders';
import { referenceRoutes } from './features/reference/routes';
import { userRoutes } from './features/users/routes';
import { feedRoutes } from './features/forums/feed';
import { moderationRoutes } from './features/forums/moderation-routes';
import { registerForumRooms } from './features/forums/realtime';
import { forumRoutes } from './features/forums/routes';
import { postRoutes, threadRoutes } from './features/forums/thread-routes';
import { notificationRoutes } from './features/notifications/routes';
import { bookingRoutes, premisesRoutes } from './features/premises/routes';
import { registerGrantRooms } from './features/grants/realtime';
import { scheduleGrantReminders } from './features/grants/reminders';
import { grantRoutes } from './features/grants/routes';
import { seedDemoOnce, seedReferenceOnce } from './db/seed/demo';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    publicUrl: string;
  }
}

/** External plugins, then our cross-cutting plugins, then the features, then the SPA. */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // Opening PGlite and migrating can take well over Fastify's 10 s default on a busy small machine.
    pluginTimeout: 120_000,
    // Malformed URLs and over-long path parameters are refused before routing: answer them as
    // problem details in the caller's language too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      const locale = pickLocale(request.headers['accept-language']);
      const key = status === 414 ? 'error.uriTooLong' : 'error.badRequest';
      return sendProblem(reply, { type: `https://motesplatsen.stockholm/problems/${status}`, title: message(locale, key), status, detail: message(locale, key) });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('publicUrl', config.publicUrl);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The API's docs page needs its own script hashes; @fastify/swagger-ui sets them (staticCSP).
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(errorsPlugin);
  await app.register(dbPlugin, { database: config.database });
  await app.register(mailerPlugin, { config });
  await app.register(authPlugin, { config });
  await app.register(housekeepingPlugin, { config });
  await app.register(websocket, { options: { maxPayload: 4096 } });
  await app.register(realtimePlugin, { config });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Mötesplatsen API', version: '0.1.0', description: 'The coordination hub between the City of Stockholm and idea-driven organisations.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: config.secureCookies ? '__Host-session' : 'session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  await app.register(healthRoutes, { prefix: '/api/health' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(referenceRoutes, { prefix: '/api/reference' });
  await app.register(organisationRoutes, { prefix: '/api/organisations' });
  await app.register(userRoutes, { prefix: '/api/users' });
  registerForumRooms(app);
  await app.register(forumRoutes, { prefix: '/api/forums' });
  await app.register(threadRoutes, { prefix: '/api/threads' });
  await app.register(postRoutes, { prefix: '/api/posts' });
  await app.register(moderationRoutes, { prefix: '/api/moderation' });
  await app.register(notificationRoutes, { prefix: '/api/notifications' });
  await app.register(feedRoutes, { prefix: '/api/feed' });
  await app.register(premisesRoutes, { prefix: '/api/premises' });
  await app.register(bookingRoutes, { prefix: '/api/bookings' });
  registerGrantRooms(app);
  await app.register(grantRoutes, { prefix: '/api/grants' });

  const indexHtml = path.join(config.clientDist, 'index.html');
  const hasClient = existsSync(indexHtml);
  if (hasClient) {
    await app.register(fastifyStatic, { root: config.clientDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the SPA; unknown API paths and assets get a 404 problem.
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0]);
    if (hasClient && wantsPage) return reply.type('text/html').sendFile('index.html');
    throw notFound();
  });

  app.addHook('onReady', async () => {
    await seedReferenceOnce(app.db);
    if (config.seedDemo) await seedDemoOnce(app.db, app.log);
  });
  scheduleContactReminders(app);
  scheduleGrantReminders(app);
  return app;
}
