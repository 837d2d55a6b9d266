import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../shared/auth';
import type { GrantCall, GrantCallDetail, GrantDocument, HelpRequest, KnowHow, PartnerPost } from '../../shared/grants';
import { grantCallInputSchema } from '../../shared/grants';
import type { EventData, EventType, LiveEvent } from '../../shared/realtime';
import { callInputFromValues, emptyCallValues, parseAmount } from '../../client/src/features/grants/grant-call-form';
import { amountRange, daysBetween, daysLeftText, deadlineUrgency, stockholmToday } from '../../client/src/features/grants/deadlines';
import { actingOrganisations } from '../../client/src/features/grants/acting-organisations';
import { amountText, canAddCall, canManagePost } from '../../client/src/features/grants/labels';
import { activeGrantFilters, readGrantQuery, withGrantChanges } from '../../client/src/features/grants/list-query';
import { applyGrantEvent } from '../../client/src/features/grants/live-reducers';
import { makeI18n } from '../../client/src/i18n/use-i18n';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const callId = uuid(1);
const rinkeby = { id: uuid(20), name: 'Rinkeby Ungdomsforum', slug: 'rinkeby-ungdomsforum' };
const stadsmissionen = { id: uuid(21), name: 'Stadsmissionen Söderort', slug: 'stadsmissionen-soderort' };
const maja = uuid(10);
const fredrik = uuid(11);

