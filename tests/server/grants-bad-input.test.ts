import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { MessageKey } from '../../shared/messages';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, signedInClient } from '../helpers/factories';
import { describeBadInput, describeNoChange, documentedRoutes, tableSnapshot, type FieldSpec, type QuietRequest, type SuiteContext } from '../helpers/bad-input';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { callInput, exeBytes, memberOf, pdfBytes, stockholmDate, upload } from './grants-fixtures';

// Bad input on every grants route: each case answers the expected 4xx (never a 500) as problem
// details, names the offending fields in Swedish and in English, and writes nothing. The table is
// checked against the OpenAPI document so that a new grants route cannot go without cases.
// "Member" is an active member of organisation A who added the calls and wrote most posts;
// "orgAdmin" is A's admin; "former" wrote posts for A and then left it.

type Actor = 'visitor' | 'member' | 'orgAdmin' | 'former' | 'coordinator';
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
  orgA: string;
  orgB: string;
  /** The member's call, sent as `callBody`. */
  callId: string;
  callBody: ReturnType<typeof callInput>;
  archivedCallId: string;
  /** A call whose only deadline has passed. */
  pastCallId: string;
  knowHowId: string;
  helpRequestId: string;
  /** On the call, closed. */
  closedHelpRequestId: string;
  partnerPostId: string;
  /** Asked and posted before the call was archived. */
  archivedHelpRequestId: string;
  archivedPartnerPostId: string;
  archivedFileId: string;
  /** Closed while their call still had a deadline ahead; it has since passed. */
  pastClosedHelpRequestId: string;
  pastClosedPartnerPostId: string;
  linkId: string;
  fileId: string;
  /** Written for organisation A by the person who then left it: know-how (on the past call) with a file, an ask, a partner post. */
  formerKnowHowId: string;
  formerFileId: string;
  formerHelpRequestId: string;
  formerPartnerPostId: string;
}

let t: TestApp;
let w: World;
const as = {} as Record<Actor, ApiClient>;
const unknownId = '00000000-0000-4000-8000-000000000000';

const notFound = (send: Send): Case => ({ name: 'an unknown id', send, status: 404 });
const badId = (send: Send): Case => ({ name: 'a malformed id', send, status: 400, errors: [['params.id', 'field.uuid']] });
const ask = (organisationId: string) => ({ organisationId, text: 'Hjälp oss med budgeten.' });
const partners = (organisationId: string, callId: string) => ({ organisationId, callId, title: 'Partner sökes', text: 'Till en gemensam ansökan.' });

