import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { message, type Locale, type MessageKey } from '../../shared/messages';
import type { ApiClient } from './api-client';

// What every bad-input suite (tests/server/*bad-input.test.ts) checks the same way: the answer is
// problem details with the expected status, title, detail and field messages in the caller's
// language, and no table changed.

/** [field, message key, message parameters]: the message itself comes from shared/messages.ts. */
export type FieldSpec = [field: string, key: MessageKey, params?: Record<string, string | number>];

export interface ProblemExpectation {
  status: number;
  /** The exact field errors expected; absent means the problem carries none. */
  errors?: FieldSpec[];
  /** The problem's detail; by default error.validation with field errors, else the status's title. */
  detail?: MessageKey;
  detailParams?: Record<string, string | number>;
  /** Extra members of the problem that must be there as given (e.g. a booking's `conflicts`). */
  extra?: Record<string, unknown>;
}

const titles: Record<number, MessageKey> = {
  400: 'error.badRequest',
  401: 'error.unauthorized',
  403: 'error.forbidden',
  404: 'error.notFound',
  409: 'error.conflict',
  413: 'error.payloadTooLarge',
  414: 'error.uriTooLong',
  415: 'error.unsupportedMediaType',
};

export function expectProblem(response: LightMyRequestResponse, expected: ProblemExpectation, locale: Locale, label: string) {
  const { status, errors, detail, detailParams, extra } = expected;
  expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
  expect(response.headers['content-type'], label).toMatch(/^application\/problem\+json/);
  const problem = response.json();
  expect(problem.status, label).toBe(status);
  expect(problem.type, label).toBe(`https://motesplatsen.stockholm/problems/${status}`);
  const validation = !!errors && (detail === undefined || detail === 'error.validation');
  expect(problem.title, label).toBe(message(locale, validation ? 'error.validation' : (titles[status] ?? 'error.badRequest')));
  expect(problem.detail, label).toBe(message(locale, detail ?? (errors ? 'error.validation' : (titles[status] ?? 'error.badRequest')), detailParams));
  if (errors) expect(problem.errors, label).toEqual(errors.map(([field, key, params]) => ({ field, message: message(locale, key, { field, ...params }) })));
  else expect(problem.errors, label).toBeUndefined();
  for (const [name, value] of Object.entries(extra ?? {})) expect(problem[name], `${label}: ${name}`).toEqual(value);
}

/** Row count and a digest of every row of each table: an insert, update or delete anywhere shows. */
export async function tableSnapshot(app: FastifyInstance, tables: readonly string[]) {
  const query = tables
    .map((name) => `select '${name}' as name, count(*)::int as rows, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from ${name} x`)
    .join(' union all ');
  const result = await app.db.execute<{ name: string; rows: number | string; digest: string }>(sql.raw(query));
  return Object.fromEntries(result.rows.map((r) => [r.name, { rows: Number(r.rows), digest: r.digest }]));
}

/**
 * The routes of the OpenAPI document under `prefixes` as "METHOD /path/:param", with whether each
 * takes input (a body, path parameters or a query): a suite's table is checked against them.
 */
export async function documentedRoutes(app: FastifyInstance, prefixes: readonly string[] = ['/']) {
  type Operation = { parameters?: unknown[]; requestBody?: unknown };
  const doc = (await app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths)
    .filter(([path]) => prefixes.some((prefix) => path.startsWith(prefix)))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        takesInput: method !== 'get' || path.includes('{') || Boolean(op.parameters?.length) || Boolean(op.requestBody),
      })),
    );
}

type Send<W> = (client: ApiClient, world: W) => Promise<LightMyRequestResponse>;

/** Where a suite's cases run: who sends them, the world they aim at, and everything that must not change. */
export interface SuiteContext<W, A extends string> {
  client: (actor: A) => ApiClient;
  world: () => W;
  /** Table digests and API views, compared before and after. */
  state: () => Promise<unknown>;
}

export interface BadInputRoute<W, A extends string, C extends ProblemExpectation = ProblemExpectation> {
  route: string;
  as: A;
  cases: (C & { name: string; send: Send<W>; as?: A })[];
}

/**
 * One test per case: sent in Swedish and in English, answered as expected, and nothing changed.
 * `expectation` turns a case into what the problem must say, for suites whose cases carry more.
 */
export function describeBadInput<W, A extends string, C extends ProblemExpectation>(
  table: readonly BadInputRoute<W, A, C>[],
  ctx: SuiteContext<W, A>,
  expectation: (c: C) => ProblemExpectation = (c) => c,
) {
  for (const r of table) {
    describe(r.route, () => {
      for (const c of r.cases) {
        it(`${c.name} → ${c.status}`, async () => {
          const before = await ctx.state();
          for (const locale of ['sv', 'en'] as const) {
            const client = ctx.client(c.as ?? r.as);
            client.locale = locale;
            try {
              expectProblem(await c.send(client, ctx.world()), expectation(c), locale, `${r.route} ${c.name} (${locale})`);
            } finally {
              client.locale = 'sv';
            }
          }
          expect(await ctx.state()).toEqual(before);
        });
      }
    });
  }
}

export interface QuietRequest<W, A extends string> {
  name: string;
  as: A;
  send: Send<W>;
  status: number;
}

/** Requests that succeed but change nothing (the same values again, a repeated action): sent twice, nothing written. */
export function describeNoChange<W, A extends string>(requests: readonly QuietRequest<W, A>[], ctx: SuiteContext<W, A>) {
  for (const q of requests) {
    it(`${q.name} → ${q.status}, nothing written`, async () => {
      const before = await ctx.state();
      for (let i = 0; i < 2; i++) {
        const response = await q.send(ctx.client(q.as), ctx.world());
        expect(response.statusCode, response.body).toBe(q.status);
      }
      expect(await ctx.state()).toEqual(before);
    });
  }
}