const call: GrantCall = {
  id: callId,
  funderKind: 'foundation',
  administration: null,
  funderName: 'Stiftelsen Provfonden',
  title: 'Läxhjälp',
  url: 'https://example.org',
  amountMin: 10000,
  amountMax: 50000,
  eligibility: '',
  description: '',
  targetGroups: [],
  deadlines: [{ id: uuid(2), date: '2026-12-01', note: '', past: false }],
  nextDeadline: '2026-12-01',
  createdById: fredrik,
  archived: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

const detail = (over: Partial<GrantCallDetail> = {}): GrantCallDetail => ({
  call,
  knowHow: [],
  helpRequests: [],
  partnerPosts: [],
  documents: [],
  viewer: { following: false, canEdit: false, canAddDocuments: true, organisationIds: [] },
  cursor: 10,
  ...over,
});

const knowHow = (n: number, over: Partial<KnowHow> = {}): KnowHow => ({
  id: uuid(100 + n),
  callId,
  organisation: rinkeby,
  status: 'applied',
  year: 2025,
  description: 'Vi kan hjälpa till med budgeten.',
  documents: [],
  createdById: maja,
  createdAt: `2026-11-0${n}T10:00:00.000Z`,
  updatedAt: `2026-11-0${n}T10:00:00.000Z`,
  ...over,
});

const help = (n: number, over: Partial<HelpRequest> = {}): HelpRequest => ({
  id: uuid(200 + n),
  callId,
  organisation: stadsmissionen,
  text: 'Hur skriver man målgruppen?',
  open: true,
  createdById: fredrik,
  createdAt: `2026-11-0${n}T10:00:00.000Z`,
  ...over,
});

const partnerPost = (n: number, over: Partial<PartnerPost> = {}): PartnerPost => ({
  id: uuid(300 + n),
  organisation: stadsmissionen,
  call: { id: callId, title: call.title },
  title: 'Partner sökes',
  text: 'Vi söker en partner i Rinkeby.',
  open: true,
  createdById: fredrik,
  createdAt: `2026-11-0${n}T10:00:00.000Z`,
  ...over,
});

const document = (n: number, over: Partial<GrantDocument> = {}): GrantDocument => ({
  id: uuid(400 + n),
  callId,
  knowHowId: null,
  title: `Mall ${n}`,
  category: 'template',
  kind: 'file',
  url: null,
  fileName: 'mall.pdf',
  contentType: 'application/pdf',
  size: 1234,
  downloadUrl: `/api/grants/documents/${uuid(400 + n)}/download`,
  uploadedById: fredrik,
  createdAt: `2026-11-0${n}T10:00:00.000Z`,
  ...over,
});

let nextId = 11;
const event = <T extends EventType>(type: T, data: EventData[T]): LiveEvent<T> => ({ id: nextId++, room: `grant:${callId}`, type, data, at: '2026-11-05T10:00:00.000Z' });

describe('deadlines', () => {
  it('counts calendar days in Stockholm, across daylight-saving changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
    expect(Number.isNaN(daysBetween('2026-1-2', '2026-01-01'))).toBe(true);
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(stockholmToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(stockholmToday(new Date('2026-06-15T12:00:00Z'))).toBe('2026-06-15');
  });

  it('says how long is left in words', () => {
    const i18n = makeI18n('sv');
    const say = (days: number) => {
      const text = daysLeftText(days);
      return text.key === 'grants.daysLeft' ? i18n.plural('grants.daysLeft', text.count) : i18n.t(text.key);
    };
    expect(say(-3)).toBe('Har passerat');
    expect(say(0)).toBe('Sista dagen i dag');
    expect(say(1)).toBe('Sista dagen i morgon');
    expect(say(2)).toBe('2 dagar kvar');
    expect(say(1200)).toBe('1\u00a0200 dagar kvar');
    expect(makeI18n('en').plural('grants.daysLeft', 5)).toBe('5 days left');
    expect([-1, 0, 1, 7, 8].map(deadlineUrgency)).toEqual(['past', 'today', 'soon', 'soon', 'later']);
  });

  it('writes amount ranges', () => {
    const sv = makeI18n('sv');
    const en = makeI18n('en');
    expect(amountRange(null, null)).toEqual({ kind: 'none' });
    expect(amountText(sv, null, null)).toBeNull();
    expect(amountText(sv, 10000, 50000)).toBe('10\u00a0000–50\u00a0000 kr');
    expect(amountText(sv, 5000, 5000)).toBe('5\u00a0000 kr');
    expect(amountText(sv, 5000, null)).toBe('från 5\u00a0000 kr');
    expect(amountText(en, null, 20000)).toBe('up to SEK 20,000');
  });
});

describe('the list query in the URL', () => {
  it('reads filters leniently and in Swedish', () => {
    const query = readGrantQuery(new URLSearchParams('q=läxhjälp&finansiar=stiftelse&malgrupp=barn-och-unga&fran=2026-12-01&till=2026-11-01&passerade=ja&sida=2'));
    expect(query).toEqual({
      q: 'läxhjälp',
      funderKind: 'foundation',
      targetGroup: 'barn-och-unga',
      deadlineFrom: '2026-11-01',
      deadlineTo: '2026-12-01',
      includePast: 'true',
      following: undefined,
      page: 2,
      pageSize: 20,
    });
    const mangled = readGrantQuery(new URLSearchParams('finansiar=bank&malgrupp=<script>&fran=1999-01-01&till=2026-02-30x&sida=-1&foljer=kanske'));
    expect(mangled).toEqual({ q: undefined, funderKind: undefined, targetGroup: undefined, deadlineFrom: undefined, deadlineTo: undefined, includePast: undefined, following: undefined, page: 1, pageSize: 20 });
    expect(activeGrantFilters(query)).toBe(6);
  });

  it('goes back to page 1 when a filter changes', () => {
    const current = new URLSearchParams('finansiar=eu&sida=3');
    expect(withGrantChanges(current, { q: 'stöd' }).toString()).toBe('finansiar=eu&q=st%C3%B6d');
    expect(withGrantChanges(current, { page: '4' }).toString()).toBe('finansiar=eu&sida=4');
    expect(withGrantChanges(current, { page: '1', funderKind: undefined }).toString()).toBe('');
  });
});

describe('the call form', () => {
  it('reads amounts as Swedes write them and leaves the rest to the schema', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('50 000')).toBe(50000);
    expect(parseAmount('50\u00a0000 kr')).toBe(50000);
    expect(parseAmount('femtio')).toBe('femtio');
    const values = { ...emptyCallValues(), funderKind: 'foundation', funderName: 'Fonden', title: 'Läxhjälp', url: 'https://example.org', amountMin: '100', amountMax: '50', deadlines: [{ key: 1, date: '2026-12-01', note: '' }, { key: 2, date: '', note: '' }] };
    const result = grantCallInputSchema.safeParse(callInputFromValues(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['amountMax']);
    const noDeadline = grantCallInputSchema.safeParse(callInputFromValues({ ...values, amountMax: '', deadlines: [{ key: 1, date: '', note: '' }] }));
    expect(noDeadline.error?.issues.map((i) => i.message)).toContain('grants.deadlineRequired');
  });
});

