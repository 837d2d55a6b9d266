import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Booking,
  BookingRequest,
  Calendar,
  Premises,
  PremisesData,
  Wanted,
  WantedList,
  bookingResultSchema,
  calendarLinkSchema,
  premisesListSchema,
  wantedInputSchema,
  offerInputSchema,
} from '../../../../shared/premises';
import { api, queryString } from '../../lib/api';
import type { BookingList, BookingSide } from './live';
import type { PremisesQuery } from './search-query';

export type PremisesList = z.infer<typeof premisesListSchema>;
export type BookingResult = z.infer<typeof bookingResultSchema>;
export type CalendarLink = z.infer<typeof calendarLinkSchema>;
export type WantedData = z.output<typeof wantedInputSchema>;
export type OfferData = z.output<typeof offerInputSchema>;

export const premisesKeys = {
  all: ['premises'] as const,
  search: (query: PremisesQuery | Record<string, unknown>) => ['premises', 'search', query] as const,
  detail: (id: string) => ['premises', 'detail', id] as const,
  calendars: (id: string) => ['premises', 'calendar', id] as const,
  calendar: (id: string, week: string | null) => ['premises', 'calendar', id, week] as const,
  bookingLists: ['premises', 'bookings'] as const,
  /** The upcoming list; its past list and the pending count sit under it, so one invalidation reaches all three. */
  bookings: (organisationId: string, side: BookingSide) => ['premises', 'bookings', organisationId, side] as const,
  pastBookings: (organisationId: string, side: BookingSide) => ['premises', 'bookings', organisationId, side, 'past'] as const,
  pendingCount: (organisationId: string) => ['premises', 'bookings', organisationId, 'owner', 'pending'] as const,
  booking: (id: string) => ['premises', 'booking', id] as const,
  wanted: ['premises', 'wanted'] as const,
  calendarLink: (organisationId: string) => ['premises', 'calendar-link', organisationId] as const,
};

