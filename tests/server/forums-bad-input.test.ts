import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { postBodyMax, threadTitleMax, type Post } from '../../shared/forums';
import type { MessageKey } from '../../shared/messages';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { describeBadInput, describeNoChange, documentedRoutes, tableSnapshot, type FieldSpec, type QuietRequest, type SuiteContext } from '../helpers/bad-input';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// Bad input on every forum, thread, post, moderation, notification and feed route: each case answers
// the expected 4xx (never a 500) as problem details, names the offending fields in Swedish and in
// English, and writes nothing. The table is checked against the OpenAPI document so that a new route
// taking input cannot go without cases. "Author" is a signed-in person (the admin of an organisation)
// who wrote most of the posts, "other" another one (the admin of another organisation) who replied,
// reacted and reported; the coordinator made the forums and moderates.

type Actor = 'visitor' | 'author' | 'other' | 'coordinator';
type Send = (c: ApiClient, w: World) => Promise<LightMyRequestResponse>;

interface Case {
  name: string;
  send: Send;
  status: number;
  errors?: FieldSpec[];
  /** The problem's detail; by default error.validation with field errors, else the status's title. */
  detail?: MessageKey;
  /** Who sends it, when not the route's usual caller. */
  as?: Actor;
}
interface RouteCases {
  route: string;
  as: Actor;
  cases: Case[];
}
interface World {
  authorId: string;
  orgA: string;
  orgB: string;
  /** Every forum, in the coordinator's order. */
  forumIds: string[];
  /** Open; the author follows it. */
  forumId: string;
  forumSlug: string;
  /** Open, with the other person's thread. */
  otherForumId: string;
  archivedForumId: string;
  /** Readable by officials (and staff) only. */
  restrictedForumId: string;
  /** The author's thread in the open forum, started with `threadKey`. */
  threadId: string;
  firstPostId: string;
  /** The author's reply, sent with `replyKey`, edited once; the other person reacted and reported it. */
  replyId: string;
  /** The other person's reply, quoting the author's. */
  otherReplyId: string;
  /** The author's reply, reported by the other person, then removed by the author. */
  removedId: string;
  /** The author's reply, hidden by the coordinator. */
  hiddenId: string;
  lockedThreadId: string;
  /** The author's first post of the locked thread. */
  lockedPostId: string;
  /** Started before its forum was archived. */
  archivedThreadId: string;
  /** The author's first post of that thread. */
  archivedPostId: string;
  restrictedThreadId: string;
  restrictedPostId: string;
  otherThreadId: string;
  otherFirstPostId: string;
  /** The other person's report of the author's reply. */
  openFlagId: string;
  /** The author's report of the other person's reply, dismissed. */
  resolvedFlagId: string;
  /** The other person's report of the reply the author then removed. */
  removedFlagId: string;
  /** Notifications of the author's and of the other person's. */
  authorNotificationId: string;
  otherNotificationId: string;
}

let t: TestApp;
let w: World;
const as = {} as Record<Actor, ApiClient>;
const unknownId = '00000000-0000-4000-8000-000000000000';
const threadKey = 'thread-key-0001';
const replyKey = 'reply-key-0001';
/** The author's reply as edited. */
const editedBody = 'Vi har en i Hagsätra, för 40 personer.';

const notFound = (send: Send): Case => ({ name: 'an unknown id', send, status: 404 });
const badId = (send: Send): Case => ({ name: 'a malformed id', send, status: 400, errors: [['params.id', 'field.uuid']] });
const long = (n: number) => 'x'.repeat(n);
/** Markdown of exactly n characters (none of them trimmed away). */
const markdown = (n: number) => `# Rubrik\n\n${'**Fet** text, en [länk](https://example.se) och `kod`. '.repeat(Math.ceil(n / 40))}`.slice(0, n - 1) + '.';
const key = (value: string): Partial<InjectOptions> => ({ headers: { 'idempotency-key': value } });
const required = (...fields: string[]): FieldSpec[] => fields.map((f) => [f, 'field.required']);

const threadInput = (overrides: Record<string, unknown> = {}) => ({ title: 'En ny tråd', body: 'Hej alla!', ...overrides });
const startThread = (c: ApiClient, forumId: string, overrides: Record<string, unknown> = {}, extra?: Partial<InjectOptions>) =>
  c.post(`/api/forums/${forumId}/threads`, threadInput(overrides), extra);
const reply = (c: ApiClient, threadId: string, overrides: Record<string, unknown> = {}, extra?: Partial<InjectOptions>) =>
  c.post(`/api/threads/${threadId}/posts`, { body: 'Ett svar.', ...overrides }, extra);
const raw = (c: ApiClient, url: string, payload: string, contentType = 'application/json') => c.post(url, payload, { headers: { 'content-type': contentType } });
const search = (c: ApiClient, query: string) => c.get(`/api/forums/search?${query}`);
const access = (overrides: Record<string, unknown>) => ({ slug: 'stangt-forum', nameSv: 'Stängt', nameEn: 'Closed', access: { roles: ['official'], ...overrides } });

const idCases = (send: (c: ApiClient, id: string) => Promise<LightMyRequestResponse>): Case[] => [badId((c) => send(c, '1')), notFound((c) => send(c, unknownId))];