describe('who may do what (mirrors the server policy)', () => {
  const user = (over: Partial<CurrentUser> = {}): CurrentUser => ({ id: maja, name: 'Maja', email: 'm@example.se', role: 'user', administrationId: null, locale: 'sv', memberships: [], ...over });
  const member = (org: typeof rinkeby, role: 'member' | 'admin' = 'member', status: 'active' | 'pending' = 'active') => ({ organisationId: org.id, organisationSlug: org.slug, organisationName: org.name, role, status });

  it('lets members, officials and staff add calls', () => {
    expect(canAddCall(null)).toBe(false);
    expect(canAddCall(user())).toBe(false);
    expect(canAddCall(user({ memberships: [member(rinkeby, 'member', 'pending')] }))).toBe(false);
    expect(canAddCall(user({ memberships: [member(rinkeby)] }))).toBe(true);
    expect(canAddCall(user({ role: 'official' }))).toBe(true);
  });

  it('lets the writer (while still a member), the organisation’s admins and staff manage a post', () => {
    const post = help(1);
    expect(canManagePost(user({ id: fredrik, memberships: [member(stadsmissionen)] }), post)).toBe(true);
    // Someone who has left the organisation no longer speaks for it (the server answers 403).
    expect(canManagePost(user({ id: fredrik }), post)).toBe(false);
    expect(canManagePost(user({ id: fredrik, memberships: [member(stadsmissionen, 'member', 'pending')] }), post)).toBe(false);
    expect(canManagePost(user({ memberships: [member(stadsmissionen)] }), post)).toBe(false);
    expect(canManagePost(user({ memberships: [member(stadsmissionen, 'admin')] }), post)).toBe(true);
    expect(canManagePost(user({ role: 'coordinator' }), post)).toBe(true);
  });

  it('names the organisations one may speak for', () => {
    const both = user({ memberships: [member(rinkeby), member(stadsmissionen, 'member', 'pending')] });
    expect(actingOrganisations(both, [rinkeby, stadsmissionen])).toEqual([{ id: rinkeby.id, name: rinkeby.name }]);
    expect(actingOrganisations(null, [rinkeby])).toEqual([]);
  });

  it('lets staff speak for any organisation, their own first', () => {
    const coordinator = user({ role: 'coordinator', memberships: [member(stadsmissionen)] });
    expect(actingOrganisations(coordinator, [rinkeby, stadsmissionen]).map((o) => o.name)).toEqual(['Stadsmissionen Söderort', 'Rinkeby Ungdomsforum']);
    expect(actingOrganisations(user({ role: 'admin', memberships: [] }), [rinkeby])).toEqual([{ id: rinkeby.id, name: rinkeby.name }]);
  });
});