export function usePremisesSearch(query: PremisesQuery | Record<string, string | number | undefined>, enabled = true) {
  return useQuery({
    queryKey: premisesKeys.search(query),
    queryFn: ({ signal }) => api<PremisesList>(`/premises${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePremises(id: string) {
  return useQuery({
    queryKey: premisesKeys.detail(id),
    queryFn: ({ signal }) => api<Premises>(`/premises/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCalendar(id: string, week: string | null) {
  return useQuery({
    queryKey: premisesKeys.calendar(id, week),
    queryFn: ({ signal }) => api<Calendar>(`/premises/${encodeURIComponent(id)}/calendar${queryString({ week: week ?? undefined })}`, { signal }),
    placeholderData: keepPreviousData,
    // A live view: kept current by events, reloaded when they cannot be replayed.
    staleTime: Infinity,
  });
}

/** A page of bookings this long; "show more" adds the next one. */
export const bookingPageSize = 100;

const bookingsUrl = (organisationId: string | null, side: BookingSide, extra: Record<string, string | number | undefined> = {}) =>
  `/bookings${queryString({ organisationId: organisationId ?? undefined, side, ...extra })}`;

/** An organisation's coming bookings (one side), first page; kept current by its room's events. */
export function useBookingList(organisationId: string | null, side: BookingSide) {
  return useQuery({
    queryKey: premisesKeys.bookings(organisationId ?? 'none', side),
    queryFn: ({ signal }) => api<BookingList>(bookingsUrl(organisationId, side, { limit: bookingPageSize }), { signal }),
    enabled: !!organisationId,
    staleTime: Infinity,
  });
}

/** The bookings that ended in the last 90 days, latest first; fetched when the person asks for them. */
export function usePastBookings(organisationId: string | null, side: BookingSide, enabled: boolean) {
  return useQuery({
    queryKey: premisesKeys.pastBookings(organisationId ?? 'none', side),
    queryFn: ({ signal }) => api<BookingList>(bookingsUrl(organisationId, side, { when: 'past', limit: bookingPageSize }), { signal }),
    enabled: enabled && !!organisationId,
    staleTime: Infinity,
  });
}

/** How many requests wait for the organisation's decision, over all pages (the owner tab's badge). */
export function usePendingCount(organisationId: string | null) {
  return useQuery({
    queryKey: premisesKeys.pendingCount(organisationId ?? 'none'),
    queryFn: ({ signal }) => api<BookingList>(bookingsUrl(organisationId, 'owner', { status: 'pending', limit: 1 }), { signal }).then((list) => list.total),
    enabled: !!organisationId,
  });
}

/**
 * The next page of a loaded list, appended in place. A booking already on the list (it may have
 * arrived live meanwhile) keeps the version there: events are applied in order, so it is as new.
 */
export async function loadMoreBookings(queryClient: QueryClient, organisationId: string, side: BookingSide, when: 'upcoming' | 'past') {
  const key = when === 'past' ? premisesKeys.pastBookings(organisationId, side) : premisesKeys.bookings(organisationId, side);
  const old = queryClient.getQueryData<BookingList>(key);
  if (!old?.next) return;
  const page = await api<BookingList>(bookingsUrl(organisationId, side, { when, after: old.next, limit: bookingPageSize }));
  queryClient.setQueryData<BookingList>(key, (current) => {
    if (!current) return current;
    const known = new Set(current.bookings.map((b) => b.id));
    return { ...current, bookings: [...current.bookings, ...page.bookings.filter((b) => !known.has(b.id))], next: page.next, total: page.total };
  });
}

/**
 * The current event cursor of an organisation's room, fetched fresh on every mount (for a view of
 * one booking, which has no cursor of its own).
 */
export function useOrganisationCursor(organisationId: string | null, side: BookingSide) {
  return useQuery({
    queryKey: ['premises', 'cursor', organisationId ?? 'none', side] as const,
    queryFn: ({ signal }) => api<BookingList>(bookingsUrl(organisationId, side, { limit: 1 }), { signal }).then((list) => list.cursor),
    enabled: !!organisationId,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useBooking(id: string) {
  return useQuery({
    queryKey: premisesKeys.booking(id),
    queryFn: ({ signal }) => api<Booking>(`/bookings/${encodeURIComponent(id)}`, { signal }),
    staleTime: Infinity,
  });
}

export function useWantedList() {
  return useQuery({
    queryKey: premisesKeys.wanted,
    queryFn: ({ signal }) => api<WantedList>('/premises/wanted', { signal }),
  });
}

export function useCalendarLink(organisationId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: premisesKeys.calendarLink(organisationId ?? 'none'),
    queryFn: ({ signal }) => api<CalendarLink>(`/bookings/calendar-link${queryString({ organisationId: organisationId ?? undefined })}`, { signal }),
    enabled: enabled && !!organisationId,
    staleTime: Infinity,
  });
}

/** A booking changed (here or live): every list, calendar and detail that may show it is stale. */
export function putBooking(queryClient: QueryClient, booking: Booking) {
  queryClient.setQueryData<Booking>(premisesKeys.booking(booking.id), booking);
  queryClient.setQueriesData<BookingList | number>({ queryKey: premisesKeys.bookingLists }, (old) =>
    typeof old === 'object' && old.bookings.some((b) => b.id === booking.id) ? { ...old, bookings: old.bookings.map((b) => (b.id === booking.id ? booking : b)) } : old,
  );
  void queryClient.invalidateQueries({ queryKey: premisesKeys.pendingCount(booking.ownerOrganisationId) });
}

export function useRequestBooking(premisesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BookingRequest) => api<BookingResult>(`/premises/${premisesId}/bookings`, { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: premisesKeys.calendars(premisesId) });
      void queryClient.invalidateQueries({ queryKey: premisesKeys.bookingLists });
    },
  });
}

// Bookings (or series) this tab is changing right now: their live events need no announcement,
// since the person already hears the outcome of their own action. The event may arrive before the
// HTTP answer, so they are noted when the change starts.
const ownChanges = new Map<string, number>();
const ownChangeMs = 15_000;

function noteOwnChange(id: string) {
  ownChanges.set(id, Date.now());
}

/** Whether a booking changed by one's own hand here, a moment ago. */
export function isOwnChange(booking: Pick<Booking, 'id' | 'seriesId'>): boolean {
  const now = Date.now();
  return [booking.id, booking.seriesId].some((key) => !!key && now - (ownChanges.get(key) ?? 0) < ownChangeMs);
}

export function useBookingDecisions() {
  const queryClient = useQueryClient();
  const done = (booking: Booking) => putBooking(queryClient, booking);
  return {
    approve: useMutation({
      mutationFn: ({ id, message }: { id: string; message: string }) => api<Booking>(`/bookings/${id}/approve`, { method: 'POST', body: { message } }),
      onMutate: ({ id }) => noteOwnChange(id),
      onSuccess: done,
    }),
    decline: useMutation({
      mutationFn: ({ id, message }: { id: string; message: string }) => api<Booking>(`/bookings/${id}/decline`, { method: 'POST', body: { message } }),
      onMutate: ({ id }) => noteOwnChange(id),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: ({ id }: { id: string }) => api<Booking>(`/bookings/${id}/cancel`, { method: 'POST' }),
      onMutate: ({ id }) => noteOwnChange(id),
      onSuccess: done,
    }),
    approveSeries: useMutation({
      mutationFn: ({ seriesId, message, skipConflicts }: { seriesId: string; message: string; skipConflicts: boolean }) =>
        api<{ approved: string[]; skipped: BookingResult['skipped'] }>(`/bookings/series/${seriesId}/approve`, { method: 'POST', body: { message, skipConflicts } }),
      onMutate: ({ seriesId }) => noteOwnChange(seriesId),
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: premisesKeys.bookingLists }),
    }),
  };
}

export function useSavePremises(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PremisesData) =>
      id ? api<Premises>(`/premises/${id}`, { method: 'PUT', body: input }) : api<Premises>('/premises', { method: 'POST', body: input }),
    onSuccess: (premises) => {
      queryClient.setQueryData(premisesKeys.detail(premises.id), premises);
      void queryClient.invalidateQueries({ queryKey: premisesKeys.all });
    },
  });
}

export function useArchivePremises(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/premises/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: premisesKeys.all }),
  });
}

export function useWantedMutations() {
  const queryClient = useQueryClient();
  const put = (wanted: Wanted) =>
    queryClient.setQueryData<WantedList>(premisesKeys.wanted, (old) =>
      old && { ...old, items: old.items.some((w) => w.id === wanted.id) ? old.items.map((w) => (w.id === wanted.id ? wanted : w)) : [wanted, ...old.items] },
    );
  return {
    create: useMutation({
      mutationFn: (input: WantedData) => api<Wanted>('/premises/wanted', { method: 'POST', body: input }),
      onSuccess: put,
    }),
    offer: useMutation({
      mutationFn: ({ wantedId, input }: { wantedId: string; input: OfferData }) => api<Wanted>(`/premises/wanted/${wantedId}/offers`, { method: 'POST', body: input }),
      onSuccess: put,
    }),
    setOpen: useMutation({
      mutationFn: ({ wantedId, open }: { wantedId: string; open: boolean }) => api<Wanted>(`/premises/wanted/${wantedId}`, { method: 'PATCH', body: { open } }),
      onSuccess: (wanted) => {
        put(wanted);
        if (!wanted.open) void queryClient.invalidateQueries({ queryKey: premisesKeys.wanted });
      },
    }),
  };
}
