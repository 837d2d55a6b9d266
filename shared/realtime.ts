import { z } from 'zod';
import type { Forum, Post, ReactionCount, ThreadSummary } from './forums';
import type { GrantCall, GrantDocument, HelpRequest, KnowHow, PartnerPost } from './grants';
import type { Notification } from './notifications';
import type { Booking } from './premises';

// The live-event protocol over Socket.IO (path /socket.io).
//
// Every change that others should see is written to the `events` table in the same transaction
// as the change and then emitted to its room as `event`, in id order. A client keeps the highest
// id it has applied per connection and, after every (re)connect, subscribes again with `since`;
// the ack carries every event it missed, in order. Live events that arrive while a subscribe is
// in flight are buffered by the client and applied after the ack, skipping ids already applied.

/** Rooms and who may join them. */
export const roomAccess = {
  /** forums: "the forum list changed" (ids only): anyone, also visitors. */
  forums: 'public',
  /** forum:<id>: threads, posts, reactions, moderation in that forum: whoever may read the forum. */
  forum: 'readers of the forum',
  /** user:<id>: that person's notifications: only that person. */
  user: 'the person themself',
  /** moderation: the flag queue: coordinator and administrators. */
  moderation: 'coordinator, admin',
  /** premises:<id>: busy and free times of a premises, without requester details: anyone. */
  premises: 'public',
  /** org:<id>: an organisation's bookings, both as requester and owner: its active members and staff. */
  org: 'active members of the organisation, coordinator, admin',
  /** wanted: "a wanted-premises post changed" (ids only): anyone, also visitors. */
  wanted: 'public',
  /** grants: "the list of grant calls changed" (ids only): anyone, also visitors. */
  grants: 'public',
  /** grant:<id>: a grant call, its know-how, asks for help, partner posts and documents: anyone. */
  grant: 'public',
} as const;

export const roomSchema = z
  .string({ error: 'field.invalidType' })
  .max(100, { error: 'field.tooLong' })
  .regex(/^(forums|moderation|grants|wanted|(forum|user|premises|org|grant):[0-9a-f-]{36})$/, { error: 'field.invalid' });

export const forumRoom = (forumId: string) => `forum:${forumId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const forumsRoom = 'forums';
export const moderationRoom = 'moderation';
export const premisesRoom = (premisesId: string) => `premises:${premisesId}`;
export const organisationRoom = (organisationId: string) => `org:${organisationId}`;

export const subscribeSchema = z.strictObject({
  room: roomSchema,
  /** The highest event id the client has applied; omitted: live events from now on only. */
  since: z.number({ error: 'field.invalidType' }).int({ error: 'field.invalidType' }).min(0, { error: 'field.tooSmall' }).optional(),
});
export type SubscribeRequest = z.infer<typeof subscribeSchema>;
export const unsubscribeSchema = z.strictObject({ room: roomSchema });

/** The data of each event type. Data is the same for every member of the room (no per-viewer fields). */
export interface EventData {
  'forums.changed': { forumId: string | null };
  'forum.updated': { forum: Omit<Forum, 'unreadCount' | 'following' | 'canPost' | 'access'> };
  'thread.created': { thread: ThreadSummary; post: Post };
  'thread.updated': { thread: ThreadSummary };
  'thread.moved': { thread: ThreadSummary; fromForumId: string; toForumId: string };
  'post.created': { thread: ThreadSummary; post: Post };
  'post.updated': { post: Post };
  'post.deleted': { post: Post };
  'post.hidden': { post: Post };
  'post.unhidden': { post: Post };
  'post.reactions': { postId: string; threadId: string; reactions: ReactionCount[] };
  'notification.created': { notification: Notification; unreadCount: number };
  'notifications.read': { unreadCount: number };
  'flag.created': { flagId: string; postId: string };
  'flag.resolved': { flagId: string; postId: string };
  /** premises:<id> gets the public view (no requester details); org:<id> the full one. */
  'booking.changed': { booking: Booking };
  /** The person's sessions, role or memberships changed (clients may refetch who they are). */
  'account.changed': Record<string, never>;
  /** wanted: a wanted-premises post was added, closed, reopened or answered (refetch the list). */
  'wanted.changed': { wantedId: string };
  /** grants: a call was added, changed or archived (refetch the list). */
  'grants.changed': { callId: string };
  /** grant:<id>: the call itself changed (also archived or restored). */
  'grant.updated': { call: GrantCall };
  'grant.knowHowSaved': { callId: string; knowHow: KnowHow };
  'grant.knowHowRemoved': { callId: string; knowHowId: string };
  /** Also when an ask is closed or reopened (`open` tells which). */
  'grant.helpRequestSaved': { callId: string; helpRequest: HelpRequest };
  'grant.helpRequestRemoved': { callId: string; helpRequestId: string };
  'grant.partnerPostSaved': { callId: string; partnerPost: PartnerPost };
  'grant.partnerPostRemoved': { callId: string; partnerPostId: string };
  /** A document on the call itself (knowHowId null) or on one of its know-how entries. */
  'grant.documentAdded': { callId: string; document: GrantDocument };
  'grant.documentRemoved': { callId: string; documentId: string; knowHowId: string | null };
}
export type EventType = keyof EventData;

export interface LiveEvent<T extends EventType = EventType> {
  id: number;
  room: string;
  type: T;
  data: EventData[T];
  at: string;
}

export type AckError = { ok: false; error: { status: number; message: string; errors?: { field: string; message: string }[] } };
export type SubscribeAck =
  | { ok: true; room: string; events: LiveEvent[]; cursor: number; reset: false }
  /** Too much was missed (or it was pruned): reload the page's data over HTTP and use `cursor`. */
  | { ok: true; room: string; events: []; cursor: number; reset: true }
  | AckError;
export type UnsubscribeAck = { ok: true } | AckError;

export interface ServerToClientEvents {
  event: (event: LiveEvent) => void;
}
export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (answer: SubscribeAck) => void) => void;
  unsubscribe: (request: { room: string }, ack: (answer: UnsubscribeAck) => void) => void;
}

/** At most this many missed events are replayed; beyond it the client reloads. */
export const catchUpLimit = 500;
