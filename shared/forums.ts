import { z } from 'zod';
import { systemRoleSchema } from './roles';
import { isoDate, optionError, optionalText, slug, text, typeError, uuid } from './validation';

// Topic forums: the wire contract for routes and live events.

export const postBodyMax = 20_000;
export const threadTitleMax = 200;

/** Reactions are a small fixed set, so that counts stay meaningful and screen readers can name them. */
export const reactions = ['thumbsUp', 'heart', 'thanks', 'idea', 'question'] as const;
export const reactionSchema = z.enum(reactions, { error: optionError });
export type Reaction = z.infer<typeof reactionSchema>;
export const reactionEmoji: Record<Reaction, string> = { thumbsUp: '👍', heart: '❤️', thanks: '🙏', idea: '💡', question: '❓' };

/** Who may read (and post in) a restricted forum; an open forum has none of these. */
export const forumAccessSchema = z.strictObject({
  roles: z.array(systemRoleSchema, { error: typeError }).max(4, { error: 'field.tooBig' }).default([]),
  organisationIds: z.array(uuid, { error: typeError }).max(200, { error: 'field.tooBig' }).default([]),
  userIds: z.array(uuid, { error: typeError }).max(500, { error: 'field.tooBig' }).default([]),
});
export type ForumAccess = z.output<typeof forumAccessSchema>;

export const forumInputSchema = z.strictObject({
  slug,
  nameSv: text(80, 2),
  nameEn: text(80, 2),
  descriptionSv: optionalText(500).default(''),
  descriptionEn: optionalText(500).default(''),
  /** null or absent: open to everyone; otherwise only these roles, organisations and people (and staff). */
  access: forumAccessSchema.nullable().default(null),
});
export type ForumInput = z.input<typeof forumInputSchema>;

export const forumUpdateSchema = z.strictObject({
  nameSv: text(80, 2).optional(),
  nameEn: text(80, 2).optional(),
  descriptionSv: optionalText(500).optional(),
  descriptionEn: optionalText(500).optional(),
  archived: z.boolean({ error: typeError }).optional(),
  access: forumAccessSchema.nullable().optional(),
});
export type ForumUpdate = z.input<typeof forumUpdateSchema>;

export const forumOrderSchema = z.strictObject({
  ids: z.array(uuid, { error: typeError }).min(1, { error: 'field.required' }).max(200, { error: 'field.tooBig' }),
});

export const forumSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
  restricted: z.boolean(),
  /** Only shown to the coordinator and administrators. */
  access: forumAccessSchema.nullable().optional(),
  /** Names for the organisations and people on the access list (staff only), for showing it. */
  accessNames: z
    .object({ organisations: z.array(z.object({ id: z.uuid(), name: z.string() })), users: z.array(z.object({ id: z.uuid(), name: z.string() })) })
    .optional(),
  threadCount: z.number().int(),
  postCount: z.number().int(),
  lastPostAt: z.string().nullable(),
  /** Signed-in people: threads with posts they have not read. */
  unreadCount: z.number().int().nullable(),
  following: z.boolean(),
  canPost: z.boolean(),
});
export type Forum = z.infer<typeof forumSchema>;

export const forumListSchema = z.object({ forums: z.array(forumSchema), cursor: z.number().int() });
export type ForumList = z.infer<typeof forumListSchema>;

export const personRefSchema = z.object({ id: z.uuid(), name: z.string() });
export const organisationRefSchema = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;
export type OrganisationRef = z.infer<typeof organisationRefSchema>;

