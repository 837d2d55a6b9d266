import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EarlierReplies,
  Flag,
  Forum,
  ForumInput,
  ForumList,
  ForumPage,
  ForumUpdate,
  Post,
  PostInput,
  Reaction,
  ReactionState,
  SearchResult,
  ThreadInput,
  ThreadPage,
  ThreadSummary,
  ThreadUpdate,
  createdThreadSchema,
  mentionableListSchema,
  revisionListSchema,
  searchQuerySchema,
} from '../../../../shared/forums';
import { api, queryString } from '../../lib/api';
import { upsertPost, withEarlierReplies } from './live-reducers';

export type CreatedThread = z.infer<typeof createdThreadSchema>;
export type MentionableList = z.infer<typeof mentionableListSchema>;
export type RevisionList = z.infer<typeof revisionListSchema>;
export type FlagStatus = 'open' | 'resolved';
export type SearchParams = z.output<typeof searchQuerySchema>;

export const forumPageSize = 30;

export const forumKeys = {
  all: ['forums'] as const,
  list: ['forums', 'list'] as const,
  pages: ['forums', 'page'] as const,
  page: (ref: string, page: number) => ['forums', 'page', ref, page] as const,
  thread: (id: string) => ['forums', 'thread', id] as const,
  revisions: (postId: string) => ['forums', 'revisions', postId] as const,
  search: (query: SearchParams | null) => ['forums', 'search', query] as const,
  mentionables: (q: string) => ['forums', 'mentionables', q] as const,
  flags: (status: FlagStatus) => ['forums', 'flags', status] as const,
  allFlags: ['forums', 'flags'] as const,
};

export function useForumList() {
  return useQuery({
    queryKey: forumKeys.list,
    queryFn: ({ signal }) => api<ForumList>('/forums', { signal }),
  });
}

export function useForumPage(ref: string, page: number) {
  return useQuery({
    queryKey: forumKeys.page(ref, page),
    queryFn: ({ signal }) => api<ForumPage>(`/forums/${encodeURIComponent(ref)}${queryString({ page: page > 1 ? page : undefined, pageSize: forumPageSize })}`, { signal }),
  });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: forumKeys.thread(id),
    queryFn: ({ signal }) => api<ThreadPage>(`/threads/${encodeURIComponent(id)}`, { signal }),
    // A live view: its data is kept current by events, and refetched when they cannot be replayed.
    staleTime: Infinity,
  });
}

export function useRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: forumKeys.revisions(postId),
    queryFn: ({ signal }) => api<RevisionList>(`/posts/${postId}/revisions`, { signal }),
    enabled,
  });
}

