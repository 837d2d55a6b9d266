import type { GrantCallDetail, GrantDocument, HelpRequest, KnowHow, PartnerPost } from '../../../../shared/grants';
import type { LiveEvent } from '../../../../shared/realtime';

// How live events of room grant:<id> change a call's page. Pure and idempotent: events carry whole
// objects and lists are updated by id, so an event already included in loaded data changes nothing.

/** What a screen reader should hear; the page turns it into words. */
export type GrantNotice =
  | { kind: 'knowHowOffered' | 'knowHowUpdated' | 'knowHowRemoved'; organisation: string | null }
  | { kind: 'helpAsked' | 'helpUpdated' | 'helpClosed' | 'helpRemoved'; organisation: string | null }
  | { kind: 'partnersPosted' | 'partnersUpdated' | 'partnersClosed' | 'partnersRemoved'; organisation: string | null }
  | { kind: 'documentAdded' | 'documentRemoved'; title: string | null }
  | { kind: 'callUpdated' | 'callArchived' | 'callRestored'; title: string };

export interface GrantLiveResult {
  data: GrantCallDetail;
  notice?: GrantNotice;
}

function is<T extends LiveEvent['type']>(event: LiveEvent, type: T): event is LiveEvent<T> {
  return event.type === type;
}

const byCreated = <T extends { createdAt: string; id: string }>(a: T, b: T) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const newestFirst = <T extends { createdAt: string; id: string }>(a: T, b: T) => byCreated(b, a);

/** Adds or replaces an item by id; the list stays in `order`. */
export function upsertById<T extends { id: string; createdAt: string }>(list: readonly T[], item: T, order: (a: T, b: T) => number = byCreated): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index === -1) return [...list, item].sort(order);
  const next = list.slice();
  next[index] = item;
  return next;
}

const without = <T extends { id: string }>(list: readonly T[], id: string) => list.filter((x) => x.id !== id);

function applyDocumentAdded(data: GrantCallDetail, document: GrantDocument): GrantCallDetail {
  if (document.knowHowId) {
    return { ...data, knowHow: data.knowHow.map((k) => (k.id === document.knowHowId ? { ...k, documents: upsertById(k.documents, document) } : k)) };
  }
  return { ...data, documents: upsertById(data.documents, document) };
}

function findDocument(data: GrantCallDetail, id: string): GrantDocument | undefined {
  return data.documents.find((d) => d.id === id) ?? data.knowHow.flatMap((k) => k.documents).find((d) => d.id === id);
}

function savedNotice<T extends { id: string }>(list: readonly T[], item: T, created: GrantNotice['kind'], updated: GrantNotice['kind']) {
  return list.some((x) => x.id === item.id) ? updated : created;
}

/**
 * Applies one event to a call's page; events of another call (or unknown types) change nothing.
 * Changes by the viewer themselves are applied without a notice (their own form already said so).
 */
export function applyGrantEvent(data: GrantCallDetail, event: LiveEvent, viewer: { userId: string | null } = { userId: null }): GrantLiveResult {
  const result = applyEvent(data, event);
  if (result.notice && viewer.userId && authorOf(data, event) === viewer.userId) return { data: result.data };
  return result;
}

/** Who wrote what the event is about (before or after it), when the page knows. */
function authorOf(before: GrantCallDetail, event: LiveEvent): string | null {
  const d = event.data as Record<string, unknown>;
  const fromItem = (item: unknown) => (item && typeof item === 'object' && 'createdById' in item ? ((item as { createdById: string | null }).createdById ?? null) : null);
  if (d.knowHow) return fromItem(d.knowHow);
  if (d.helpRequest) return fromItem(d.helpRequest);
  if (d.partnerPost) return fromItem(d.partnerPost);
  if (d.document) return (d.document as GrantDocument).uploadedById;
  if (typeof d.knowHowId === 'string' && !('documentId' in d)) return before.knowHow.find((k) => k.id === d.knowHowId)?.createdById ?? null;
  if (typeof d.helpRequestId === 'string') return before.helpRequests.find((h) => h.id === d.helpRequestId)?.createdById ?? null;
  if (typeof d.partnerPostId === 'string') return before.partnerPosts.find((p) => p.id === d.partnerPostId)?.createdById ?? null;
  if (typeof d.documentId === 'string') return findDocument(before, d.documentId)?.uploadedById ?? null;
  // A call's edit may be by anyone allowed: always said.
  return null;
}