export const threadSummarySchema = z.object({
  id: z.uuid(),
  forumId: z.uuid(),
  title: z.string(),
  author: personRefSchema.nullable(),
  organisation: organisationRefSchema.nullable(),
  createdAt: z.string(),
  lastPostAt: z.string(),
  replyCount: z.number().int(),
  pinned: z.boolean(),
  locked: z.boolean(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

/** How many reacted so, and who: the first reactionNamesShown names, earliest first. */
export const reactionNamesShown = 10;
export const reactionCountSchema = z.object({ reaction: reactionSchema, count: z.number().int(), names: z.array(z.string()) });
export type ReactionCount = z.infer<typeof reactionCountSchema>;

export const postSchema = z.object({
  id: z.uuid(),
  threadId: z.uuid(),
  forumId: z.uuid(),
  author: personRefSchema.nullable(),
  organisation: organisationRefSchema.nullable(),
  /** Markdown source; null when the post is removed, or hidden from this viewer. */
  body: z.string().nullable(),
  /** Safe HTML rendered from the Markdown on the server (no raw HTML, no script links). */
  bodyHtml: z.string().nullable(),
  quotedPostId: z.uuid().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  editCount: z.number().int(),
  deleted: z.boolean(),
  /** Set when the coordinator hid the post; the reason is shown to its author and staff only. */
  hidden: z.object({ reason: z.string().nullable() }).nullable(),
  reactions: z.array(reactionCountSchema),
});
export type Post = z.infer<typeof postSchema>;

export const threadListQuerySchema = z.strictObject({
  page: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(10000, { error: 'field.tooBig' }).default(1),
  pageSize: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(100, { error: 'field.tooBig' }).default(30),
});

export const threadListItemSchema = threadSummarySchema.extend({
  /** Signed-in people: the thread has posts since they last read it. */
  unread: z.boolean(),
  following: z.boolean(),
});

export const forumPageSchema = z.object({
  forum: forumSchema,
  threads: z.array(threadListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  cursor: z.number().int(),
});
export type ForumPage = z.infer<typeof forumPageSchema>;

/** A thread opens with its first post and its latest replies; earlier replies load a page at a time. */
export const threadReplyPageSize = 100;

export const threadPageSchema = z.object({
  forum: forumSchema,
  thread: threadSummarySchema,
  /** The opening post, then the latest replies (at most threadReplyPageSize), oldest first. */
  posts: z.array(postSchema),
  /** Replies between the opening post and the first reply shown, not loaded yet. */
  earlierReplies: z.number().int(),
  /** The signed-in viewer's reactions, by post id. */
  myReactions: z.record(z.string(), z.array(reactionSchema)),
  following: z.boolean(),
  /** When the viewer last read the thread before this visit; posts after it are "new". */
  lastReadAt: z.string().nullable(),
  canPost: z.boolean(),
  canModerate: z.boolean(),
  cursor: z.number().int(),
});
export type ThreadPage = z.infer<typeof threadPageSchema>;

export const earlierRepliesQuerySchema = z.strictObject({ before: uuid });
export const earlierRepliesSchema = z.object({
  /** Up to threadReplyPageSize replies just before `before`, oldest first. */
  posts: z.array(postSchema),
  myReactions: z.record(z.string(), z.array(reactionSchema)),
  /** Replies still earlier than these. */
  earlierReplies: z.number().int(),
});
export type EarlierReplies = z.infer<typeof earlierRepliesSchema>;

const bodyText = text(postBodyMax);

export const threadInputSchema = z.strictObject({
  title: text(threadTitleMax, 3),
  body: bodyText,
  /** Post on behalf of an organisation the author is an active member of. */
  organisationId: uuid.nullable().optional(),
});
export type ThreadInput = z.input<typeof threadInputSchema>;

export const postInputSchema = z.strictObject({
  body: bodyText,
  quotedPostId: uuid.nullable().optional(),
  organisationId: uuid.nullable().optional(),
});
export type PostInput = z.input<typeof postInputSchema>;

export const postEditSchema = z.strictObject({ body: bodyText });

export const createdThreadSchema = z.object({ thread: threadSummarySchema, post: postSchema });

/** Idempotency-Key header: a retried create with the same key returns the first result. */
export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string({ error: typeError })
    .min(8, { error: 'field.tooShort' })
    .max(100, { error: 'field.tooLong' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'field.invalid' })
    .optional(),
});

export const revisionSchema = z.object({ body: z.string(), editedAt: z.string(), editor: personRefSchema.nullable() });
export const revisionListSchema = z.object({ revisions: z.array(revisionSchema) });

export const threadUpdateSchema = z.strictObject({
  title: text(threadTitleMax, 3).optional(),
  pinned: z.boolean({ error: typeError }).optional(),
  locked: z.boolean({ error: typeError }).optional(),
  /** Move the thread to another forum. */
  forumId: uuid.optional(),
});
export type ThreadUpdate = z.input<typeof threadUpdateSchema>;

export const moderationReasonSchema = z.strictObject({ reason: text(500, 3) });

export const flagInputSchema = z.strictObject({ reason: text(500, 3) });

export const flagStatuses = ['open', 'resolved'] as const;
export const flagSchema = z.object({
  id: z.uuid(),
  post: postSchema,
  threadTitle: z.string(),
  reporter: personRefSchema.nullable(),
  reason: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['dismissed', 'hidden']).nullable(),
  resolvedBy: personRefSchema.nullable(),
});
export type Flag = z.infer<typeof flagSchema>;
export const flagListQuerySchema = z.strictObject({ status: z.enum(flagStatuses, { error: optionError }).default('open') });
export const flagListSchema = z.object({ flags: z.array(flagSchema), cursor: z.number().int() });
export const flagResolutionSchema = z.strictObject({
  action: z.enum(['dismiss', 'hide'], { error: optionError }),
  /** Required when hiding: shown to the post's author. */
  reason: text(500, 3).optional(),
});

export const searchSorts = ['relevance', 'newest'] as const;
export const searchQuerySchema = z
  .strictObject({
  q: text(200, 2).optional(),
  forum: uuid.optional(),
  author: uuid.optional(),
  organisation: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(searchSorts, { error: optionError }).default('relevance'),
  page: z.coerce.number({ error: typeError }).int({ error: 'field.invalidType' }).min(1, { error: 'field.tooSmall' }).max(500, { error: 'field.tooBig' }).default(1),
})
  // Without words, a person's or an organisation's posts are listed newest first (a mention's link).
  .refine((query) => query.q !== undefined || query.author !== undefined || query.organisation !== undefined, { path: ['q'], error: 'field.required' })
  // A range given backwards finds nothing; say so rather than answer an empty page.
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ['to'], error: 'field.dateOrder' });
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  postId: z.uuid(),
  threadId: z.uuid(),
  threadTitle: z.string(),
  forum: z.object({ id: z.uuid(), slug: z.string(), nameSv: z.string(), nameEn: z.string() }),
  author: personRefSchema.nullable(),
  organisation: organisationRefSchema.nullable(),
  createdAt: z.string(),
  /** HTML-escaped text with the matching words wrapped in <mark>. */
  snippet: z.string(),
});
/** Counting every match of a common word costs more than the page itself; beyond this: "more than". */
export const searchCountCap = 1000;
export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** The number of matching posts, at most searchCountCap. */
  total: z.number().int(),
  /** True when there are at least `total` (the cap), not exactly that many. */
  totalAtLeast: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const mentionQuerySchema = z.strictObject({ q: text(80, 1) });
export const mentionableSchema = z.object({
  kind: z.enum(['user', 'org']),
  id: z.uuid(),
  name: z.string(),
  /** What to insert into the Markdown: @[Name](user:id) or @[Name](org:id). */
  token: z.string(),
});
export const mentionableListSchema = z.object({ results: z.array(mentionableSchema) });

export const reactionStateSchema = z.object({
  postId: z.uuid(),
  reactions: z.array(reactionCountSchema),
  /** The caller's own reactions on the post. */
  mine: z.array(reactionSchema),
});
export type ReactionState = z.infer<typeof reactionStateSchema>;