const table: RouteCases[] = [
  {
    route: 'GET /api/forums/search',
    as: 'visitor',
    // The rest of the search parameters are covered in forums-search.test.ts.
    cases: [
      { name: 'a search text of 201 characters', send: (c) => search(c, `q=${long(201)}`), status: 400, errors: [['querystring.q', 'field.tooLong', { max: 200 }]] },
      { name: 'a NUL character in the search text', send: (c) => search(c, 'q=bid%00rag'), status: 400, errors: [['querystring.q', 'field.invalidCharacters']] },
      // PostgreSQL has no year 0; the shared date schema refuses it.
      { name: 'dates in year 0', send: (c) => search(c, 'q=bidrag&from=0000-01-01&to=0000-12-31'), status: 400, errors: [['querystring.from', 'field.dateYearZero'], ['querystring.to', 'field.dateYearZero']] },
      { name: 'a malformed forum id', send: (c) => search(c, 'q=bidrag&forum=42'), status: 400, errors: [['querystring.forum', 'field.uuid']] },
      { name: 'a forum but no words, author or organisation', send: (c, w) => search(c, `forum=${w.forumId}`), status: 400, errors: [['querystring.q', 'field.required']] },
      { name: 'an unknown parameter', send: (c) => search(c, 'q=bidrag&limit=5'), status: 400, errors: [['querystring.limit', 'field.unknownField', { keys: 'limit' }]] },
    ],
  },
  {
    route: 'GET /api/forums/mentionables',
    as: 'author',
    cases: [
      { name: 'no name', send: (c) => c.get('/api/forums/mentionables'), status: 400, errors: [['querystring.q', 'field.required']] },
      { name: 'only spaces', send: (c) => c.get('/api/forums/mentionables?q=%20%20'), status: 400, errors: [['querystring.q', 'field.required']] },
      { name: 'a name of 81 characters', send: (c) => c.get(`/api/forums/mentionables?q=${long(81)}`), status: 400, errors: [['querystring.q', 'field.tooLong', { max: 80 }]] },
      { name: 'a NUL character', send: (c) => c.get('/api/forums/mentionables?q=An%00na'), status: 400, errors: [['querystring.q', 'field.invalidCharacters']] },
      { name: 'an unknown parameter', send: (c) => c.get('/api/forums/mentionables?q=Anna&kind=user'), status: 400, errors: [['querystring.kind', 'field.unknownField', { keys: 'kind' }]] },
    ],
  },
  {
    route: 'GET /api/forums/:ref',
    as: 'visitor',
    cases: [
      // The router refuses a path segment over 100 characters before the schema sees it.
      { name: 'a reference of 101 characters', send: (c) => c.get(`/api/forums/${long(101)}`), status: 414 },
      // PostgreSQL refuses a NUL in text (it was a 500): it stops at validation.
      { name: 'a NUL character in the reference', send: (c, w) => c.get(`/api/forums/${w.forumSlug}%00`), status: 400, errors: [['params.ref', 'field.invalidCharacters']] },
      { name: 'a reference that is not UTF-8 (a lone surrogate)', send: (c) => c.get('/api/forums/%ED%A0%80'), status: 400 },
      { name: 'an unknown slug', send: (c) => c.get('/api/forums/finns-inte'), status: 404 },
      { name: 'an unknown id', send: (c) => c.get(`/api/forums/${unknownId}`), status: 404 },
      { name: 'a restricted forum, signed out', send: (c, w) => c.get(`/api/forums/${w.restrictedForumId}`), status: 401 },
      { name: 'page 0 and a page of 101', send: (c, w) => c.get(`/api/forums/${w.forumSlug}?page=0&pageSize=101`), status: 400, errors: [['querystring.page', 'field.tooSmall', { min: 1 }], ['querystring.pageSize', 'field.tooBig', { max: 100 }]] },
      { name: 'a page in words and a page size of 2.5', send: (c, w) => c.get(`/api/forums/${w.forumSlug}?page=tv%C3%A5&pageSize=2.5`), status: 400, errors: [['querystring.page', 'field.invalidType'], ['querystring.pageSize', 'field.invalidType']] },
      { name: 'an unknown parameter', send: (c, w) => c.get(`/api/forums/${w.forumSlug}?sort=new`), status: 400, errors: [['querystring.sort', 'field.unknownField', { keys: 'sort' }]] },
    ],
  },
  {
    route: 'POST /api/forums/',
    as: 'coordinator',
    cases: [
      { name: 'nothing', send: (c) => c.post('/api/forums', {}), status: 400, errors: required('slug', 'nameSv', 'nameEn') },
      {
        name: 'a slug with capitals and spaces and names of one letter',
        send: (c) => c.post('/api/forums', { slug: 'Lokaler och mer', nameSv: 'L', nameEn: 'P' }),
        status: 400,
        errors: [['slug', 'field.slug'], ['nameSv', 'field.tooShort', { min: 2 }], ['nameEn', 'field.tooShort', { min: 2 }]],
      },
      {
        name: 'names and descriptions too long',
        send: (c) => c.post('/api/forums', { slug: 'langt', nameSv: long(81), nameEn: long(81), descriptionSv: long(501), descriptionEn: long(501) }),
        status: 400,
        errors: [['nameSv', 'field.tooLong', { max: 80 }], ['nameEn', 'field.tooLong', { max: 80 }], ['descriptionSv', 'field.tooLong', { max: 500 }], ['descriptionEn', 'field.tooLong', { max: 500 }]],
      },
      {
        name: 'a NUL character and a lone surrogate',
        send: (c) => c.post('/api/forums', { slug: 'tecken', nameSv: 'Lok\u0000aler', nameEn: 'Premises', descriptionEn: 'About \uD800 premises' }),
        status: 400,
        errors: [['nameSv', 'field.invalidCharacters'], ['descriptionEn', 'field.invalidCharacters']],
      },
      { name: 'a slug already taken', send: (c, w) => c.post('/api/forums', { slug: w.forumSlug, nameSv: 'Igen', nameEn: 'Again' }), status: 409, detail: 'error.slugTaken', errors: [['slug', 'error.slugTaken']] },
      {
        name: 'an access list with an unknown role and groups',
        send: (c) => c.post('/api/forums', access({ roles: ['member'], groups: ['styrelsen'] })),
        status: 400,
        errors: [['access.roles.0', 'field.invalidOption'], ['access.groups', 'field.unknownField', { keys: 'groups' }]],
      },
      { name: 'roles as text', send: (c) => c.post('/api/forums', access({ roles: 'official' })), status: 400, errors: [['access.roles', 'field.invalidType']] },
      { name: 'five roles', send: (c) => c.post('/api/forums', access({ roles: ['user', 'official', 'coordinator', 'admin', 'user'] })), status: 400, errors: [['access.roles', 'field.tooBig', { max: 4 }]] },
      { name: 'a malformed organisation id', send: (c) => c.post('/api/forums', access({ organisationIds: ['stadsmissionen'] })), status: 400, errors: [['access.organisationIds.0', 'field.uuid']] },
      {
        name: 'an unknown organisation and person',
        send: (c, w) => c.post('/api/forums', access({ organisationIds: [w.orgA, unknownId], userIds: [unknownId] })),
        status: 400,
        errors: [['access.organisationIds', 'error.unknownOrganisation', { field: 'access.organisationIds' }], ['access.userIds', 'error.unknownUser', { field: 'access.userIds' }]],
      },
      { name: 'access as text', send: (c) => c.post('/api/forums', { slug: 'stangt', nameSv: 'Stängt', nameEn: 'Closed', access: 'members' }), status: 400, errors: [['access', 'field.invalidType']] },
      { name: 'an unknown field', send: (c) => c.post('/api/forums', { slug: 'ny', nameSv: 'Nytt', nameEn: 'New', position: 1 }), status: 400, errors: [['position', 'field.unknownField', { keys: 'position' }]] },
      { name: 'malformed JSON', send: (c) => raw(c, '/api/forums', '{"slug": "ny",'), status: 400 },
    ],
  },
  {
    route: 'PUT /api/forums/order',
    as: 'coordinator',
    cases: [
      { name: 'nothing', send: (c) => c.put('/api/forums/order', {}), status: 400, errors: [['ids', 'field.required']] },
      { name: 'an empty list', send: (c) => c.put('/api/forums/order', { ids: [] }), status: 400, errors: [['ids', 'field.required']] },
      { name: 'ids as text', send: (c, w) => c.put('/api/forums/order', { ids: w.forumIds.join(',') }), status: 400, errors: [['ids', 'field.invalidType']] },
      { name: 'a malformed id', send: (c, w) => c.put('/api/forums/order', { ids: [w.forumIds[0], 'andra', ...w.forumIds.slice(2)] }), status: 400, errors: [['ids.1', 'field.uuid']] },
      { name: 'a forum twice', send: (c, w) => c.put('/api/forums/order', { ids: [...w.forumIds, w.forumIds[0]] }), status: 400, errors: [['ids', 'error.forumOrder']] },
      { name: 'a forum twice and one missing', send: (c, w) => c.put('/api/forums/order', { ids: [w.forumIds[0], ...w.forumIds.slice(0, -1)] }), status: 400, errors: [['ids', 'error.forumOrder']] },
      { name: 'a forum missing', send: (c, w) => c.put('/api/forums/order', { ids: w.forumIds.slice(1) }), status: 400, errors: [['ids', 'error.forumOrder']] },
      { name: 'an unknown forum', send: (c, w) => c.put('/api/forums/order', { ids: [...w.forumIds.slice(0, -1), unknownId] }), status: 400, errors: [['ids', 'error.forumOrder']] },
      { name: '201 ids', send: (c) => c.put('/api/forums/order', { ids: Array.from({ length: 201 }, () => unknownId) }), status: 400, errors: [['ids', 'field.tooBig', { max: 200 }]] },
      { name: 'an unknown field', send: (c, w) => c.put('/api/forums/order', { ids: w.forumIds, archivedLast: true }), status: 400, errors: [['archivedLast', 'field.unknownField', { keys: 'archivedLast' }]] },
    ],
  },
  {
    route: 'PATCH /api/forums/:id',
    as: 'coordinator',
    cases: [
      { name: 'a name of one letter and archived as text', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, { nameEn: 'E', archived: 'ja' }), status: 400, errors: [['nameEn', 'field.tooShort', { min: 2 }], ['archived', 'field.invalidType']] },
      { name: 'a name of null', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, { nameSv: null }), status: 400, errors: [['nameSv', 'field.invalidType']] },
      { name: 'a NUL character in the description', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, { descriptionSv: 'Om\u0000 lokaler' }), status: 400, errors: [['descriptionSv', 'field.invalidCharacters']] },
      { name: 'an unknown role', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, { access: { roles: ['styrelse'] } }), status: 400, errors: [['access.roles.0', 'field.invalidOption']] },
      { name: 'an unknown person', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, { nameSv: 'Nytt namn', access: { userIds: [unknownId] } }), status: 400, errors: [['access.userIds', 'error.unknownUser', { field: 'access.userIds' }]] },
      { name: 'a slug (it cannot change)', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, { slug: 'nytt' }), status: 400, errors: [['slug', 'field.unknownField', { keys: 'slug' }]] },
      badId((c) => c.patch('/api/forums/1', { nameSv: 'Nytt' })),
      notFound((c) => c.patch(`/api/forums/${unknownId}`, { nameSv: 'Nytt' })),
    ],
  },
  {
    route: 'PUT /api/forums/:id/follow',
    as: 'author',
    cases: [
      ...idCases((c, id) => c.put(`/api/forums/${id}/follow`)),
      { name: 'a slug for an id', send: (c, w) => c.put(`/api/forums/${w.forumSlug}/follow`), status: 400, errors: [['params.id', 'field.uuid']] },
      { name: 'a forum the person may not read', send: (c, w) => c.put(`/api/forums/${w.restrictedForumId}/follow`), status: 403 },
    ],
  },
  {
    route: 'DELETE /api/forums/:id/follow',
    as: 'author',
    cases: [...idCases((c, id) => c.delete(`/api/forums/${id}/follow`)), { name: 'a forum the person may not read', send: (c, w) => c.delete(`/api/forums/${w.restrictedForumId}/follow`), status: 403 }],
  },
  {
    route: 'POST /api/forums/:id/threads',
    as: 'author',
    cases: [
      { name: 'nothing', send: (c, w) => c.post(`/api/forums/${w.forumId}/threads`, {}), status: 400, errors: required('title', 'body') },
      { name: 'a title of two letters and a body of spaces', send: (c, w) => startThread(c, w.forumId, { title: 'Hj', body: ' \n\t ' }), status: 400, errors: [['title', 'field.tooShort', { min: 3 }], ['body', 'field.required']] },
      { name: 'a title too long', send: (c, w) => startThread(c, w.forumId, { title: long(threadTitleMax + 1) }), status: 400, errors: [['title', 'field.tooLong', { max: threadTitleMax }]] },
      { name: 'Markdown over the size limit', send: (c, w) => startThread(c, w.forumId, { body: markdown(postBodyMax + 1) }), status: 400, errors: [['body', 'field.tooLong', { max: postBodyMax }]] },
      { name: 'a request over the 256 kB limit', send: (c, w) => startThread(c, w.forumId, { body: long(300 * 1024) }), status: 413 },
      { name: 'a NUL character in the title', send: (c, w) => startThread(c, w.forumId, { title: 'Hej\u0000 alla' }), status: 400, errors: [['title', 'field.invalidCharacters']] },
      { name: 'a lone surrogate in the body', send: (c, w) => startThread(c, w.forumId, { body: 'Hej \uDC00 alla' }), status: 400, errors: [['body', 'field.invalidCharacters']] },
      { name: 'a title as a number and a body as a list', send: (c, w) => startThread(c, w.forumId, { title: 42, body: ['Hej'] }), status: 400, errors: [['title', 'field.invalidType'], ['body', 'field.invalidType']] },
      { name: 'a malformed organisation id', send: (c, w) => startThread(c, w.forumId, { organisationId: 'stadsmissionen' }), status: 400, errors: [['organisationId', 'field.uuid']] },
      { name: 'another organisation', send: (c, w) => startThread(c, w.forumId, { organisationId: w.orgB }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'an organisation that does not exist', send: (c, w) => startThread(c, w.forumId, { organisationId: unknownId }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'an unknown field', send: (c, w) => startThread(c, w.forumId, { pinned: true }), status: 400, errors: [['pinned', 'field.unknownField', { keys: 'pinned' }]] },
      { name: 'a list for a body', send: (c, w) => c.post(`/api/forums/${w.forumId}/threads`, [threadInput()]), status: 400, errors: [['(body)', 'field.invalidType']] },
      { name: 'a __proto__ key', send: (c, w) => raw(c, `/api/forums/${w.forumId}/threads`, '{"title": "Hej alla", "body": "Hej", "__proto__": {"pinned": true}}'), status: 400 },
      { name: 'text instead of JSON', send: (c, w) => raw(c, `/api/forums/${w.forumId}/threads`, 'Hej alla', 'text/plain'), status: 415 },
      { name: 'an Idempotency-Key of 3 characters', send: (c, w) => startThread(c, w.forumId, {}, key('abc')), status: 400, errors: [['headers.idempotency-key', 'field.tooShort', { min: 8 }]] },
      { name: 'an Idempotency-Key of 101 characters', send: (c, w) => startThread(c, w.forumId, {}, key(long(101))), status: 400, errors: [['headers.idempotency-key', 'field.tooLong', { max: 100 }]] },
      { name: 'an Idempotency-Key with spaces and ö', send: (c, w) => startThread(c, w.forumId, {}, key('nyckel för tråd')), status: 400, errors: [['headers.idempotency-key', 'field.invalid']] },
      { name: 'the Idempotency-Key of a reply', send: (c, w) => startThread(c, w.forumId, {}, key(replyKey)), status: 409, detail: 'error.idempotencyKeyReused' },
      // It answered 200 with the thread in the first forum, as if this were a retry of that request.
      { name: 'the Idempotency-Key of a thread in another forum', send: (c, w) => startThread(c, w.otherForumId, {}, key(threadKey)), status: 409, detail: 'error.idempotencyKeyReused' },
      { name: 'an archived forum', send: (c, w) => startThread(c, w.archivedForumId), status: 403, detail: 'error.forumArchived' },
      { name: 'a forum the person may not read', send: (c, w) => startThread(c, w.restrictedForumId), status: 403 },
      ...idCases((c, id) => startThread(c, id)),
    ],
  },
  {
    route: 'GET /api/threads/:id',
    as: 'visitor',
    cases: [...idCases((c, id) => c.get(`/api/threads/${id}`)), { name: 'a thread in a restricted forum, signed out', send: (c, w) => c.get(`/api/threads/${w.restrictedThreadId}`), status: 401 }],
  },
  {
    route: 'PATCH /api/threads/:id',
    as: 'coordinator',
    cases: [
      {
        name: 'a title of two letters, pinned as text and locked as a number',
        send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { title: 'Hj', pinned: 'ja', locked: 1 }),
        status: 400,
        errors: [['title', 'field.tooShort', { min: 3 }], ['pinned', 'field.invalidType'], ['locked', 'field.invalidType']],
      },
      { name: 'a NUL character in the title', send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { title: 'Ny\u0000 titel' }), status: 400, errors: [['title', 'field.invalidCharacters']] },
      { name: 'a malformed forum id', send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { forumId: 'allmant' }), status: 400, errors: [['forumId', 'field.uuid']] },
      // It said "what you are looking for does not exist" on the field; now it names the forum.
      { name: 'a move to an unknown forum', send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { forumId: unknownId }), status: 400, errors: [['forumId', 'error.unknownForum', { field: 'forumId' }]] },
      // It moved the thread (and pinned it) where nobody may post any more.
      { name: 'a move to an archived forum', send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { pinned: true, forumId: w.archivedForumId }), status: 409, detail: 'error.moveToArchivedForum', errors: [['forumId', 'error.moveToArchivedForum']] },
      { name: 'an unknown field', send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { replyCount: 0 }), status: 400, errors: [['replyCount', 'field.unknownField', { keys: 'replyCount' }]] },
      ...idCases((c, id) => c.patch(`/api/threads/${id}`, { pinned: true })),
    ],
  },
  {
    route: 'GET /api/threads/:id/posts',
    as: 'visitor',
    cases: [
      { name: 'no reply to page back from', send: (c, w) => c.get(`/api/threads/${w.threadId}/posts`), status: 400, errors: [['querystring.before', 'field.required']] },
      { name: 'a malformed reply id', send: (c, w) => c.get(`/api/threads/${w.threadId}/posts?before=12`), status: 400, errors: [['querystring.before', 'field.uuid']] },
      { name: 'an unknown reply', send: (c, w) => c.get(`/api/threads/${w.threadId}/posts?before=${unknownId}`), status: 404 },
      { name: 'a reply in another thread', send: (c, w) => c.get(`/api/threads/${w.threadId}/posts?before=${w.otherFirstPostId}`), status: 404 },
      { name: 'an unknown parameter', send: (c, w) => c.get(`/api/threads/${w.threadId}/posts?before=${w.replyId}&limit=5`), status: 400, errors: [['querystring.limit', 'field.unknownField', { keys: 'limit' }]] },
      ...idCases((c, id) => c.get(`/api/threads/${id}/posts?before=${unknownId}`)),
    ],
  },
  {
    route: 'POST /api/threads/:id/posts',
    as: 'author',
    cases: [
      { name: 'nothing', send: (c, w) => c.post(`/api/threads/${w.threadId}/posts`, {}), status: 400, errors: required('body') },
      { name: 'a body of spaces', send: (c, w) => reply(c, w.threadId, { body: '   \n  ' }), status: 400, errors: [['body', 'field.required']] },
      { name: 'Markdown over the size limit', send: (c, w) => reply(c, w.threadId, { body: markdown(postBodyMax + 1) }), status: 400, errors: [['body', 'field.tooLong', { max: postBodyMax }]] },
      { name: 'a NUL character', send: (c, w) => reply(c, w.threadId, { body: 'Tack\u0000!' }), status: 400, errors: [['body', 'field.invalidCharacters']] },
      { name: 'a lone surrogate', send: (c, w) => reply(c, w.threadId, { body: 'Tack \uD83D!' }), status: 400, errors: [['body', 'field.invalidCharacters']] },
      { name: 'a body as an object', send: (c, w) => reply(c, w.threadId, { body: { text: 'Tack' } }), status: 400, errors: [['body', 'field.invalidType']] },
      { name: 'a malformed quoted post id', send: (c, w) => reply(c, w.threadId, { quotedPostId: 'förra' }), status: 400, errors: [['quotedPostId', 'field.uuid']] },
      { name: 'a quote from another thread', send: (c, w) => reply(c, w.threadId, { quotedPostId: w.otherFirstPostId }), status: 400, errors: [['quotedPostId', 'error.quotedPostElsewhere']] },
      { name: 'a quote of a post that does not exist', send: (c, w) => reply(c, w.threadId, { quotedPostId: unknownId }), status: 400, errors: [['quotedPostId', 'error.quotedPostElsewhere']] },
      { name: 'another organisation', send: (c, w) => reply(c, w.threadId, { organisationId: w.orgB }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'an unknown field', send: (c, w) => reply(c, w.threadId, { threadId: w.otherThreadId }), status: 400, errors: [['threadId', 'field.unknownField', { keys: 'threadId' }]] },
      { name: 'an Idempotency-Key of 7 characters', send: (c, w) => reply(c, w.threadId, {}, key('abcdefg')), status: 400, errors: [['headers.idempotency-key', 'field.tooShort', { min: 8 }]] },
      { name: 'an Idempotency-Key with a slash', send: (c, w) => reply(c, w.threadId, {}, key('reply/key/0002')), status: 400, errors: [['headers.idempotency-key', 'field.invalid']] },
      { name: 'the Idempotency-Key of the opening post', send: (c, w) => reply(c, w.threadId, {}, key(threadKey)), status: 409, detail: 'error.idempotencyKeyReused' },
      { name: 'the Idempotency-Key of a reply in another thread', send: (c, w) => reply(c, w.otherThreadId, {}, key(replyKey)), status: 409, detail: 'error.idempotencyKeyReused' },
      { name: 'a locked thread', send: (c, w) => reply(c, w.lockedThreadId), status: 403, detail: 'error.threadLocked' },
      { name: 'a thread in an archived forum', send: (c, w) => reply(c, w.archivedThreadId), status: 403, detail: 'error.forumArchived' },
      { name: 'a thread the person may not read', send: (c, w) => reply(c, w.restrictedThreadId), status: 403 },
      ...idCases((c, id) => reply(c, id)),
    ],
  },
  {
    route: 'PUT /api/threads/:id/follow',
    as: 'author',
    cases: [...idCases((c, id) => c.put(`/api/threads/${id}/follow`)), { name: 'a thread the person may not read', send: (c, w) => c.put(`/api/threads/${w.restrictedThreadId}/follow`), status: 403 }],
  },
  {
    route: 'DELETE /api/threads/:id/follow',
    as: 'author',
    cases: [...idCases((c, id) => c.delete(`/api/threads/${id}/follow`)), { name: 'a thread the person may not read', send: (c, w) => c.delete(`/api/threads/${w.restrictedThreadId}/follow`), status: 403 }],
  },
  {
    route: 'POST /api/threads/:id/read',
    as: 'author',
    cases: [...idCases((c, id) => c.post(`/api/threads/${id}/read`)), { name: 'a thread the person may not read', send: (c, w) => c.post(`/api/threads/${w.restrictedThreadId}/read`), status: 403 }],
  },
  {
    route: 'PATCH /api/posts/:id',
    as: 'author',
    cases: [
      { name: 'nothing', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, {}), status: 400, errors: required('body') },
      { name: 'a body of spaces', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, { body: '\n \n' }), status: 400, errors: [['body', 'field.required']] },
      { name: 'Markdown over the size limit', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, { body: markdown(postBodyMax + 1) }), status: 400, errors: [['body', 'field.tooLong', { max: postBodyMax }]] },
      { name: 'a NUL character', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, { body: 'Rättat\u0000' }), status: 400, errors: [['body', 'field.invalidCharacters']] },
      { name: 'a lone surrogate', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, { body: 'Rättat \uDFFF' }), status: 400, errors: [['body', 'field.invalidCharacters']] },
      { name: 'an unknown field', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, { body: 'Rättat', organisationId: w.orgA }), status: 400, errors: [['organisationId', 'field.unknownField', { keys: 'organisationId' }]] },
      { name: 'someone else’s post', send: (c, w) => c.patch(`/api/posts/${w.otherReplyId}`, { body: 'Rättat' }), status: 403 },
      { name: 'a removed post', send: (c, w) => c.patch(`/api/posts/${w.removedId}`, { body: 'Tillbaka' }), status: 409, detail: 'error.postRemoved' },
      { name: 'a post the person may not read', send: (c, w) => c.patch(`/api/posts/${w.restrictedPostId}`, { body: 'Rättat' }), status: 403 },
      // A locked thread and an archived forum take no new words, edits included.
      { name: 'one’s post in a locked thread', send: (c, w) => c.patch(`/api/posts/${w.lockedPostId}`, { body: 'Ändrat i efterhand' }), status: 403, detail: 'error.threadLocked' },
      { name: 'one’s post in an archived forum', send: (c, w) => c.patch(`/api/posts/${w.archivedPostId}`, { body: 'Ändrat i efterhand' }), status: 403, detail: 'error.forumArchived' },
      ...idCases((c, id) => c.patch(`/api/posts/${id}`, { body: 'Rättat' })),
    ],
  },
  {
    route: 'DELETE /api/posts/:id',
    as: 'author',
    cases: [...idCases((c, id) => c.delete(`/api/posts/${id}`)), { name: 'someone else’s post', send: (c, w) => c.delete(`/api/posts/${w.otherReplyId}`), status: 403 }],
  },
  {
    route: 'GET /api/posts/:id/revisions',
    as: 'visitor',
    cases: [...idCases((c, id) => c.get(`/api/posts/${id}/revisions`)), { name: 'a post in a restricted forum, signed out', send: (c, w) => c.get(`/api/posts/${w.restrictedPostId}/revisions`), status: 401 }],
  },
  {
    route: 'PUT /api/posts/:id/reactions/:reaction',
    as: 'other',
    cases: [
      { name: 'an unknown reaction', send: (c, w) => c.put(`/api/posts/${w.replyId}/reactions/smile`), status: 400, errors: [['params.reaction', 'field.invalidOption']] },
      { name: 'an emoji for its name', send: (c, w) => c.put(`/api/posts/${w.replyId}/reactions/${encodeURIComponent('👍')}`), status: 400, errors: [['params.reaction', 'field.invalidOption']] },
      { name: 'a reaction with a capital', send: (c, w) => c.put(`/api/posts/${w.replyId}/reactions/ThumbsUp`), status: 400, errors: [['params.reaction', 'field.invalidOption']] },
      { name: 'a malformed id and an unknown reaction', send: (c) => c.put('/api/posts/1/reactions/smile'), status: 400, errors: [['params.id', 'field.uuid'], ['params.reaction', 'field.invalidOption']] },
      { name: 'a removed post', send: (c, w) => c.put(`/api/posts/${w.removedId}/reactions/heart`), status: 409, detail: 'error.postRemoved' },
      { name: 'a hidden post', send: (c, w) => c.put(`/api/posts/${w.hiddenId}/reactions/heart`), status: 409, detail: 'error.postRemoved' },
      { name: 'a post in an archived forum', send: (c, w) => c.put(`/api/posts/${w.archivedPostId}/reactions/heart`), status: 403, detail: 'error.forumArchived' },
      ...idCases((c, id) => c.put(`/api/posts/${id}/reactions/heart`)),
    ],
  },
  {
    route: 'DELETE /api/posts/:id/reactions/:reaction',
    as: 'other',
    cases: [
      { name: 'an unknown reaction', send: (c, w) => c.delete(`/api/posts/${w.replyId}/reactions/thumbs-up`), status: 400, errors: [['params.reaction', 'field.invalidOption']] },
      { name: 'a removed post', send: (c, w) => c.delete(`/api/posts/${w.removedId}/reactions/thumbsUp`), status: 409, detail: 'error.postRemoved' },
      ...idCases((c, id) => c.delete(`/api/posts/${id}/reactions/thumbsUp`)),
    ],
  },
  {
    route: 'POST /api/posts/:id/flags',
    as: 'other',
    cases: [
      { name: 'nothing', send: (c, w) => c.post(`/api/posts/${w.otherReplyId}/flags`, {}), as: 'author', status: 400, errors: required('reason') },
      { name: 'a reason of two letters', send: (c, w) => c.post(`/api/posts/${w.otherReplyId}/flags`, { reason: 'Nä' }), as: 'author', status: 400, errors: [['reason', 'field.tooShort', { min: 3 }]] },
      { name: 'a reason too long', send: (c, w) => c.post(`/api/posts/${w.firstPostId}/flags`, { reason: long(501) }), status: 400, errors: [['reason', 'field.tooLong', { max: 500 }]] },
      { name: 'a NUL character', send: (c, w) => c.post(`/api/posts/${w.firstPostId}/flags`, { reason: 'Spam\u0000' }), status: 400, errors: [['reason', 'field.invalidCharacters']] },
      { name: 'an unknown field', send: (c, w) => c.post(`/api/posts/${w.firstPostId}/flags`, { reason: 'Spam', category: 'spam' }), status: 400, errors: [['category', 'field.unknownField', { keys: 'category' }]] },
      { name: 'a post already reported', send: (c, w) => c.post(`/api/posts/${w.replyId}/flags`, { reason: 'Igen' }), status: 409, detail: 'error.alreadyFlagged' },
      { name: 'a removed post', send: (c, w) => c.post(`/api/posts/${w.removedId}/flags`, { reason: 'Spam' }), as: 'coordinator', status: 409, detail: 'error.postRemoved' },
      // It filed a report on a post already hidden, which the reporter cannot see.
      { name: 'a hidden post', send: (c, w) => c.post(`/api/posts/${w.hiddenId}/flags`, { reason: 'Spam' }), status: 409, detail: 'error.postRemoved' },
      ...idCases((c, id) => c.post(`/api/posts/${id}/flags`, { reason: 'Spam' })),
    ],
  },
  {
    route: 'POST /api/posts/:id/hide',
    as: 'coordinator',
    cases: [
      { name: 'nothing', send: (c, w) => c.post(`/api/posts/${w.replyId}/hide`, {}), status: 400, errors: required('reason') },
      { name: 'a reason of spaces', send: (c, w) => c.post(`/api/posts/${w.replyId}/hide`, { reason: '     ' }), status: 400, errors: [['reason', 'field.tooShort', { min: 3 }]] },
      { name: 'a lone surrogate', send: (c, w) => c.post(`/api/posts/${w.replyId}/hide`, { reason: 'Kränkande \uD800' }), status: 400, errors: [['reason', 'field.invalidCharacters']] },
      { name: 'an unknown field', send: (c, w) => c.post(`/api/posts/${w.replyId}/hide`, { reason: 'Kränkande', notify: false }), status: 400, errors: [['notify', 'field.unknownField', { keys: 'notify' }]] },
      { name: 'a removed post', send: (c, w) => c.post(`/api/posts/${w.removedId}/hide`, { reason: 'Kränkande' }), status: 409, detail: 'error.postRemoved' },
      ...idCases((c, id) => c.post(`/api/posts/${id}/hide`, { reason: 'Kränkande' })),
    ],
  },
  {
    route: 'POST /api/posts/:id/unhide',
    as: 'coordinator',
    cases: idCases((c, id) => c.post(`/api/posts/${id}/unhide`)),
  },
  {
    route: 'GET /api/moderation/flags',
    as: 'coordinator',
    cases: [
      { name: 'an unknown status', send: (c) => c.get('/api/moderation/flags?status=closed'), status: 400, errors: [['querystring.status', 'field.invalidOption']] },
      { name: 'two statuses', send: (c) => c.get('/api/moderation/flags?status=open&status=resolved'), status: 400, errors: [['querystring.status', 'field.invalidOption']] },
      { name: 'an unknown parameter', send: (c) => c.get('/api/moderation/flags?page=2'), status: 400, errors: [['querystring.page', 'field.unknownField', { keys: 'page' }]] },
    ],
  },
  {
    route: 'POST /api/moderation/flags/:id/resolve',
    as: 'coordinator',
    cases: [
      { name: 'nothing', send: (c, w) => c.post(`/api/moderation/flags/${w.openFlagId}/resolve`, {}), status: 400, errors: required('action') },
      { name: 'an unknown action', send: (c, w) => c.post(`/api/moderation/flags/${w.openFlagId}/resolve`, { action: 'delete' }), status: 400, errors: [['action', 'field.invalidOption']] },
      { name: 'hiding without a reason', send: (c, w) => c.post(`/api/moderation/flags/${w.openFlagId}/resolve`, { action: 'hide' }), status: 400, errors: [['reason', 'field.required']] },
      { name: 'hiding with a reason of two letters', send: (c, w) => c.post(`/api/moderation/flags/${w.openFlagId}/resolve`, { action: 'hide', reason: 'Nä' }), status: 400, errors: [['reason', 'field.tooShort', { min: 3 }]] },
      { name: 'an unknown field', send: (c, w) => c.post(`/api/moderation/flags/${w.openFlagId}/resolve`, { action: 'dismiss', notify: true }), status: 400, errors: [['notify', 'field.unknownField', { keys: 'notify' }]] },
      { name: 'a report already dismissed', send: (c, w) => c.post(`/api/moderation/flags/${w.resolvedFlagId}/resolve`, { action: 'dismiss' }), status: 409, detail: 'error.flagResolved' },
      { name: 'hiding a post since removed', send: (c, w) => c.post(`/api/moderation/flags/${w.removedFlagId}/resolve`, { action: 'hide', reason: 'Kränkande' }), status: 409, detail: 'error.postRemoved' },
      { name: 'a post’s id for a report’s', send: (c, w) => c.post(`/api/moderation/flags/${w.replyId}/resolve`, { action: 'dismiss' }), status: 404 },
      ...idCases((c, id) => c.post(`/api/moderation/flags/${id}/resolve`, { action: 'dismiss' })),
    ],
  },
  {
    route: 'POST /api/notifications/read',
    as: 'author',
    cases: [
      { name: 'ids as text', send: (c, w) => c.post('/api/notifications/read', { ids: w.authorNotificationId }), status: 400, errors: [['ids', 'field.invalidType']] },
      { name: 'ids of null', send: (c) => c.post('/api/notifications/read', { ids: null }), status: 400, errors: [['ids', 'field.invalidType']] },
      { name: 'a malformed id', send: (c, w) => c.post('/api/notifications/read', { ids: [w.authorNotificationId, 'alla'] }), status: 400, errors: [['ids.1', 'field.uuid']] },
      { name: '201 ids', send: (c) => c.post('/api/notifications/read', { ids: Array.from({ length: 201 }, () => unknownId) }), status: 400, errors: [['ids', 'field.tooBig', { max: 200 }]] },
      { name: 'an unknown field', send: (c) => c.post('/api/notifications/read', { all: true }), status: 400, errors: [['all', 'field.unknownField', { keys: 'all' }]] },
    ],
  },
  {
    // A WebSocket route, outside the OpenAPI document; refused before the upgrade.
    route: 'GET /api/feed/',
    as: 'visitor',
    cases: [
      { name: 'a cursor in words', send: (c) => c.get('/api/feed?since=senast'), status: 400, errors: [['querystring.since', 'field.invalidType']] },
      { name: 'a cursor of -1', send: (c) => c.get('/api/feed?since=-1'), status: 400, errors: [['querystring.since', 'field.tooSmall', { min: 0 }]] },
      { name: 'a cursor of 1.5', send: (c) => c.get('/api/feed?since=1.5'), status: 400, errors: [['querystring.since', 'field.invalidType']] },
      { name: 'an unknown parameter', send: (c) => c.get('/api/feed?room=moderation'), status: 400, errors: [['querystring.room', 'field.unknownField', { keys: 'room' }]] },
    ],
  },
];

