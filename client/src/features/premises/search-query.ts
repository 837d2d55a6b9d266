import { premisesTypes, type PremisesType } from '../../../../shared/premises';
import { isIsoDate } from './week';

// The premises search lives in the URL, in Swedish, so a search can be shared as a link and Back
// returns to it.
export const premisesParams = {
  q: 'q',
  district: 'stadsdel',
  type: 'typ',
  capacity: 'platser',
  date: 'datum',
  from: 'fran',
  to: 'till',
  stepFreeAccess: 'trappfritt',
  hearingLoop: 'horslinga',
  accessibleToilet: 'toalett',
  page: 'sida',
} as const;

export type PremisesFilter = keyof typeof premisesParams;
export const accessibilityFilters = ['stepFreeAccess', 'hearingLoop', 'accessibleToilet'] as const;

/** The search as the client sends it (strings for the query string; booleans as 'true'). */
export interface PremisesQuery {
  q?: string;
  district?: string;
  type?: PremisesType;
  capacity?: number;
  date?: string;
  from?: string;
  to?: string;
  stepFreeAccess?: 'true';
  hearingLoop?: 'true';
  accessibleToilet?: 'true';
  page: number;
  pageSize: number;
}

export const premisesPageSize = 20;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Reads the URL leniently: a mangled parameter is ignored rather than turned into an error page. */
export function readPremisesQuery(search: URLSearchParams): PremisesQuery {
  const get = (key: PremisesFilter) => search.get(premisesParams[key])?.trim() || undefined;
  const district = get('district');
  const type = get('type');
  const capacity = Number(get('capacity'));
  const page = Number(get('page'));
  const date = get('date');
  const from = get('from');
  const to = get('to');
  const flag = (key: PremisesFilter) => (get(key) === 'ja' ? ('true' as const) : undefined);
  // "Free then" needs all three; half of it would be refused by the server, so it is dropped.
  const free = isIsoDate(date) && from && to && timePattern.test(from) && timePattern.test(to) && from < to;
  return {
    q: get('q')?.slice(0, 100),
    district: district && slugPattern.test(district) && district.length <= 80 ? district : undefined,
    type: premisesTypes.includes(type as PremisesType) ? (type as PremisesType) : undefined,
    capacity: Number.isInteger(capacity) && capacity >= 1 && capacity <= 10_000 ? capacity : undefined,
    date: free ? date : undefined,
    from: free ? from : undefined,
    to: free ? to : undefined,
    stepFreeAccess: flag('stepFreeAccess'),
    hearingLoop: flag('hearingLoop'),
    accessibleToilet: flag('accessibleToilet'),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: premisesPageSize,
  };
}

/** The search form's values (all strings; the checkboxes as booleans). */
export interface PremisesFormValues {
  q: string;
  district: string;
  type: string;
  capacity: string;
  date: string;
  from: string;
  to: string;
  stepFreeAccess: boolean;
  hearingLoop: boolean;
  accessibleToilet: boolean;
}

export function formValuesOf(query: PremisesQuery): PremisesFormValues {
  return {
    q: query.q ?? '',
    district: query.district ?? '',
    type: query.type ?? '',
    capacity: query.capacity ? String(query.capacity) : '',
    date: query.date ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    stepFreeAccess: !!query.stepFreeAccess,
    hearingLoop: !!query.hearingLoop,
    accessibleToilet: !!query.accessibleToilet,
  };
}

/** The URL of a search (a new search starts at page 1). */
export function searchParamsOf(values: PremisesFormValues): URLSearchParams {
  const next = new URLSearchParams();
  const set = (key: PremisesFilter, value: string) => {
    if (value.trim()) next.set(premisesParams[key], value.trim());
  };
  set('q', values.q);
  set('district', values.district);
  set('type', values.type);
  set('capacity', values.capacity);
  set('date', values.date);
  set('from', values.from);
  set('to', values.to);
  for (const key of accessibilityFilters) if (values[key]) next.set(premisesParams[key], 'ja');
  return next;
}

export function withPage(search: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(search);
  if (page > 1) next.set(premisesParams.page, String(page));
  else next.delete(premisesParams.page);
  return next;
}

/** The query string the premises page reads to fill in its booking form from a "free then" search. */
export function bookingPrefill(query: Pick<PremisesQuery, 'date' | 'from' | 'to'>): string {
  if (!query.date || !query.from || !query.to) return '';
  return `?${new URLSearchParams({ [premisesParams.date]: query.date, [premisesParams.from]: query.from, [premisesParams.to]: query.to }).toString()}`;
}