function applyEvent(data: GrantCallDetail, event: LiveEvent): GrantLiveResult {
  const callId = data.call.id;
  if (is(event, 'grant.updated')) {
    const call = event.data.call;
    if (call.id !== callId) return { data };
    const kind = call.archived !== data.call.archived ? (call.archived ? 'callArchived' : 'callRestored') : 'callUpdated';
    return { data: { ...data, call }, notice: { kind, title: call.title } };
  }
  if (!('callId' in (event.data as object)) || (event.data as { callId: string }).callId !== callId) return { data };

  if (is(event, 'grant.knowHowSaved')) {
    const knowHow: KnowHow = event.data.knowHow;
    const kind = savedNotice(data.knowHow, knowHow, 'knowHowOffered', 'knowHowUpdated') as 'knowHowOffered' | 'knowHowUpdated';
    return { data: { ...data, knowHow: upsertById(data.knowHow, knowHow) }, notice: { kind, organisation: knowHow.organisation.name } };
  }
  if (is(event, 'grant.knowHowRemoved')) {
    const old = data.knowHow.find((k) => k.id === event.data.knowHowId);
    if (!old) return { data };
    return { data: { ...data, knowHow: without(data.knowHow, old.id) }, notice: { kind: 'knowHowRemoved', organisation: old.organisation.name } };
  }
  if (is(event, 'grant.helpRequestSaved')) {
    const request: HelpRequest = event.data.helpRequest;
    const known = data.helpRequests.some((h) => h.id === request.id);
    // The page lists open asks only: a closed one leaves it.
    if (!request.open) {
      if (!known) return { data };
      return { data: { ...data, helpRequests: without(data.helpRequests, request.id) }, notice: { kind: 'helpClosed', organisation: request.organisation.name } };
    }
    return {
      data: { ...data, helpRequests: upsertById(data.helpRequests, request, newestFirst) },
      notice: { kind: known ? 'helpUpdated' : 'helpAsked', organisation: request.organisation.name },
    };
  }
  if (is(event, 'grant.helpRequestRemoved')) {
    const old = data.helpRequests.find((h) => h.id === event.data.helpRequestId);
    if (!old) return { data };
    return { data: { ...data, helpRequests: without(data.helpRequests, old.id) }, notice: { kind: 'helpRemoved', organisation: old.organisation.name } };
  }
  if (is(event, 'grant.partnerPostSaved')) {
    const post: PartnerPost = event.data.partnerPost;
    const known = data.partnerPosts.some((p) => p.id === post.id);
    if (!post.open) {
      if (!known) return { data };
      return { data: { ...data, partnerPosts: without(data.partnerPosts, post.id) }, notice: { kind: 'partnersClosed', organisation: post.organisation.name } };
    }
    return {
      data: { ...data, partnerPosts: upsertById(data.partnerPosts, post, newestFirst) },
      notice: { kind: known ? 'partnersUpdated' : 'partnersPosted', organisation: post.organisation.name },
    };
  }
  if (is(event, 'grant.partnerPostRemoved')) {
    const old = data.partnerPosts.find((p) => p.id === event.data.partnerPostId);
    if (!old) return { data };
    return { data: { ...data, partnerPosts: without(data.partnerPosts, old.id) }, notice: { kind: 'partnersRemoved', organisation: old.organisation.name } };
  }
  if (is(event, 'grant.documentAdded')) {
    const document = event.data.document;
    const known = !!findDocument(data, document.id);
    const next = applyDocumentAdded(data, document);
    return known ? { data: next } : { data: next, notice: { kind: 'documentAdded', title: document.title } };
  }
  if (is(event, 'grant.documentRemoved')) {
    const old = findDocument(data, event.data.documentId);
    if (!old) return { data };
    return {
      data: {
        ...data,
        documents: without(data.documents, old.id),
        knowHow: data.knowHow.map((k) => (k.documents.some((d) => d.id === old.id) ? { ...k, documents: without(k.documents, old.id) } : k)),
      },
      notice: { kind: 'documentRemoved', title: old.title },
    };
  }
  return { data };
}
