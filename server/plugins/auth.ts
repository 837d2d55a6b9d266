import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { SystemRole } from '../../shared/roles';
import type { Config } from '../config';
import { DomainError, forbidden, unauthorized } from '../lib/errors';
import { validateSession, type AuthUser, type SessionPolicy } from '../lib/sessions';

/** Who may call a route: anyone, any signed-in person, or people with one of these system roles. */
export type Access = 'public' | 'signedIn' | readonly SystemRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    sessionId: string | null;
  }
  interface FastifyReply {
    setSession(token: string, expiresAt: Date): FastifyReply;
    clearSession(): FastifyReply;
  }
  interface FastifyInstance {
    sessionPolicy: SessionPolicy;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function describeAccess(access: Access): string {
  if (access === 'public') return 'Access: everyone, also visitors who are not signed in.';
  if (access === 'signedIn') return 'Access: any signed-in person.';
  return `Access: system roles ${access.join(', ')}.`;
}

/** The signed-in user, for handlers behind an access rule that guarantees one. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

export const authPlugin = fp(
  async (app, opts: { config: Config }) => {
    const { config } = opts;
    const cookieName = config.secureCookies ? '__Host-session' : 'session';
    const policy: SessionPolicy = config.session;
    const allowedOrigins = new Set(config.allowedOrigins);
    app.decorate('sessionPolicy', policy);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);

    app.decorateReply('setSession', function (this: FastifyReply, token: string, expiresAt: Date) {
      return this.setCookie(cookieName, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        expires: expiresAt,
      });
    });
    app.decorateReply('clearSession', function (this: FastifyReply) {
      return this.clearCookie(cookieName, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
    });

    // Every route must say who may call it; the rule is enforced here and documented in OpenAPI.
    app.addHook('onRoute', (route) => {
      // HEAD routes that Fastify derives from GET routes pass through here too and get the same check.
      if (!route.url.startsWith('/api/')) return;
      // The API documentation (swagger-ui) is public by nature.
      const access = route.config?.access ?? (route.url.startsWith('/api/docs') ? 'public' : undefined);
      if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
      const description = [route.schema?.description, describeAccess(access)].filter(Boolean).join('\n\n');
      route.schema = { ...route.schema, description };
      const check: preHandlerHookHandler = async (request) => {
        if (access === 'public') return;
        if (!request.user) throw unauthorized();
        if (access !== 'signedIn' && !access.includes(request.user.role)) throw forbidden();
      };
      const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
      route.preHandler = [check, ...existing];
    });

    app.addHook('onRequest', async (request, reply) => {
      // CSRF defence: a state-changing request must come from one of our own pages.
      if (!safeMethods.has(request.method)) {
        const origin = request.headers.origin;
        if (!origin || !allowedOrigins.has(origin)) throw new DomainError(403, 'error.origin');
      }
      const token = request.cookies[cookieName];
      if (!token) return;
      const session = await validateSession(app.db, token, policy);
      if (!session) {
        reply.clearSession();
        return;
      }
      request.user = session.user;
      request.sessionId = session.id;
      if (session.refreshed) reply.setSession(token, session.expiresAt);
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
