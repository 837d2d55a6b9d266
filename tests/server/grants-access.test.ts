import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { organisationInput, signedInClient } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { callInput, pdfBytes, upload } from './grants-fixtures';

// Every grants route × every role. "member" is an active (ordinary) member of organisation A and
// wrote everything in the world (the call, A's know-how, ask and partner post, the documents);
// "orgAdmin" is A's admin; "otherMember" an active member of organisation B; "user" a signed-in
// person with no organisation.

const roles = ['visitor', 'user', 'member', 'orgAdmin', 'otherMember', 'official', 'coordinator', 'admin'] as const;
type Role = (typeof roles)[number];

let t: TestApp;
let as: Record<Role, ApiClient>;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  t = await buildTestApp();
  const app = t.app;
  as = { visitor: new ApiClient(app) } as Record<Role, ApiClient>;
  for (const role of ['user', 'member', 'orgAdmin', 'otherMember'] as const) as[role] = (await signedInClient(app, 'user')).client;
  for (const role of ['official', 'coordinator', 'admin'] as const) as[role] = (await signedInClient(app, role)).client;
  orgA = (await as.orgAdmin.post('/api/organisations', organisationInput())).json().id;
  // B's admin is someone else; otherMember joins B as an ordinary member.
  const bAdmin = (await signedInClient(app, 'user')).client;
  orgB = (await bAdmin.post('/api/organisations', organisationInput())).json().id;
  for (const [role, org, admin] of [['member', orgA, as.orgAdmin], ['otherMember', orgB, bAdmin]] as const) {
    await as[role].post(`/api/organisations/${org}/members`);
    const me = (await as[role].get('/api/auth/me')).json().user;
    const approved = await admin.post(`/api/organisations/${org}/members/${me.id}/approve`);
    if (approved.statusCode !== 200) throw new Error(approved.body);
  }
});
afterAll(() => t.close());

interface World {
  callId: string;
  /** A call nobody has said anything about (for "offer know-how" and "ask for help"). */
  quietCallId: string;
  knowHowId: string;
  helpRequestId: string;
  partnerPostId: string;
  callDocumentId: string;
  fileDocumentId: string;
}

async function created(response: Promise<{ statusCode: number; body: string; json(): { id?: string; call?: { id: string } } }>) {
  const r = await response;
  if (r.statusCode !== 201) throw new Error(`setting up failed: ${r.statusCode} ${r.body}`);
  return r.json();
}

async function world(): Promise<World> {
  const m = as.member;
  const callId = (await created(m.post('/api/grants/calls', callInput()))).call!.id;
  const quietCallId = (await created(m.post('/api/grants/calls', callInput()))).call!.id;
  const knowHowId = (await created(m.post(`/api/grants/calls/${callId}/know-how`, { organisationId: orgA, status: 'received', description: 'Vi fick bidraget och hjälper gärna.' }))).id!;
  const helpRequestId = (await created(m.post(`/api/grants/calls/${callId}/help-requests`, { organisationId: orgA, text: 'Hur beskriver man effektmål?' }))).id!;
  const partnerPostId = (await created(m.post('/api/grants/partners', { organisationId: orgA, callId, title: 'Partner sökes', text: 'Vi vill söka tillsammans med någon.' }))).id!;
  const callDocumentId = (await created(m.post(`/api/grants/calls/${callId}/links`, { title: 'Mall', url: 'https://example.se/mall' }))).id!;
  const fileDocumentId = (await created(upload(m, `/api/grants/calls/${callId}/files`, {}, [{ fileName: 'mall.pdf', content: pdfBytes }]))).id!;
  return { callId, quietCallId, knowHowId, helpRequestId, partnerPostId, callDocumentId, fileDocumentId };
}

type Call = (w: World, client: ApiClient) => Promise<{ statusCode: number }>;
interface Case {
  route: string;
  call: Call;
  expect: Record<Role, number>;
  /** Changes the world: each role gets a fresh one. */
  mutates?: boolean;
}

const everyone = (status: number) => Object.fromEntries(roles.map((r) => [r, status])) as Record<Role, number>;
/** Allowed roles get `status`; visitors 401; other signed-in people `refused`. */
const only = (allowed: Role[], status: number, refused = 403) =>
  Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? status : r === 'visitor' ? 401 : refused])) as Record<Role, number>;
const signedIn: Role[] = ['user', 'member', 'orgAdmin', 'otherMember', 'official', 'coordinator', 'admin'];
/** Who may add calls and documents on calls: active members of any organisation, officials, staff. */
const contributors: Role[] = ['member', 'orgAdmin', 'otherMember', 'official', 'coordinator', 'admin'];
/** Who speaks for organisation A: its active members, and staff. */
const speakForA: Role[] = ['member', 'orgAdmin', 'coordinator', 'admin'];
/** Who manages what A's member wrote: the author, A's admins, staff. */
const managers: Role[] = ['member', 'orgAdmin', 'coordinator', 'admin'];