export function useSearch(query: SearchParams | null) {
  return useQuery({
    queryKey: forumKeys.search(query),
    queryFn: ({ signal }) => api<SearchResult>(`/forums/search${queryString({ ...query })}`, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMentionables(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: forumKeys.mentionables(trimmed),
    queryFn: ({ signal }) => api<MentionableList>(`/forums/mentionables${queryString({ q: trimmed })}`, { signal }),
    enabled: trimmed.length >= 1,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useFlags(status: FlagStatus) {
  return useQuery({
    queryKey: forumKeys.flags(status),
    queryFn: ({ signal }) => api<{ flags: Flag[]; cursor: number }>(`/moderation/flags${queryString({ status })}`, { signal }),
  });
}

/** Lists and forum pages show counts and unread state that change when one posts or reads. */
export function invalidateForumLists(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: forumKeys.list }),
    queryClient.invalidateQueries({ queryKey: forumKeys.pages }),
  ]);
}

function setForumEverywhere(queryClient: QueryClient, forum: Forum) {
  queryClient.setQueryData<ForumList>(forumKeys.list, (old) => old && { ...old, forums: old.forums.map((f) => (f.id === forum.id ? forum : f)) });
  queryClient.setQueriesData<ForumPage>({ queryKey: forumKeys.pages }, (old) => (old && old.forum.id === forum.id ? { ...old, forum } : old));
}

export function useForumAdmin() {
  const queryClient = useQueryClient();
  const refresh = () => void invalidateForumLists(queryClient);
  return {
    create: useMutation({
      mutationFn: (input: ForumInput) => api<Forum>('/forums', { method: 'POST', body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: ForumUpdate }) => api<Forum>(`/forums/${id}`, { method: 'PATCH', body: input }),
      onSuccess: (forum) => {
        setForumEverywhere(queryClient, forum);
        refresh();
      },
    }),
    order: useMutation({
      mutationFn: (ids: string[]) => api<ForumList>('/forums/order', { method: 'PUT', body: { ids } }),
      onSuccess: (list) => queryClient.setQueryData(forumKeys.list, list),
    }),
  };
}

export function useFollowForum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ forum, follow }: { forum: Forum; follow: boolean }) => api<void>(`/forums/${forum.id}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
    onSuccess: (_, { forum, follow }) => setForumEverywhere(queryClient, { ...forum, following: follow }),
  });
}

export function useCreateThread(forumId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: ThreadInput; idempotencyKey: string }) =>
      api<CreatedThread>(`/forums/${forumId}/threads`, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => void invalidateForumLists(queryClient),
  });
}

export function updateThreadCache(queryClient: QueryClient, threadId: string, update: (page: ThreadPage) => ThreadPage) {
  queryClient.setQueryData<ThreadPage>(forumKeys.thread(threadId), (old) => old && update(old));
}

export function useThreadMutations(threadId: string) {
  const queryClient = useQueryClient();
  const setPost = (post: Post) => updateThreadCache(queryClient, threadId, (page) => ({ ...page, posts: upsertPost(page.posts, post) }));
  const setThread = (thread: ThreadSummary) => updateThreadCache(queryClient, threadId, (page) => ({ ...page, thread }));
  return {
    reply: useMutation({
      mutationFn: ({ input, idempotencyKey }: { input: PostInput; idempotencyKey: string }) =>
        api<Post>(`/threads/${threadId}/posts`, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
      onSuccess: (post) => {
        setPost(post);
        void invalidateForumLists(queryClient);
      },
    }),
    follow: useMutation({
      mutationFn: (follow: boolean) => api<void>(`/threads/${threadId}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
      onSuccess: (_, follow) => updateThreadCache(queryClient, threadId, (page) => ({ ...page, following: follow })),
    }),
    earlier: useMutation({
      mutationFn: (beforeId: string) => api<EarlierReplies>(`/threads/${threadId}/posts${queryString({ before: beforeId })}`),
      onSuccess: (earlier) => updateThreadCache(queryClient, threadId, (page) => withEarlierReplies(page, earlier)),
    }),
    markRead: useMutation({
      mutationFn: () => api<void>(`/threads/${threadId}/read`, { method: 'POST' }),
      onSuccess: () => void invalidateForumLists(queryClient),
    }),
    moderate: useMutation({
      mutationFn: (input: ThreadUpdate) => api<ThreadSummary>(`/threads/${threadId}`, { method: 'PATCH', body: input }),
      onSuccess: (thread, input) => {
        setThread(thread);
        // A move changes the forum (and its live room): load the thread again.
        if (input.forumId) void queryClient.invalidateQueries({ queryKey: forumKeys.thread(threadId) });
        void invalidateForumLists(queryClient);
      },
    }),
    edit: useMutation({
      mutationFn: ({ postId, body }: { postId: string; body: string }) => api<Post>(`/posts/${postId}`, { method: 'PATCH', body: { body } }),
      onSuccess: (post) => {
        setPost(post);
        void queryClient.invalidateQueries({ queryKey: forumKeys.revisions(post.id) });
      },
    }),
    remove: useMutation({
      mutationFn: (postId: string) => api<Post>(`/posts/${postId}`, { method: 'DELETE' }),
      onSuccess: setPost,
    }),
    react: useMutation({
      mutationFn: ({ postId, reaction, on }: { postId: string; reaction: Reaction; on: boolean }) =>
        api<ReactionState>(`/posts/${postId}/reactions/${reaction}`, { method: on ? 'PUT' : 'DELETE' }),
      onSuccess: (state) =>
        updateThreadCache(queryClient, threadId, (page) => ({
          ...page,
          posts: page.posts.map((p) => (p.id === state.postId ? { ...p, reactions: state.reactions } : p)),
          myReactions: { ...page.myReactions, [state.postId]: state.mine },
        })),
    }),
    flag: useMutation({
      mutationFn: ({ postId, reason }: { postId: string; reason: string }) => api<{ id: string }>(`/posts/${postId}/flags`, { method: 'POST', body: { reason } }),
    }),
    hide: useMutation({
      mutationFn: ({ postId, reason }: { postId: string; reason: string }) => api<Post>(`/posts/${postId}/hide`, { method: 'POST', body: { reason } }),
      onSuccess: setPost,
    }),
    unhide: useMutation({
      mutationFn: (postId: string) => api<Post>(`/posts/${postId}/unhide`, { method: 'POST' }),
      onSuccess: setPost,
    }),
  };
}

export function useResolveFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, action, reason }: { flagId: string; action: 'dismiss' | 'hide'; reason?: string }) =>
      api<Flag>(`/moderation/flags/${flagId}/resolve`, { method: 'POST', body: { action, ...(reason ? { reason } : {}) } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: forumKeys.allFlags }),
  });
}
