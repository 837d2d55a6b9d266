import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { problemSchema, type Problem } from '../../../../shared/problem';
import type {
  GrantCallDetail,
  GrantCallInput,
  GrantCallList,
  GrantDocument,
  HelpRequest,
  KnowHow,
  KnowHowInput,
  LinkDocumentInput,
  OrganisationKnowHow,
  PartnerPost,
  helpRequestInputSchema,
  helpRequestUpdateSchema,
  knowHowUpdateSchema,
  partnerPostInputSchema,
  partnerPostUpdateSchema,
} from '../../../../shared/grants';
import { getLocale } from '../../i18n/locale-store';
import { translate } from '../../i18n/translate';
import { ApiError, api, queryString } from '../../lib/api';
import type { GrantListQuery } from './list-query';
import { applyGrantEvent, upsertById } from './live-reducers';

export type HelpRequestInput = z.input<typeof helpRequestInputSchema>;
export type HelpRequestUpdate = z.input<typeof helpRequestUpdateSchema>;
export type KnowHowUpdate = z.input<typeof knowHowUpdateSchema>;
export type PartnerPostInput = z.input<typeof partnerPostInputSchema>;
export type PartnerPostUpdate = z.input<typeof partnerPostUpdateSchema>;

export const grantKeys = {
  all: ['grants'] as const,
  lists: ['grants', 'list'] as const,
  list: (query: GrantListQuery) => ['grants', 'list', query] as const,
  call: (id: string) => ['grants', 'call', id] as const,
  partners: ['grants', 'partners'] as const,
  organisation: (id: string) => ['grants', 'organisation', id] as const,
};