const cases: Case[] = [
  { route: 'GET /api/grants/calls', call: (_w, c) => c.get('/api/grants/calls?funderKind=foundation'), expect: everyone(200) },
  { route: 'POST /api/grants/calls', call: (_w, c) => c.post('/api/grants/calls', callInput()), expect: only(contributors, 201) },
  { route: 'GET /api/grants/calls/:id', call: (w, c) => c.get(`/api/grants/calls/${w.callId}`), expect: everyone(200) },
  { route: 'PUT /api/grants/calls/:id', call: (w, c) => c.put(`/api/grants/calls/${w.callId}`, callInput({ title: 'Nytt namn' })), mutates: true, expect: only(['member', 'coordinator', 'admin'], 200) },
  { route: 'PATCH /api/grants/calls/:id', call: (w, c) => c.patch(`/api/grants/calls/${w.callId}`, { archived: true }), mutates: true, expect: only(['member', 'coordinator', 'admin'], 200) },
  { route: 'PUT /api/grants/calls/:id/follow', call: (w, c) => c.put(`/api/grants/calls/${w.callId}/follow`), expect: only(signedIn, 204) },
  { route: 'DELETE /api/grants/calls/:id/follow', call: (w, c) => c.delete(`/api/grants/calls/${w.callId}/follow`), expect: only(signedIn, 204) },
  // Speaking for an organisation one is not an active member of is a field error on organisationId.
  {
    route: 'POST /api/grants/calls/:id/know-how',
    call: (w, c) => c.post(`/api/grants/calls/${w.quietCallId}/know-how`, { organisationId: orgA, status: 'applied', description: 'Vi sökte förra året.' }),
    mutates: true,
    expect: only(speakForA, 201, 400),
  },
  {
    route: 'POST /api/grants/calls/:id/help-requests',
    call: (w, c) => c.post(`/api/grants/calls/${w.quietCallId}/help-requests`, { organisationId: orgA, text: 'Vi behöver hjälp med budgeten.' }),
    expect: only(speakForA, 201, 400),
  },
  { route: 'POST /api/grants/calls/:id/links', call: (w, c) => c.post(`/api/grants/calls/${w.callId}/links`, { title: 'Exempel', url: 'https://example.se/exempel' }), expect: only(contributors, 201) },
  { route: 'POST /api/grants/calls/:id/files', call: (w, c) => upload(c, `/api/grants/calls/${w.callId}/files`, {}, [{ fileName: 'exempel.pdf', content: pdfBytes }]), expect: only(contributors, 201) },
  { route: 'PATCH /api/grants/know-how/:id', call: (w, c) => c.patch(`/api/grants/know-how/${w.knowHowId}`, { year: 2025 }), expect: only(managers, 200) },
  { route: 'DELETE /api/grants/know-how/:id', call: (w, c) => c.delete(`/api/grants/know-how/${w.knowHowId}`), mutates: true, expect: only(managers, 204) },
  { route: 'POST /api/grants/know-how/:id/links', call: (w, c) => c.post(`/api/grants/know-how/${w.knowHowId}/links`, { title: 'Vår mall', url: 'https://example.se/var-mall' }), expect: only(speakForA, 201) },
  { route: 'POST /api/grants/know-how/:id/files', call: (w, c) => upload(c, `/api/grants/know-how/${w.knowHowId}/files`, {}, [{ fileName: 'ansokan.pdf', content: pdfBytes }]), expect: only(speakForA, 201) },
  { route: 'PATCH /api/grants/help-requests/:id', call: (w, c) => c.patch(`/api/grants/help-requests/${w.helpRequestId}`, { open: false }), mutates: true, expect: only(managers, 200) },
  { route: 'DELETE /api/grants/help-requests/:id', call: (w, c) => c.delete(`/api/grants/help-requests/${w.helpRequestId}`), mutates: true, expect: only(managers, 204) },
  { route: 'GET /api/grants/partners', call: (_w, c) => c.get('/api/grants/partners'), expect: everyone(200) },
  {
    route: 'POST /api/grants/partners',
    call: (_w, c) => c.post('/api/grants/partners', { organisationId: orgA, title: 'Partner sökes', text: 'Till en gemensam ansökan.' }),
    expect: only(speakForA, 201, 400),
  },
  { route: 'PATCH /api/grants/partners/:id', call: (w, c) => c.patch(`/api/grants/partners/${w.partnerPostId}`, { open: false }), mutates: true, expect: only(managers, 200) },
  { route: 'DELETE /api/grants/partners/:id', call: (w, c) => c.delete(`/api/grants/partners/${w.partnerPostId}`), mutates: true, expect: only(managers, 204) },
  { route: 'GET /api/grants/documents/:id/download', call: (w, c) => c.get(`/api/grants/documents/${w.fileDocumentId}/download`), expect: everyone(200) },
  // A document on the call itself: whoever added it and staff (A's admin has no say over it).
  { route: 'DELETE /api/grants/documents/:id', call: (w, c) => c.delete(`/api/grants/documents/${w.callDocumentId}`), mutates: true, expect: only(['member', 'coordinator', 'admin'], 204) },
  { route: 'GET /api/grants/organisations/:id/know-how', call: (_w, c) => c.get(`/api/grants/organisations/${orgA}/know-how`), expect: everyone(200) },
];

describe('grants: role × route', () => {
  it('covers every grants route in the API', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/grants'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(cases.map((c) => c.route).sort()).toEqual(documented.sort());
  });

  it('documents who may call each route', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { description?: string }>> };
    for (const [path, methods] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/grants'))) {
      for (const [method, op] of Object.entries(methods)) expect(op.description, `${method} ${path}`).toMatch(/Access: /);
    }
  });

  for (const c of cases) {
    it(c.route, async () => {
      const shared = await world();
      const seen: Record<string, number> = {};
      for (const role of roles) {
        const w = c.mutates && role !== roles[0] ? await world() : shared;
        seen[role] = (await c.call(w, as[role])).statusCode;
      }
      expect(seen).toEqual(c.expect);
    });
  }

  it('refuses a change sent from another site (Origin) and changes nothing', async () => {
    const w = await world();
    const before = (await as.visitor.get(`/api/grants/calls/${w.callId}`)).json();
    const foreign = await t.app.inject({ method: 'POST', url: `/api/grants/calls/${w.callId}/links`, headers: { origin: 'https://evil.example', cookie: as.member.cookie! }, payload: { title: 'X', url: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    const after = (await as.visitor.get(`/api/grants/calls/${w.callId}`)).json();
    expect(after).toEqual(before);
  });
});