const table: RouteCases[] = [
  {
    route: 'GET /api/grants/calls',
    as: 'visitor',
    cases: [
      { name: 'an unknown funder kind', send: (c) => c.get('/api/grants/calls?funderKind=kommunen'), status: 400, errors: [['querystring.funderKind', 'field.invalidOption']] },
      { name: 'a date that is not one', send: (c) => c.get('/api/grants/calls?deadlineFrom=2026-13-01'), status: 400, errors: [['querystring.deadlineFrom', 'field.date']] },
      { name: 'a date range backwards', send: (c) => c.get('/api/grants/calls?deadlineFrom=2026-06-01&deadlineTo=2026-05-01'), status: 400, errors: [['querystring.deadlineTo', 'field.dateOrder']] },
      { name: 'a page size of 0 and a bad flag', send: (c) => c.get('/api/grants/calls?pageSize=0&includePast=ja'), status: 400, errors: [['querystring.includePast', 'field.invalidOption'], ['querystring.pageSize', 'field.tooSmall', { min: 1 }]] },
      { name: 'an unknown parameter', send: (c) => c.get('/api/grants/calls?sort=title'), status: 400, errors: [['querystring.sort', 'field.unknownField', { keys: 'sort' }]] },
    ],
  },
  {
    route: 'POST /api/grants/calls',
    as: 'member',
    cases: [
      { name: 'nothing', send: (c) => c.post('/api/grants/calls', {}), status: 400, errors: [['funderKind', 'field.required'], ['title', 'field.required'], ['url', 'field.required'], ['deadlines', 'field.required']] },
      { name: 'a plain http address', send: (c) => c.post('/api/grants/calls', callInput({ url: 'http://stiftelsen.example.se' })), status: 400, errors: [['url', 'grants.httpsOnly']] },
      { name: 'no deadline', send: (c) => c.post('/api/grants/calls', callInput({ deadlines: [] })), status: 400, errors: [['deadlines', 'grants.deadlineRequired']] },
      {
        name: 'the same deadline twice and one in year 1999',
        send: (c) => c.post('/api/grants/calls', callInput({ deadlines: [{ date: stockholmDate(10) }, { date: stockholmDate(10) }, { date: '1999-12-31' }] })),
        status: 400,
        errors: [['deadlines.2.date', 'grants.dateRange'], ['deadlines.1.date', 'grants.duplicateDeadline']],
      },
      {
        name: 'the same deadline twice',
        send: (c) => c.post('/api/grants/calls', callInput({ deadlines: [{ date: stockholmDate(10) }, { date: stockholmDate(10) }] })),
        status: 400,
        errors: [['deadlines.1.date', 'grants.duplicateDeadline']],
      },
      { name: 'a city administration not named', send: (c) => c.post('/api/grants/calls', callInput({ funderKind: 'cityAdministration', funderName: '' })), status: 400, errors: [['administration', 'grants.administrationRequired']] },
      { name: 'an administration for a foundation', send: (c) => c.post('/api/grants/calls', callInput({ administration: 'socialforvaltningen' })), status: 400, errors: [['administration', 'grants.administrationOnlyForCity']] },
      { name: 'a foundation without a name', send: (c) => c.post('/api/grants/calls', callInput({ funderName: '  ' })), status: 400, errors: [['funderName', 'field.required']] },
      { name: 'amounts the wrong way round', send: (c) => c.post('/api/grants/calls', callInput({ amountMin: 500, amountMax: 100 })), status: 400, errors: [['amountMax', 'grants.amountRange']] },
      { name: 'a negative amount', send: (c) => c.post('/api/grants/calls', callInput({ amountMin: -1 })), status: 400, errors: [['amountMin', 'field.tooSmall', { min: 0 }]] },
      {
        name: 'an unknown target group and administration',
        send: (c) => c.post('/api/grants/calls', callInput({ funderKind: 'cityAdministration', administration: 'rymdforvaltningen', targetGroups: ['marsianer'] })),
        status: 400,
        errors: [['administration', 'error.unknownReference', { field: 'administration' }], ['targetGroups', 'error.unknownReference', { field: 'targetGroups' }]],
      },
      { name: 'an unknown field', send: (c) => c.post('/api/grants/calls', { ...callInput(), secret: true }), status: 400, errors: [['secret', 'field.unknownField', { keys: 'secret' }]] },
      // The URL parser lets these through in the path and keeps the text as given: the NUL was a 500.
      { name: 'a NUL character in the address', send: (c) => c.post('/api/grants/calls', callInput({ url: 'https://stiftelsen.example.se/a\u0000b' })), status: 400, errors: [['url', 'field.invalidCharacters']] },
      { name: 'a lone surrogate in the address', send: (c) => c.post('/api/grants/calls', callInput({ url: 'https://stiftelsen.example.se/\ud800' })), status: 400, errors: [['url', 'field.invalidCharacters']] },
      { name: 'a deadline in year 0', send: (c) => c.post('/api/grants/calls', callInput({ deadlines: [{ date: '0000-06-01' }] })), status: 400, errors: [['deadlines.0.date', 'field.dateYearZero']] },
    ],
  },
  {
    route: 'GET /api/grants/calls/:id',
    as: 'visitor',
    cases: [badId((c) => c.get('/api/grants/calls/123')), notFound((c) => c.get(`/api/grants/calls/${unknownId}`))],
  },
  {
    route: 'PUT /api/grants/calls/:id',
    as: 'member',
    cases: [
      { name: 'a title too short', send: (c, w) => c.put(`/api/grants/calls/${w.callId}`, callInput({ title: 'Ab' })), status: 400, errors: [['title', 'field.tooShort', { min: 3 }]] },
      notFound((c) => c.put(`/api/grants/calls/${unknownId}`, callInput())),
      { name: 'an archived call', send: (c, w) => c.put(`/api/grants/calls/${w.archivedCallId}`, callInput()), status: 409, detail: 'error.grantArchived' },
      { name: 'no deadline left', send: (c, w) => c.put(`/api/grants/calls/${w.callId}`, { ...w.callBody, deadlines: [] }), status: 400, errors: [['deadlines', 'grants.deadlineRequired']] },
      { name: 'a NUL character in a deadline’s note', send: (c, w) => c.put(`/api/grants/calls/${w.callId}`, { ...w.callBody, deadlines: [{ date: stockholmDate(30), note: 'Steg\u00001' }] }), status: 400, errors: [['deadlines.0.note', 'field.invalidCharacters']] },
      { name: 'someone else’s call', as: 'orgAdmin', send: (c, w) => c.put(`/api/grants/calls/${w.callId}`, w.callBody), status: 403 },
    ],
  },
  {
    route: 'PATCH /api/grants/calls/:id',
    as: 'member',
    cases: [
      { name: 'nothing', send: (c, w) => c.patch(`/api/grants/calls/${w.callId}`, {}), status: 400, errors: [['archived', 'field.required']] },
      { name: 'a string for a boolean', send: (c, w) => c.patch(`/api/grants/calls/${w.callId}`, { archived: 'ja' }), status: 400, errors: [['archived', 'field.invalidType']] },
      notFound((c) => c.patch(`/api/grants/calls/${unknownId}`, { archived: true })),
      { name: 'someone else’s call', as: 'orgAdmin', send: (c, w) => c.patch(`/api/grants/calls/${w.callId}`, { archived: true }), status: 403 },
    ],
  },
  {
    route: 'PUT /api/grants/calls/:id/follow',
    as: 'member',
    cases: [
      badId((c) => c.put('/api/grants/calls/abc/follow')),
      notFound((c) => c.put(`/api/grants/calls/${unknownId}/follow`)),
      { name: 'an archived call', send: (c, w) => c.put(`/api/grants/calls/${w.archivedCallId}/follow`), status: 409, detail: 'error.grantArchived' },
    ],
  },
  {
    route: 'DELETE /api/grants/calls/:id/follow',
    as: 'member',
    cases: [badId((c) => c.delete('/api/grants/calls/abc/follow')), notFound((c) => c.delete(`/api/grants/calls/${unknownId}/follow`))],
  },
  {
    route: 'POST /api/grants/calls/:id/know-how',
    as: 'member',
    cases: [
      {
        name: 'a short description, an unknown status and a year too early',
        send: (c, w) => c.post(`/api/grants/calls/${w.callId}/know-how`, { organisationId: w.orgA, status: 'maybe', year: 1990, description: 'Kort' }),
        status: 400,
        errors: [['status', 'field.invalidOption'], ['year', 'field.tooSmall', { min: 2000 }], ['description', 'field.tooShort', { min: 10 }]],
      },
      { name: 'a malformed organisation id', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/know-how`, { organisationId: 'x', status: 'applied', description: 'Vi sökte förra året.' }), status: 400, errors: [['organisationId', 'field.uuid']] },
      { name: 'another organisation', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/know-how`, { organisationId: w.orgB, status: 'applied', description: 'Vi sökte förra året.' }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'a second entry for the organisation', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/know-how`, { organisationId: w.orgA, status: 'applied', description: 'Vi sökte förra året.' }), status: 409, errors: [['organisationId', 'error.knowHowExists']], detail: 'error.knowHowExists' },
      notFound((c, w) => c.post(`/api/grants/calls/${unknownId}/know-how`, { organisationId: w.orgA, status: 'applied', description: 'Vi sökte förra året.' })),
      { name: 'an archived call', send: (c, w) => c.post(`/api/grants/calls/${w.archivedCallId}/know-how`, { organisationId: w.orgA, status: 'applied', description: 'Vi sökte förra året.' }), status: 409, detail: 'error.grantArchived' },
    ],
  },
  {
    route: 'POST /api/grants/calls/:id/help-requests',
    as: 'member',
    cases: [
      { name: 'no text', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/help-requests`, { organisationId: w.orgA }), status: 400, errors: [['text', 'field.required']] },
      { name: 'a NUL character', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/help-requests`, { organisationId: w.orgA, text: 'Hjälp oss\u0000 med budgeten' }), status: 400, errors: [['text', 'field.invalidCharacters']] },
      { name: 'another organisation', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/help-requests`, { organisationId: w.orgB, text: 'Hjälp oss med budgeten.' }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      notFound((c, w) => c.post(`/api/grants/calls/${unknownId}/help-requests`, { organisationId: w.orgA, text: 'Hjälp oss med budgeten.' })),
      { name: 'a lone surrogate', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/help-requests`, { organisationId: w.orgA, text: 'Hjälp oss med \udc00budgeten' }), status: 400, errors: [['text', 'field.invalidCharacters']] },
      { name: 'an archived call', send: (c, w) => c.post(`/api/grants/calls/${w.archivedCallId}/help-requests`, ask(w.orgA)), status: 409, detail: 'error.grantArchived' },
      // It was accepted, and told those who know the call about an ask for a call nobody can apply to.
      { name: 'a call whose deadlines have all passed', send: (c, w) => c.post(`/api/grants/calls/${w.pastCallId}/help-requests`, ask(w.orgA)), status: 409, detail: 'error.grantClosed' },
      { name: 'an organisation one has left', as: 'former', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/help-requests`, ask(w.orgA)), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
    ],
  },
  {
    route: 'POST /api/grants/calls/:id/links',
    as: 'member',
    cases: [
      { name: 'no title and a javascript: address', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/links`, { url: 'javascript:alert(1)' }), status: 400, errors: [['title', 'field.required'], ['url', 'grants.httpsOnly']] },
      { name: 'an unknown category', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/links`, { title: 'Mall', category: 'recept', url: 'https://example.se' }), status: 400, errors: [['category', 'field.invalidOption']] },
      notFound((c) => c.post(`/api/grants/calls/${unknownId}/links`, { title: 'Mall', url: 'https://example.se' })),
      { name: 'a NUL character in the address', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/links`, { title: 'Mall', url: 'https://example.se/mall\u0000.pdf' }), status: 400, errors: [['url', 'field.invalidCharacters']] },
      { name: 'an archived call', send: (c, w) => c.post(`/api/grants/calls/${w.archivedCallId}/links`, { title: 'Mall', url: 'https://example.se' }), status: 409, detail: 'error.grantArchived' },
    ],
  },
  {
    route: 'POST /api/grants/calls/:id/files',
    as: 'member',
    cases: [
      { name: 'JSON instead of a file', send: (c, w) => c.post(`/api/grants/calls/${w.callId}/files`, { file: 'JVBERi0=' }), status: 415, errors: [['file', 'grants.multipartRequired']] },
      { name: 'no file part', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, { title: 'Mall' }, []), status: 400, errors: [['file', 'grants.fileRequired']] },
      {
        name: 'an unknown category and field',
        send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, { category: 'recept', owner: 'x' }, [{ fileName: 'a.pdf', content: pdfBytes }]),
        status: 400,
        errors: [['category', 'field.invalidOption'], ['owner', 'field.unknownField', { keys: 'owner' }]],
      },
      { name: 'an empty file', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: 'tom.pdf', content: Buffer.alloc(0) }]), status: 400, errors: [['file', 'grants.fileEmpty']] },
      { name: 'two files', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: 'a.pdf', content: pdfBytes }, { fileName: 'b.pdf', content: pdfBytes }]), status: 400, errors: [['file', 'grants.oneFile']] },
      { name: 'a program renamed .pdf', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: 'budget.pdf', content: exeBytes }]), status: 415, errors: [['file', 'grants.fileTypeUnsupported']] },
      { name: 'a PDF named .xlsx', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: 'budget.xlsx', content: pdfBytes }]), status: 422, errors: [['file', 'grants.fileTypeMismatch', { actual: 'PDF', extension: 'xlsx' }]] },
      { name: 'over 5 MB', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: 'stor.pdf', content: Buffer.concat([pdfBytes, Buffer.alloc(5 * 1024 * 1024)]) }]), status: 413, errors: [['file', 'grants.fileTooLarge', { max: 5 }]] },
      notFound((c) => upload(c, `/api/grants/calls/${unknownId}/files`, {}, [{ fileName: 'a.pdf', content: pdfBytes }])),
      { name: 'a NUL character in the title field', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, { title: 'Mall\u0000' }, [{ fileName: 'a.pdf', content: pdfBytes }]), status: 400, errors: [['title', 'field.invalidCharacters']] },
      { name: 'a file name of control characters only', send: (c, w) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: '\u0000\u0001\u007f', content: pdfBytes }]), status: 400, errors: [['file', 'grants.fileNameInvalid']] },
      { name: 'an archived call', send: (c, w) => upload(c, `/api/grants/calls/${w.archivedCallId}/files`, {}, [{ fileName: 'a.pdf', content: pdfBytes }]), status: 409, detail: 'error.grantArchived' },
    ],
  },
  {
    route: 'PATCH /api/grants/know-how/:id',
    as: 'member',
    cases: [
      { name: 'a year as text and a short description', send: (c, w) => c.patch(`/api/grants/know-how/${w.knowHowId}`, { year: 'i fjol', description: 'Kort' }), status: 400, errors: [['year', 'field.invalidType'], ['description', 'field.tooShort', { min: 10 }]] },
      notFound((c) => c.patch(`/api/grants/know-how/${unknownId}`, { year: 2024 })),
      { name: 'a lone surrogate', send: (c, w) => c.patch(`/api/grants/know-how/${w.knowHowId}`, { description: 'Vi fick det \ud83d och hjälper gärna.' }), status: 400, errors: [['description', 'field.invalidCharacters']] },
      // Someone who has left the organisation no longer speaks for it (the author could still edit).
      { name: 'by its author, who has left the organisation', as: 'former', send: (c, w) => c.patch(`/api/grants/know-how/${w.formerKnowHowId}`, { description: 'Skrivet efter att jag gick ur.' }), status: 403 },
    ],
  },
  {
    route: 'DELETE /api/grants/know-how/:id',
    as: 'member',
    cases: [
      badId((c) => c.delete('/api/grants/know-how/1')),
      notFound((c) => c.delete(`/api/grants/know-how/${unknownId}`)),
      { name: 'by its author, who has left the organisation', as: 'former', send: (c, w) => c.delete(`/api/grants/know-how/${w.formerKnowHowId}`), status: 403 },
    ],
  },
  {
    route: 'POST /api/grants/know-how/:id/links',
    as: 'member',
    cases: [
      { name: 'a title of one letter', send: (c, w) => c.post(`/api/grants/know-how/${w.knowHowId}/links`, { title: 'A', url: 'https://example.se' }), status: 400, errors: [['title', 'field.tooShort', { min: 2 }]] },
      notFound((c) => c.post(`/api/grants/know-how/${unknownId}/links`, { title: 'Mall', url: 'https://example.se' })),
    ],
  },
  {
    route: 'POST /api/grants/know-how/:id/files',
    as: 'member',
    cases: [
      { name: 'a web page', send: (c, w) => upload(c, `/api/grants/know-how/${w.knowHowId}/files`, {}, [{ fileName: 'sida.html', content: '<html><body>Hej</body></html>' }]), status: 415, errors: [['file', 'grants.fileTypeUnsupported']] },
      notFound((c) => upload(c, `/api/grants/know-how/${unknownId}/files`, {}, [{ fileName: 'a.pdf', content: pdfBytes }])),
    ],
  },
  {
    route: 'PATCH /api/grants/help-requests/:id',
    as: 'member',
    cases: [
      { name: 'open as text and a short text', send: (c, w) => c.patch(`/api/grants/help-requests/${w.helpRequestId}`, { open: 'nej', text: 'Hjälp' }), status: 400, errors: [['text', 'field.tooShort', { min: 10 }], ['open', 'field.invalidType']] },
      notFound((c) => c.patch(`/api/grants/help-requests/${unknownId}`, { open: false })),
      // An archived call is read-only: an ask on it may be closed (see grants.test.ts), not edited or reopened.
      { name: 'an edit on an archived call', send: (c, w) => c.patch(`/api/grants/help-requests/${w.archivedHelpRequestId}`, { text: 'Hjälp oss med budgeten nu.' }), status: 409, detail: 'error.grantArchived' },
      { name: 'reopening on a call whose deadlines have all passed', send: (c, w) => c.patch(`/api/grants/help-requests/${w.pastClosedHelpRequestId}`, { open: true }), status: 409, detail: 'error.grantClosed' },
      { name: 'by its author, who has left the organisation', as: 'former', send: (c, w) => c.patch(`/api/grants/help-requests/${w.formerHelpRequestId}`, { open: false }), status: 403 },
    ],
  },
  {
    route: 'DELETE /api/grants/help-requests/:id',
    as: 'member',
    cases: [
      badId((c) => c.delete('/api/grants/help-requests/x')),
      notFound((c) => c.delete(`/api/grants/help-requests/${unknownId}`)),
      { name: 'by its author, who has left the organisation', as: 'former', send: (c, w) => c.delete(`/api/grants/help-requests/${w.formerHelpRequestId}`), status: 403 },
    ],
  },
  {
    route: 'GET /api/grants/partners',
    as: 'visitor',
    cases: [{ name: 'a bad flag and id', send: (c) => c.get('/api/grants/partners?all=kanske&callId=1'), status: 400, errors: [['querystring.all', 'field.invalidOption'], ['querystring.callId', 'field.uuid']] }],
  },
  {
    route: 'POST /api/grants/partners',
    as: 'member',
    cases: [
      { name: 'a short title and no text', send: (c, w) => c.post('/api/grants/partners', { organisationId: w.orgA, title: 'Hj' }), status: 400, errors: [['title', 'field.tooShort', { min: 3 }], ['text', 'field.required']] },
      { name: 'an unknown call', send: (c, w) => c.post('/api/grants/partners', { organisationId: w.orgA, callId: unknownId, title: 'Partner sökes', text: 'Till en gemensam ansökan.' }), status: 400, errors: [['callId', 'grants.unknownCall']] },
      { name: 'an archived call', send: (c, w) => c.post('/api/grants/partners', { organisationId: w.orgA, callId: w.archivedCallId, title: 'Partner sökes', text: 'Till en gemensam ansökan.' }), status: 409, detail: 'error.grantArchived' },
      { name: 'another organisation', send: (c, w) => c.post('/api/grants/partners', { organisationId: w.orgB, title: 'Partner sökes', text: 'Till en gemensam ansökan.' }), status: 400, errors: [['organisationId', 'error.notOrganisationMember']] },
      { name: 'a call whose deadlines have all passed', send: (c, w) => c.post('/api/grants/partners', partners(w.orgA, w.pastCallId)), status: 409, detail: 'error.grantClosed' },
      { name: 'a NUL character in the title', send: (c, w) => c.post('/api/grants/partners', { ...partners(w.orgA, w.callId), title: 'Partner\u0000 sökes' }), status: 400, errors: [['title', 'field.invalidCharacters']] },
    ],
  },
  {
    route: 'PATCH /api/grants/partners/:id',
    as: 'member',
    cases: [
      { name: 'an empty title', send: (c, w) => c.patch(`/api/grants/partners/${w.partnerPostId}`, { title: '' }), status: 400, errors: [['title', 'field.tooShort', { min: 3 }]] },
      notFound((c) => c.patch(`/api/grants/partners/${unknownId}`, { open: false })),
      { name: 'an edit on an archived call', send: (c, w) => c.patch(`/api/grants/partners/${w.archivedPartnerPostId}`, { title: 'Partner sökes fortfarande' }), status: 409, detail: 'error.grantArchived' },
      { name: 'reopening on a call whose deadlines have all passed', send: (c, w) => c.patch(`/api/grants/partners/${w.pastClosedPartnerPostId}`, { open: true }), status: 409, detail: 'error.grantClosed' },
      { name: 'by its author, who has left the organisation', as: 'former', send: (c, w) => c.patch(`/api/grants/partners/${w.formerPartnerPostId}`, { open: false }), status: 403 },
    ],
  },
  {
    route: 'DELETE /api/grants/partners/:id',
    as: 'member',
    cases: [
      badId((c) => c.delete('/api/grants/partners/x')),
      notFound((c) => c.delete(`/api/grants/partners/${unknownId}`)),
      { name: 'by its author, who has left the organisation', as: 'former', send: (c, w) => c.delete(`/api/grants/partners/${w.formerPartnerPostId}`), status: 403 },
    ],
  },
  {
    route: 'GET /api/grants/documents/:id/download',
    as: 'visitor',
    cases: [
      badId((c) => c.get('/api/grants/documents/x/download')),
      notFound((c) => c.get(`/api/grants/documents/${unknownId}/download`)),
      { name: 'a link, which has no file', send: (c, w) => c.get(`/api/grants/documents/${w.linkId}/download`), status: 404, detail: 'error.documentIsLink' },
    ],
  },
  {
    route: 'DELETE /api/grants/documents/:id',
    as: 'member',
    cases: [
      badId((c) => c.delete('/api/grants/documents/x')),
      notFound((c) => c.delete(`/api/grants/documents/${unknownId}`)),
      { name: 'a file on know-how, by who added it after leaving the organisation', as: 'former', send: (c, w) => c.delete(`/api/grants/documents/${w.formerFileId}`), status: 403 },
    ],
  },
  {
    route: 'GET /api/grants/organisations/:id/know-how',
    as: 'visitor',
    cases: [badId((c) => c.get('/api/grants/organisations/x/know-how')), notFound((c) => c.get(`/api/grants/organisations/${unknownId}/know-how`))],
  },
];

const tables = ['grant_calls', 'grant_call_deadlines', 'grant_call_target_groups', 'grant_follows', 'grant_reminders', 'grant_know_how', 'grant_help_requests', 'grant_partner_posts', 'grant_documents', 'notifications', 'events', 'audit_log'];

const snapshot = () => tableSnapshot(t.app, tables);

/** What the API shows of the calls, posts and people the requests aimed at. */
async function views() {
  const read = async (c: ApiClient, url: string) => {
    const response = await c.get(url);
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };
  return Promise.all([
    ...[w.callId, w.archivedCallId, w.pastCallId].map((id) => read(as.visitor, `/api/grants/calls/${id}`)),
    read(as.visitor, '/api/grants/partners?all=true'),
    read(as.visitor, `/api/grants/organisations/${w.orgA}/know-how`),
    ...(['member', 'orgAdmin', 'former', 'coordinator'] as const).map((actor) => read(as[actor], '/api/notifications')),
  ]);
}

const suite: SuiteContext<World, Actor> = { client: (actor) => as[actor], world: () => w, state: async () => ({ tables: await snapshot(), views: await views() }) };

/** Requests that ask for nothing new: they succeed and write nothing (no audit entry, no live event, no notification). */
const quiet: QuietRequest<World, Actor>[] = [
  // Each of these wrote a live event (and those by someone else than the author an audit entry).
  { name: 'archiving an archived call', as: 'member', send: (c, w) => c.patch(`/api/grants/calls/${w.archivedCallId}`, { archived: true }), status: 200 },
  { name: 'restoring a call that is not archived', as: 'member', send: (c, w) => c.patch(`/api/grants/calls/${w.callId}`, { archived: false }), status: 200 },
  { name: 'saving a call unchanged', as: 'member', send: (c, w) => c.put(`/api/grants/calls/${w.callId}`, w.callBody), status: 200 },
  { name: 'saving someone’s call unchanged (staff)', as: 'coordinator', send: (c, w) => c.put(`/api/grants/calls/${w.callId}`, w.callBody), status: 200 },
  { name: 'an empty change of know-how', as: 'member', send: (c, w) => c.patch(`/api/grants/know-how/${w.knowHowId}`, {}), status: 200 },
  { name: 'know-how changed to what it says', as: 'orgAdmin', send: (c, w) => c.patch(`/api/grants/know-how/${w.knowHowId}`, { status: 'received', year: null, description: 'Vi fick det och hjälper gärna.' }), status: 200 },
  { name: 'an empty change of an ask', as: 'member', send: (c, w) => c.patch(`/api/grants/help-requests/${w.helpRequestId}`, {}), status: 200 },
  { name: 'reopening an open ask (the organisation’s admin)', as: 'orgAdmin', send: (c, w) => c.patch(`/api/grants/help-requests/${w.helpRequestId}`, { open: true, text: 'Hur skriver man målen?' }), status: 200 },
  { name: 'closing a closed ask', as: 'member', send: (c, w) => c.patch(`/api/grants/help-requests/${w.closedHelpRequestId}`, { open: false }), status: 200 },
  { name: 'closing a closed ask on a call whose deadlines have passed', as: 'member', send: (c, w) => c.patch(`/api/grants/help-requests/${w.pastClosedHelpRequestId}`, { open: false }), status: 200 },
  { name: 'an empty change of a partner post', as: 'member', send: (c, w) => c.patch(`/api/grants/partners/${w.partnerPostId}`, {}), status: 200 },
  { name: 'reopening an open partner post (the organisation’s admin)', as: 'orgAdmin', send: (c, w) => c.patch(`/api/grants/partners/${w.partnerPostId}`, { open: true }), status: 200 },
  // These were already quiet.
  { name: 'following a call already followed', as: 'member', send: (c, w) => c.put(`/api/grants/calls/${w.callId}/follow`), status: 204 },
  { name: 'unfollowing a call not followed', as: 'coordinator', send: (c, w) => c.delete(`/api/grants/calls/${w.callId}/follow`), status: 204 },
  { name: 'unfollowing an archived call not followed', as: 'coordinator', send: (c, w) => c.delete(`/api/grants/calls/${w.archivedCallId}/follow`), status: 204 },
  { name: 'downloading a file on an archived call', as: 'visitor', send: (c, w) => c.get(`/api/grants/documents/${w.archivedFileId}/download`), status: 200 },
];

const created = async (response: Promise<LightMyRequestResponse>, status = 201) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return status === 204 ? null : r.json();
};

beforeAll(async () => {
  t = await buildTestApp();
  const app = t.app;
  const a = await createOrganisation(app);
  const b = await createOrganisation(app);
  const member = await memberOf(app, a.organisation.id, a.adminClient);
  const former = await memberOf(app, a.organisation.id, a.adminClient);
  as.visitor = new ApiClient(app);
  as.member = member.client;
  as.orgAdmin = a.adminClient;
  as.former = former.client;
  as.coordinator = (await signedInClient(app, 'coordinator')).client;
  const orgA = a.organisation.id;
  const m = member.client;
  const callBody = callInput({ targetGroups: ['barn-och-unga', 'nyanlanda'], deadlines: [{ date: stockholmDate(30), note: 'Steg 1' }, { date: stockholmDate(60) }] });
  const call = (await created(m.post('/api/grants/calls', callBody))).call.id;
  const archived = (await created(m.post('/api/grants/calls', callInput()))).call.id;
  const past = (await created(m.post('/api/grants/calls', callInput({ deadlines: [{ date: stockholmDate(-2) }] })))).call.id;
  const closing = callInput();
  const closingCall = (await created(m.post('/api/grants/calls', closing))).call.id;

  const knowHow = await created(m.post(`/api/grants/calls/${call}/know-how`, { organisationId: orgA, status: 'received', description: 'Vi fick det och hjälper gärna.' }));
  const help = await created(m.post(`/api/grants/calls/${call}/help-requests`, { organisationId: orgA, text: 'Hur skriver man målen?' }));
  const closedHelp = await created(m.post(`/api/grants/calls/${call}/help-requests`, { organisationId: orgA, text: 'Hur redovisar man?' }));
  await created(m.patch(`/api/grants/help-requests/${closedHelp.id}`, { open: false }), 200);
  const partner = await created(m.post('/api/grants/partners', partners(orgA, call)));
  const link = await created(m.post(`/api/grants/calls/${call}/links`, { title: 'Mall', url: 'https://example.se/mall' }));
  const file = await created(upload(m, `/api/grants/calls/${call}/files`, {}, [{ fileName: 'mall.pdf', content: pdfBytes }]));

  // Said before the call was archived.
  const archivedHelp = await created(m.post(`/api/grants/calls/${archived}/help-requests`, ask(orgA)));
  const archivedPartner = await created(m.post('/api/grants/partners', partners(orgA, archived)));
  const archivedFile = await created(upload(m, `/api/grants/calls/${archived}/files`, {}, [{ fileName: 'mall.pdf', content: pdfBytes }]));
  await created(m.patch(`/api/grants/calls/${archived}`, { archived: true }), 200);

  // Asked, posted and closed while a deadline was ahead; then the deadline was moved into the past.
  const pastHelp = await created(m.post(`/api/grants/calls/${closingCall}/help-requests`, ask(orgA)));
  const pastPartner = await created(m.post('/api/grants/partners', partners(orgA, closingCall)));
  await created(m.patch(`/api/grants/help-requests/${pastHelp.id}`, { open: false }), 200);
  await created(m.patch(`/api/grants/partners/${pastPartner.id}`, { open: false }), 200);
  await created(m.put(`/api/grants/calls/${closingCall}`, { ...closing, deadlines: [{ date: stockholmDate(-1) }] }), 200);

  // Written by someone who then left the organisation (know-how is welcome on a call whose deadlines have passed).
  const f = former.client;
  const formerKnowHow = await created(f.post(`/api/grants/calls/${past}/know-how`, { organisationId: orgA, status: 'applied', description: 'Vi sökte förra omgången.' }));
  const formerFile = await created(upload(f, `/api/grants/know-how/${formerKnowHow.id}/files`, {}, [{ fileName: 'ansokan.pdf', content: pdfBytes }]));
  const formerHelp = await created(f.post(`/api/grants/calls/${call}/help-requests`, ask(orgA)));
  const formerPartner = await created(f.post('/api/grants/partners', partners(orgA, call)));
  await created(f.delete(`/api/organisations/${orgA}/members/${former.user.id}`), 204);

  w = {
    orgA,
    orgB: b.organisation.id,
    callId: call,
    callBody,
    archivedCallId: archived,
    pastCallId: past,
    knowHowId: knowHow.id,
    helpRequestId: help.id,
    closedHelpRequestId: closedHelp.id,
    partnerPostId: partner.id,
    archivedHelpRequestId: archivedHelp.id,
    archivedPartnerPostId: archivedPartner.id,
    archivedFileId: archivedFile.id,
    pastClosedHelpRequestId: pastHelp.id,
    pastClosedPartnerPostId: pastPartner.id,
    linkId: link.id,
    fileId: file.id,
    formerKnowHowId: formerKnowHow.id,
    formerFileId: formerFile.id,
    formerHelpRequestId: formerHelp.id,
    formerPartnerPostId: formerPartner.id,
  };
});
afterAll(() => t.close());

describe('grants: bad input', () => {
  it('has cases for every grants route', async () => {
    const documented = (await documentedRoutes(t.app, ['/api/grants'])).map((d) => d.route);
    expect(table.map((r) => r.route).sort()).toEqual(documented.sort());
    for (const r of table) expect(r.cases.length, r.route).toBeGreaterThan(0);
  });

  describeBadInput(table, suite);
});

describe('grants: requests that change nothing', () => {
  describeNoChange(quiet, suite);
});