/** Requests that ask for nothing new: they succeed and write nothing (no audit entry, no live event). */
const quiet: QuietRequest<World, Actor>[] = [
  // The first four wrote an audit entry or a live event.
  { name: 'an empty change of a forum', as: 'coordinator', send: (c, w) => c.patch(`/api/forums/${w.forumId}`, {}), status: 200 },
  { name: 'showing a post that is not hidden', as: 'coordinator', send: (c, w) => c.post(`/api/posts/${w.replyId}/unhide`), status: 200 },
  { name: 'marking unknown, someone else’s and no notifications read', as: 'author', send: (c, w) => c.post('/api/notifications/read', { ids: [unknownId, w.otherNotificationId] }), status: 200 },
  { name: 'marking an empty list read', as: 'author', send: (c) => c.post('/api/notifications/read', { ids: [] }), status: 200 },
  { name: 'moving a thread to its own forum', as: 'coordinator', send: (c, w) => c.patch(`/api/threads/${w.threadId}`, { forumId: w.forumId }), status: 200 },
  { name: 'an edit to the same text', as: 'author', send: (c, w) => c.patch(`/api/posts/${w.replyId}`, { body: editedBody }), status: 200 },
  { name: 'removing a post already removed', as: 'author', send: (c, w) => c.delete(`/api/posts/${w.removedId}`), status: 200 },
  { name: 'taking back a reaction never given', as: 'other', send: (c, w) => c.delete(`/api/posts/${w.replyId}/reactions/heart`), status: 200 },
  { name: 'unfollowing a forum not followed', as: 'other', send: (c, w) => c.delete(`/api/forums/${w.forumId}/follow`), status: 204 },
  // It logged the hiding again and notified the author a second time.
  { name: 'hiding a post again for the same reason', as: 'coordinator', send: (c, w) => c.post(`/api/posts/${w.hiddenId}/hide`, { reason: 'Olämpligt' }), status: 200 },
];

