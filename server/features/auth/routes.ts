import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptedSchema,
  changePasswordSchema,
  localeSchema,
  loginSchema,
  meResponseSchema,
  resetConfirmSchema,
  resetRequestSchema,
  signupSchema,
} from '../../../shared/auth';
import { problemSchema } from '../../../shared/problem';
import { text } from '../../../shared/validation';
import { requireUser } from '../../plugins/auth';
import { invalidateSession } from '../../lib/sessions';
import { accountChanged, recordEventsNow } from '../../lib/events';
import { changePassword, confirmPasswordReset, loadCurrentUser, logIn, requestPasswordReset, signUp, updateProfile, type AuthDeps } from './service';

const tags = ['auth'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): AuthDeps => ({ db: app.db, mailer: app.mailer, publicUrl: app.publicUrl, sessionPolicy: app.sessionPolicy });

  app.get('/me', {
    config: { access: 'public' },
    schema: { tags, summary: 'The signed-in person, or null', response: { 200: meResponseSchema } },
  }, async (request) => ({ user: request.user ? await loadCurrentUser(app.db, request.user.id) : null }));

  app.patch('/me', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Change one’s own name or language',
      body: z.strictObject({ name: text(120).optional(), locale: localeSchema.optional() }),
      response: { 200: meResponseSchema, ...errors },
    },
  }, async (request) => {
    const user = requireUser(request);
    await updateProfile(app.db, user.id, request.body);
    return { user: await loadCurrentUser(app.db, user.id) };
  });

  app.post('/signup', {
    config: { access: 'public' },
    schema: { tags, summary: 'Create an account (answers the same whether or not the e-mail is taken)', body: signupSchema, response: { 202: acceptedSchema, ...errors } },
  }, async (request, reply) => {
    await signUp(deps(), request.body, request.ip, request.locale);
    const text =
      request.locale === 'en'
        ? 'Thank you! If the address was new, your account is ready: sign in. We have also sent you an e-mail.'
        : 'Tack! Om adressen var ny är ditt konto klart: logga in. Vi har också skickat ett mejl till dig.';
    return reply.status(202).send({ message: text });
  });

  app.post('/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign in; sets the session cookie', body: loginSchema, response: { 200: meResponseSchema, ...errors } },
  }, async (request, reply) => {
    const { userId, token, expiresAt } = await logIn(deps(), request.body, request.ip);
    // A new sign-in always gets a new session; one the browser already had is ended, and its live
    // connections (perhaps someone else's) close with it.
    if (request.sessionId) await invalidateSession(app.db, request.sessionId);
    if (request.user) await recordEventsNow(app.db, [accountChanged(request.user.id)]);
    reply.setSession(token, expiresAt);
    return { user: await loadCurrentUser(app.db, userId) };
  });

  app.post('/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign out; ends the session on the server', response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    if (request.sessionId) await invalidateSession(app.db, request.sessionId);
    // The session's live connections close too.
    if (request.user) await recordEventsNow(app.db, [accountChanged(request.user.id)]);
    reply.clearSession();
    return reply.status(204).send(null);
  });

  app.post('/password', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Change password; ends all other sessions', body: changePasswordSchema, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    const { token, expiresAt } = await changePassword(deps(), requireUser(request).id, request.body);
    await recordEventsNow(app.db, [accountChanged(requireUser(request).id)]);
    reply.setSession(token, expiresAt);
    return reply.status(204).send(null);
  });

  app.post('/password-reset', {
    config: { access: 'public' },
    schema: { tags, summary: 'E-mail a reset link (answers the same whether or not the e-mail is registered)', body: resetRequestSchema, response: { 202: acceptedSchema, ...errors } },
  }, async (request, reply) => {
    await requestPasswordReset(deps(), request.body.email, request.ip);
    const text =
      request.locale === 'en'
        ? 'If the address belongs to an account, we have sent a link to reset the password. It works for one hour.'
        : 'Om adressen hör till ett konto har vi skickat en länk för att återställa lösenordet. Den gäller i en timme.';
    return reply.status(202).send({ message: text });
  });

  app.post('/password-reset/confirm', {
    config: { access: 'public' },
    schema: { tags, summary: 'Set a new password with an e-mailed token; ends all sessions', body: resetConfirmSchema, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await confirmPasswordReset(deps(), request.body);
    return reply.status(204).send(null);
  });

};