export function useGrantCalls(query: GrantListQuery) {
  return useQuery({
    queryKey: grantKeys.list(query),
    queryFn: ({ signal }) => api<GrantCallList>(`/grants/calls${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useGrantCall(id: string) {
  return useQuery({
    queryKey: grantKeys.call(id),
    queryFn: ({ signal }) => api<GrantCallDetail>(`/grants/calls/${encodeURIComponent(id)}`, { signal }),
    // A live view: kept current by events, reloaded when they cannot be replayed.
    staleTime: Infinity,
  });
}

export function usePartnerPosts() {
  return useQuery({
    queryKey: grantKeys.partners,
    queryFn: ({ signal }) => api<{ items: PartnerPost[] }>('/grants/partners', { signal }),
  });
}

export function useOrganisationKnowHow(organisationId: string | undefined) {
  return useQuery({
    queryKey: grantKeys.organisation(organisationId ?? ''),
    queryFn: ({ signal }) => api<OrganisationKnowHow>(`/grants/organisations/${encodeURIComponent(organisationId!)}/know-how`, { signal }),
    enabled: !!organisationId,
  });
}

function invalidateLists(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: grantKeys.lists }),
    queryClient.invalidateQueries({ queryKey: grantKeys.partners }),
    queryClient.invalidateQueries({ queryKey: ['grants', 'organisation'] }),
  ]);
}

export function useSaveCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: GrantCallInput }) =>
      id ? api<GrantCallDetail>(`/grants/calls/${id}`, { method: 'PUT', body: input }) : api<GrantCallDetail>('/grants/calls', { method: 'POST', body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData(grantKeys.call(detail.call.id), detail);
      void invalidateLists(queryClient);
    },
  });
}

/** Follows or archives a call: both answer with the call's page, which replaces the cached one. */
export function useCallActions(callId: string) {
  const queryClient = useQueryClient();
  const setDetail = (update: (detail: GrantCallDetail) => GrantCallDetail) =>
    queryClient.setQueryData<GrantCallDetail>(grantKeys.call(callId), (old) => old && update(old));
  return {
    archive: useMutation({
      mutationFn: (archived: boolean) => api<GrantCallDetail>(`/grants/calls/${callId}`, { method: 'PATCH', body: { archived } }),
      onSuccess: (detail) => {
        queryClient.setQueryData(grantKeys.call(callId), detail);
        void invalidateLists(queryClient);
      },
    }),
    follow: useMutation({
      mutationFn: (follow: boolean) => api<void>(`/grants/calls/${callId}/follow`, { method: follow ? 'PUT' : 'DELETE' }),
      onSuccess: (_, follow) => {
        setDetail((d) => ({ ...d, viewer: { ...d.viewer, following: follow } }));
        queryClient.setQueriesData<GrantCallList>({ queryKey: grantKeys.lists }, (old) =>
          old && { ...old, items: old.items.map((item) => (item.id === callId ? { ...item, following: follow } : item)) },
        );
      },
    }),
  };
}

/** Offers of know-how, asks for help and partner posts on a call's page. */
export function useCallPosts(callId: string) {
  const queryClient = useQueryClient();
  const key = grantKeys.call(callId);
  const setDetail = (update: (detail: GrantCallDetail) => GrantCallDetail) => {
    queryClient.setQueryData<GrantCallDetail>(key, (old) => old && update(old));
    void invalidateLists(queryClient);
  };
  const saveKnowHow = (knowHow: KnowHow) => setDetail((d) => ({ ...d, knowHow: upsertById(d.knowHow, knowHow) }));
  const saveHelp = (request: HelpRequest) =>
    setDetail((d) => ({ ...d, helpRequests: request.open ? upsertById(d.helpRequests, request, (a, b) => b.createdAt.localeCompare(a.createdAt)) : d.helpRequests.filter((h) => h.id !== request.id) }));
  const savePartners = (post: PartnerPost) =>
    setDetail((d) => ({ ...d, partnerPosts: post.open ? upsertById(d.partnerPosts, post, (a, b) => b.createdAt.localeCompare(a.createdAt)) : d.partnerPosts.filter((p) => p.id !== post.id) }));
  return {
    offerKnowHow: useMutation({
      mutationFn: (input: KnowHowInput) => api<KnowHow>(`/grants/calls/${callId}/know-how`, { method: 'POST', body: input }),
      onSuccess: saveKnowHow,
    }),
    editKnowHow: useMutation({
      mutationFn: ({ id, input }: { id: string; input: KnowHowUpdate }) => api<KnowHow>(`/grants/know-how/${id}`, { method: 'PATCH', body: input }),
      onSuccess: saveKnowHow,
    }),
    removeKnowHow: useMutation({
      mutationFn: (id: string) => api<void>(`/grants/know-how/${id}`, { method: 'DELETE' }),
      onSuccess: (_, id) => setDetail((d) => ({ ...d, knowHow: d.knowHow.filter((k) => k.id !== id) })),
    }),
    askForHelp: useMutation({
      mutationFn: (input: HelpRequestInput) => api<HelpRequest>(`/grants/calls/${callId}/help-requests`, { method: 'POST', body: input }),
      onSuccess: saveHelp,
    }),
    editHelp: useMutation({
      mutationFn: ({ id, input }: { id: string; input: HelpRequestUpdate }) => api<HelpRequest>(`/grants/help-requests/${id}`, { method: 'PATCH', body: input }),
      onSuccess: saveHelp,
    }),
    removeHelp: useMutation({
      mutationFn: (id: string) => api<void>(`/grants/help-requests/${id}`, { method: 'DELETE' }),
      onSuccess: (_, id) => setDetail((d) => ({ ...d, helpRequests: d.helpRequests.filter((h) => h.id !== id) })),
    }),
    postPartners: useMutation({
      mutationFn: (input: PartnerPostInput) => api<PartnerPost>('/grants/partners', { method: 'POST', body: input }),
      onSuccess: savePartners,
    }),
    editPartners: useMutation({
      mutationFn: ({ id, input }: { id: string; input: PartnerPostUpdate }) => api<PartnerPost>(`/grants/partners/${id}`, { method: 'PATCH', body: input }),
      onSuccess: savePartners,
    }),
    removePartners: useMutation({
      mutationFn: (id: string) => api<void>(`/grants/partners/${id}`, { method: 'DELETE' }),
      onSuccess: (_, id) => setDetail((d) => ({ ...d, partnerPosts: d.partnerPosts.filter((p) => p.id !== id) })),
    }),
  };
}

/** Partner posts on the partners page (not tied to one call's cache). */
export function usePartnerMutations() {
  const queryClient = useQueryClient();
  const refresh = () => void invalidateLists(queryClient);
  return {
    create: useMutation({ mutationFn: (input: PartnerPostInput) => api<PartnerPost>('/grants/partners', { method: 'POST', body: input }), onSuccess: refresh }),
    edit: useMutation({
      mutationFn: ({ id, input }: { id: string; input: PartnerPostUpdate }) => api<PartnerPost>(`/grants/partners/${id}`, { method: 'PATCH', body: input }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>(`/grants/partners/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}

export type DocumentTarget = { callId: string } | { knowHowId: string };
const targetPath = (target: DocumentTarget) => ('callId' in target ? `/grants/calls/${target.callId}` : `/grants/know-how/${target.knowHowId}`);

/** Uploads with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadDocument(
  target: DocumentTarget,
  fields: { file: File; title: string; category: string },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<GrantDocument> {
  const locale = getLocale();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${targetPath(target)}/files`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', locale);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as GrantDocument);
        return;
      }
      const parsed = problemSchema.safeParse(data);
      const fallback = translate(locale, 'error.unexpected', { status: xhr.status });
      const problem: Problem = parsed.success ? parsed.data : { type: 'about:blank', title: fallback, status: xhr.status, detail: fallback };
      reject(new ApiError(xhr.status, problem));
    };
    const networkError = () => {
      const title = translate(locale, 'error.network');
      reject(new ApiError(0, { type: 'about:blank', title, status: 0, detail: title }));
    };
    xhr.onerror = networkError;
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    // The text fields before the file, so the server has them when the bytes arrive.
    if (fields.title.trim()) form.append('title', fields.title.trim());
    form.append('category', fields.category);
    form.append('file', fields.file, fields.file.name);
    xhr.send(form);
  });
}

export function useDocumentMutations(callId: string) {
  const queryClient = useQueryClient();
  const key = grantKeys.call(callId);
  const added = (document: GrantDocument) =>
    queryClient.setQueryData<GrantCallDetail>(key, (old) => old && applyGrantEvent(old, { id: 0, room: '', type: 'grant.documentAdded', data: { callId, document }, at: '' }).data);
  return {
    added,
    addLink: useMutation({
      mutationFn: ({ target, input }: { target: DocumentTarget; input: LinkDocumentInput }) => api<GrantDocument>(`${targetPath(target)}/links`, { method: 'POST', body: input }),
      onSuccess: added,
    }),
    remove: useMutation({
      mutationFn: (document: GrantDocument) => api<void>(`/grants/documents/${document.id}`, { method: 'DELETE' }),
      onSuccess: (_, document) =>
        queryClient.setQueryData<GrantCallDetail>(
          key,
          (old) => old && applyGrantEvent(old, { id: 0, room: '', type: 'grant.documentRemoved', data: { callId, documentId: document.id, knowHowId: document.knowHowId }, at: '' }).data,
        ),
    }),
  };
}