/** Routes that take input but are not in the OpenAPI document (@fastify/websocket leaves them out). */
const undocumented = ['GET /api/feed/'];

const tables = [
  'forums',
  'forum_access',
  'forum_follows',
  'threads',
  'thread_follows',
  'thread_reads',
  'posts',
  'post_revisions',
  'post_reactions',
  'post_flags',
  'notifications',
  'events',
  'audit_log',
];

const snapshot = () => tableSnapshot(t.app, tables);

/** What the API shows of everything the bad requests aimed at. */
async function views() {
  const read = async (c: ApiClient, url: string) => {
    const response = await c.get(url);
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
  return {
    forums: await read(as.coordinator, '/api/forums'),
    forum: await read(as.author, `/api/forums/${w.forumId}`),
    thread: await read(as.author, `/api/threads/${w.threadId}`),
    threadAsStaff: await read(as.coordinator, `/api/threads/${w.threadId}`),
    openFlags: await read(as.coordinator, '/api/moderation/flags'),
    resolvedFlags: await read(as.coordinator, '/api/moderation/flags?status=resolved'),
    authorNotifications: await read(as.author, '/api/notifications'),
    otherNotifications: await read(as.other, '/api/notifications'),
  };
}

const suite: SuiteContext<World, Actor> = { client: (actor) => as[actor], world: () => w, state: async () => ({ tables: await snapshot(), views: await views() }) };

beforeAll(async () => {
  t = await buildTestApp();
  const app = t.app;
  const a = await createOrganisation(app);
  const b = await createOrganisation(app);
  as.visitor = new ApiClient(app);
  as.author = a.adminClient;
  as.other = b.adminClient;
  as.coordinator = (await signedInClient(app, 'coordinator')).client;
  const ok = async (response: Promise<LightMyRequestResponse>, status = 200) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.statusCode === 204 ? null : r.json();
  };
  const suffix = Math.random().toString(36).slice(2, 8);
  const newForum = (slug: string, extra: Record<string, unknown> = {}) => ok(as.coordinator.post('/api/forums', { slug: `${slug}-${suffix}`, nameSv: `Forum ${slug}`, nameEn: `Forum ${slug}`, ...extra }), 201);
  const forum = await newForum('allmant');
  const otherForum = await newForum('ovrigt');
  const archivedForum = await newForum('arkiv');
  const restrictedForum = await newForum('tjanstepersoner', { access: { roles: ['official'] } });

  const started = await ok(startThread(as.author, forum.id, { title: 'Lokaler i Farsta', body: 'Vet någon en **lokal**?' }, key(threadKey)), 201);
  const threadId = started.thread.id;
  await ok(as.author.put(`/api/forums/${forum.id}/follow`), 204);
  const answer: Post = await ok(reply(as.author, threadId, { body: 'Vi har en i Hagsätra.' }, key(replyKey)), 201);
  await ok(as.author.patch(`/api/posts/${answer.id}`, { body: editedBody }));
  const otherAnswer: Post = await ok(reply(as.other, threadId, { body: 'Tack, vi hör av oss!', quotedPostId: answer.id }), 201);
  await ok(as.other.put(`/api/posts/${answer.id}/reactions/thumbsUp`));
  const removed: Post = await ok(reply(as.author, threadId, { body: 'Fel tråd.' }), 201);
  const hidden: Post = await ok(reply(as.author, threadId, { body: 'Något olämpligt.' }), 201);
  await ok(as.coordinator.post(`/api/posts/${hidden.id}/hide`, { reason: 'Olämpligt' }));
  const openFlag = await ok(as.other.post(`/api/posts/${answer.id}/flags`, { reason: 'Stämmer inte' }), 201);
  const resolvedFlag = await ok(as.author.post(`/api/posts/${otherAnswer.id}/flags`, { reason: 'Reklam' }), 201);
  await ok(as.coordinator.post(`/api/moderation/flags/${resolvedFlag.id}/resolve`, { action: 'dismiss' }));
  const removedFlag = await ok(as.other.post(`/api/posts/${removed.id}/flags`, { reason: 'Dubblett' }), 201);
  await ok(as.author.delete(`/api/posts/${removed.id}`));

  const locked = await ok(startThread(as.author, forum.id, { title: 'Låst tråd' }), 201);
  await ok(as.coordinator.patch(`/api/threads/${locked.thread.id}`, { locked: true }));
  const archived = await ok(startThread(as.author, archivedForum.id, { title: 'Gammal tråd' }), 201);
  await ok(as.coordinator.patch(`/api/forums/${archivedForum.id}`, { archived: true }));
  const restricted = await ok(startThread(as.coordinator, restrictedForum.id, { title: 'Internt' }), 201);
  const other = await ok(startThread(as.other, otherForum.id, { title: 'Föreningens tråd' }), 201);

  const forumIds = ((await ok(as.coordinator.get('/api/forums'))).forums as { id: string; position: number }[]).sort((x, y) => x.position - y.position).map((f) => f.id);
  const firstNotification = async (c: ApiClient) => {
    const list = (await ok(c.get('/api/notifications'))).notifications as { id: string }[];
    expect(list.length).toBeGreaterThan(0);
    return list[0].id;
  };
  w = {
    authorId: a.admin.id,
    orgA: a.organisation.id,
    orgB: b.organisation.id,
    forumIds,
    forumId: forum.id,
    forumSlug: forum.slug,
    otherForumId: otherForum.id,
    archivedForumId: archivedForum.id,
    restrictedForumId: restrictedForum.id,
    threadId,
    firstPostId: started.post.id,
    replyId: answer.id,
    otherReplyId: otherAnswer.id,
    removedId: removed.id,
    hiddenId: hidden.id,
    lockedThreadId: locked.thread.id,
    lockedPostId: locked.post.id,
    archivedThreadId: archived.thread.id,
    archivedPostId: archived.post.id,
    restrictedThreadId: restricted.thread.id,
    restrictedPostId: restricted.post.id,
    otherThreadId: other.thread.id,
    otherFirstPostId: other.post.id,
    openFlagId: openFlag.id,
    resolvedFlagId: resolvedFlag.id,
    removedFlagId: removedFlag.id,
    authorNotificationId: await firstNotification(as.author),
    otherNotificationId: await firstNotification(as.other),
  };
});
afterAll(() => t.close());

