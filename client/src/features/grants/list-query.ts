import { funderKinds, type FunderKind } from '../../../../shared/grants';

// The list of calls keeps its filters in the URL, in Swedish, so a filtered list can be shared as a
// link and Back returns to it.
export const grantParams = {
  q: 'q',
  funderKind: 'finansiar',
  targetGroup: 'malgrupp',
  deadlineFrom: 'fran',
  deadlineTo: 'till',
  includePast: 'passerade',
  following: 'foljer',
  page: 'sida',
} as const;

export type GrantFilter = keyof typeof grantParams;

/** Funder kinds as they read in the URL. */
export const funderKindParam: Record<FunderKind, string> = {
  cityAdministration: 'forvaltning',
  foundation: 'stiftelse',
  state: 'staten',
  eu: 'eu',
  other: 'annan',
};

export const grantListPageSize = 20;

/** The list query as the client sends it to GET /api/grants/calls. */
export interface GrantListQuery {
  q?: string;
  funderKind?: FunderKind;
  targetGroup?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  includePast?: 'true';
  following?: 'true';
  page: number;
  pageSize: number;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string | undefined) =>
  value && datePattern.test(value) && value >= '2000-01-01' && value <= '2100-12-31' && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;

/** Reads the URL leniently: a mangled parameter is left out rather than turned into an error page. */
export function readGrantQuery(search: URLSearchParams): GrantListQuery {
  const get = (key: GrantFilter) => search.get(grantParams[key])?.trim() || undefined;
  const kindParam = get('funderKind');
  const funderKind = funderKinds.find((kind) => funderKindParam[kind] === kindParam);
  const targetGroup = get('targetGroup');
  let deadlineFrom = validDate(get('deadlineFrom'));
  let deadlineTo = validDate(get('deadlineTo'));
  // The server refuses a range that ends before it starts; read it the way it was surely meant.
  if (deadlineFrom && deadlineTo && deadlineFrom > deadlineTo) [deadlineFrom, deadlineTo] = [deadlineTo, deadlineFrom];
  const page = Number(get('page'));
  return {
    q: get('q')?.slice(0, 100),
    funderKind,
    targetGroup: targetGroup && slugPattern.test(targetGroup) && targetGroup.length <= 80 ? targetGroup : undefined,
    deadlineFrom,
    deadlineTo,
    includePast: get('includePast') === 'ja' ? 'true' : undefined,
    following: get('following') === 'ja' ? 'true' : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: grantListPageSize,
  };
}

/** The URL's search after changing some filters; any change but the page's goes back to page 1. */
export function withGrantChanges(current: URLSearchParams, changes: Partial<Record<GrantFilter, string | undefined>>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes) as [GrantFilter, string | undefined][]) {
    const name = grantParams[key];
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  if (!('page' in changes)) next.delete(grantParams.page);
  if (next.get(grantParams.page) === '1') next.delete(grantParams.page);
  return next;
}

/** How many filters are in use (the page number is not a filter). */
export function activeGrantFilters(query: GrantListQuery): number {
  return [query.q, query.funderKind, query.targetGroup, query.deadlineFrom, query.deadlineTo, query.includePast, query.following].filter(Boolean).length;
}
