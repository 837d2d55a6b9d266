import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { message, pickLocale, type Locale, type MessageKey } from '../../shared/messages';
import { fieldErrors } from '../../shared/validation';
import type { Problem } from '../../shared/problem';
import { DomainError } from '../lib/errors';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

const titles: Record<number, MessageKey> = {
  400: 'error.badRequest',
  401: 'error.unauthorized',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  413: 'error.payloadTooLarge',
  415: 'error.unsupportedMediaType',
  429: 'error.tooManyRequests',
  500: 'error.internal',
};

function problemType(status: number) {
  return `https://motesplatsen.stockholm/problems/${status}`;
}

function valueAt(data: unknown, path: string[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Every error leaves as problem details in the caller's language; no stack trace ever does. */
export const errorsPlugin = fp(async (app) => {
  app.decorateRequest('locale', 'sv');
  // The API speaks JSON only: without Fastify's default text/plain parser, other bodies get a 415 problem.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? 'sv';
    if (error instanceof DomainError) {
      reply.headers(error.headers);
      return sendProblem(reply, {
        type: problemType(error.status),
        // Field errors found by a service read like those found by the schema.
        title: message(locale, error.key === 'error.validation' ? 'error.validation' : (titles[error.status] ?? 'error.badRequest')),
        status: error.status,
        detail: message(locale, error.key, error.params),
        ...error.extensions,
        ...(error.fields.length
          ? { errors: error.fields.map((f) => ({ field: f.field, message: message(locale, f.key, { field: f.field, ...f.params }) })) }
          : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // zod leaves the offending value out of its issues; look it up so that "missing" and "wrong type" differ.
      const data: unknown = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[error.validationContext ?? 'body'];
      const issues = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        return { input: valueAt(data, path), ...(v.params as Record<string, unknown>), code: v.keyword, message: v.message ?? '', path };
      });
      const where = error.validationContext && error.validationContext !== 'body' ? `${error.validationContext}.` : '';
      return sendProblem(reply, {
        type: problemType(400),
        title: message(locale, 'error.validation'),
        status: 400,
        detail: message(locale, 'error.validation'),
        errors: fieldErrors(issues, locale).map((e) => ({ ...e, field: where + e.field })),
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    const key = titles[status] ?? 'error.badRequest';
    return sendProblem(reply, {
      type: problemType(status),
      title: message(locale, key),
      status,
      detail: message(locale, key, { seconds: Number(reply.getHeader('retry-after') ?? 60) }),
    });
  });
}, { name: 'errors' });