describe('forums: bad input', () => {
  it('has cases for every forum, thread, post, moderation, notification and feed route that takes input', async () => {
    const prefixes = ['/api/forums', '/api/threads', '/api/posts', '/api/moderation', '/api/notifications', '/api/feed'];
    const documented = (await documentedRoutes(t.app, prefixes)).filter((d) => d.takesInput).map((d) => d.route);
    for (const route of undocumented) expect(documented).not.toContain(route);
    const covered = table.map((r) => r.route);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered.sort()).toEqual([...documented, ...undocumented].sort());
    for (const r of table) expect(r.cases.length, r.route).toBeGreaterThan(0);
  });

  describeBadInput(table, suite);
});

describe('forums: requests that change nothing', () => {
  describeNoChange(quiet, suite);
});

describe('forums: bad mentions', () => {
  it('are posted as plain text and tell nobody: malformed and unknown ids, a name too long, a reader of no access', async () => {
    const mentions = async () => Number((await t.app.db.execute<{ n: number }>(sql`select count(*)::int as n from notifications where kind = 'mention'`)).rows[0].n);
    const mentionsBefore = await mentions();
    const authors = async () => {
      const { notifications, unreadCount } = (await as.author.get('/api/notifications')).json();
      return { notifications, unreadCount };
    };
    const authorsBefore = await authors();
    const tokens = [`@[Ingen](user:${unknownId})`, '@[Trasig](user:123)', `@[Okänd förening](org:${unknownId})`, `@[${long(81)}](user:${unknownId})`];
    const response = await reply(as.author, w.threadId, { body: `Hej ${tokens.join(' och ')}!` });
    expect(response.statusCode, response.body).toBe(201);
    const html = (response.json() as Post).bodyHtml!;
    expect(html).not.toMatch(/href="\/(forum|organisationer)/);
    expect(html.match(/class="mention mention-unknown"/g)).toHaveLength(tokens.length);
    // A mention of someone who may not read the forum tells them nothing about it.
    const restricted = await reply(as.coordinator, w.restrictedThreadId, { body: `Fråga @[Författaren](user:${w.authorId})` });
    expect(restricted.statusCode, restricted.body).toBe(201);
    // The other person follows the thread and hears of the reply as such; nobody of a mention.
    expect(await mentions()).toBe(mentionsBefore);
    expect(await authors()).toEqual(authorsBefore);
  });
});
