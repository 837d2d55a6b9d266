import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { reactions } from '../../../shared/forums';
import { organisations } from './organisations';
import { systemRole, users } from './users';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const reactionKind = pgEnum('reaction_kind', reactions);
export const flagResolution = pgEnum('flag_resolution', ['dismissed', 'hidden']);

export const forums = pgTable('forums', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique('forums_slug'),
  nameSv: text().notNull(),
  nameEn: text().notNull(),
  descriptionSv: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  position: integer().notNull().default(0),
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// A forum with no rows here is open; otherwise only the listed roles, organisations (active
// members) and people may read and post in it. Staff always may.
export const forumAccess = pgTable(
  'forum_access',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    forumId: uuid()
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    role: systemRole(),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('forum_access_forum').on(t.forumId),
    check('forum_access_one_subject', sql`num_nonnulls(${t.role}, ${t.organisationId}, ${t.userId}) = 1`),
  ],
);

export const threads = pgTable(
  'threads',
  {
    id: uuid().primaryKey().defaultRandom(),
    forumId: uuid()
      .notNull()
      .references(() => forums.id, { onDelete: 'restrict' }),
    title: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastPostAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    replyCount: integer().notNull().default(0),
    pinned: boolean().notNull().default(false),
    locked: boolean().notNull().default(false),
  },
  (t) => [index('threads_forum_activity').on(t.forumId, t.pinned, t.lastPostAt)],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    // Kept equal to the thread's forum (moved together) so search can filter without a join.
    forumId: uuid()
      .notNull()
      .references(() => forums.id, { onDelete: 'restrict' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    isFirst: boolean().notNull().default(false),
    body: text().notNull(),
    bodyHtml: text().notNull(),
    quotedPostId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    editCount: integer().notNull().default(0),
    deletedAt: timestamp({ withTimezone: true }),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenReason: text(),
    hiddenBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    // A client's retry of the same create carries the same key and gets the first post back.
    idempotencyKey: text(),
    // Swedish full-text vector: the thread title (weight A, first post only) and the body (B).
    search: tsvector().notNull(),
  },
  (t) => [
    index('posts_thread_created').on(t.threadId, t.createdAt),
    index('posts_search').using('gin', t.search),
    index('posts_created').on(t.createdAt),
    // Search within one forum over a period: the forum's posts in time order, not everyone's.
    index('posts_forum_created').on(t.forumId, t.createdAt),
    index('posts_author_created').on(t.authorId, t.createdAt),
    // An organisation's posts newest first (the link of an @organisation mention, search by organisation).
    index('posts_organisation_created').on(t.organisationId, t.createdAt),
    uniqueIndex('posts_author_idempotency').on(t.authorId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  ],
);

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    // The body as it was before the edit made at editedAt by editorId.
    body: text().notNull(),
    editedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editorId: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('post_revisions_post').on(t.postId, t.editedAt)],
);

export const postReactions = pgTable(
  'post_reactions',
  {
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reaction: reactionKind().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.reaction] })],
);

export const forumFollows = pgTable(
  'forum_follows',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    forumId: uuid()
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.forumId] }), index('forum_follows_forum').on(t.forumId)],
);

export const threadFollows = pgTable(
  'thread_follows',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] }), index('thread_follows_thread').on(t.threadId)],
);

// When a person last read a thread: later posts are "new" and the thread counts as unread.
export const threadReads = pgTable(
  'thread_reads',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

export const postFlags = pgTable(
  'post_flags',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    reporterId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolution: flagResolution(),
  },
  (t) => [
    // One open flag per person and post: flagging twice is a conflict, not a second report.
    uniqueIndex('post_flags_open_once').on(t.postId, t.reporterId).where(sql`${t.resolvedAt} is null`),
    index('post_flags_open').on(t.createdAt).where(sql`${t.resolvedAt} is null`),
  ],
);