describe('live events on a call’s page', () => {
  it('adds know-how once, announced, and ignores it the second time', () => {
    const first = applyGrantEvent(detail(), event('grant.knowHowSaved', { callId, knowHow: knowHow(1) }), { userId: fredrik });
    expect(first.data.knowHow).toHaveLength(1);
    expect(first.notice).toEqual({ kind: 'knowHowOffered', organisation: 'Rinkeby Ungdomsforum' });
    const again = applyGrantEvent(first.data, event('grant.knowHowSaved', { callId, knowHow: knowHow(1) }), { userId: fredrik });
    expect(again.data.knowHow).toEqual(first.data.knowHow);
    expect(again.notice?.kind).toBe('knowHowUpdated');
    const removed = applyGrantEvent(again.data, event('grant.knowHowRemoved', { callId, knowHowId: knowHow(1).id }));
    expect(removed.data.knowHow).toEqual([]);
    expect(removed.notice).toEqual({ kind: 'knowHowRemoved', organisation: 'Rinkeby Ungdomsforum' });
    expect(applyGrantEvent(removed.data, event('grant.knowHowRemoved', { callId, knowHowId: knowHow(1).id })).notice).toBeUndefined();
  });

  it('says nothing about one’s own changes', () => {
    const mine = applyGrantEvent(detail(), event('grant.helpRequestSaved', { callId, helpRequest: help(1) }), { userId: fredrik });
    expect(mine.data.helpRequests).toHaveLength(1);
    expect(mine.notice).toBeUndefined();
    const theirs = applyGrantEvent(detail(), event('grant.helpRequestSaved', { callId, helpRequest: help(1) }), { userId: maja });
    expect(theirs.notice).toEqual({ kind: 'helpAsked', organisation: 'Stadsmissionen Söderort' });
  });

  it('keeps open asks and partner posts newest first, and drops closed ones', () => {
    let data = detail();
    for (const n of [1, 3, 2]) data = applyGrantEvent(data, event('grant.helpRequestSaved', { callId, helpRequest: help(n) })).data;
    expect(data.helpRequests.map((h) => h.id)).toEqual([help(3).id, help(2).id, help(1).id]);
    const closed = applyGrantEvent(data, event('grant.helpRequestSaved', { callId, helpRequest: help(2, { open: false }) }));
    expect(closed.data.helpRequests.map((h) => h.id)).toEqual([help(3).id, help(1).id]);
    expect(closed.notice?.kind).toBe('helpClosed');
    // A closed ask the page never showed stays away, unannounced.
    expect(applyGrantEvent(closed.data, event('grant.helpRequestSaved', { callId, helpRequest: help(4, { open: false }) }))).toEqual({ data: closed.data });

    const posted = applyGrantEvent(data, event('grant.partnerPostSaved', { callId, partnerPost: partnerPost(1) }));
    expect(posted.notice?.kind).toBe('partnersPosted');
    const gone = applyGrantEvent(posted.data, event('grant.partnerPostRemoved', { callId, partnerPostId: partnerPost(1).id }));
    expect(gone.data.partnerPosts).toEqual([]);
  });

  it('puts documents on the call or on their know-how', () => {
    let data = applyGrantEvent(detail(), event('grant.knowHowSaved', { callId, knowHow: knowHow(1) })).data;
    data = applyGrantEvent(data, event('grant.documentAdded', { callId, document: document(1) })).data;
    const onKnowHow = document(2, { callId: null, knowHowId: knowHow(1).id });
    const added = applyGrantEvent(data, event('grant.documentAdded', { callId, document: onKnowHow }));
    expect(added.notice).toEqual({ kind: 'documentAdded', title: 'Mall 2' });
    expect(added.data.documents.map((d) => d.id)).toEqual([document(1).id]);
    expect(added.data.knowHow[0].documents.map((d) => d.id)).toEqual([onKnowHow.id]);
    const removed = applyGrantEvent(added.data, event('grant.documentRemoved', { callId, documentId: onKnowHow.id, knowHowId: knowHow(1).id }));
    expect(removed.data.knowHow[0].documents).toEqual([]);
    expect(removed.data.documents).toHaveLength(1);
  });

  it('follows the call itself and ignores other calls', () => {
    const archived = applyGrantEvent(detail(), event('grant.updated', { call: { ...call, archived: true } }));
    expect(archived.data.call.archived).toBe(true);
    expect(archived.notice).toEqual({ kind: 'callArchived', title: 'Läxhjälp' });
    const other = uuid(999);
    const data = detail();
    expect(applyGrantEvent(data, event('grant.knowHowSaved', { callId: other, knowHow: knowHow(1, { callId: other }) })).data).toBe(data);
    expect(applyGrantEvent(data, event('grant.updated', { call: { ...call, id: other } })).data).toBe(data);
  });
});
