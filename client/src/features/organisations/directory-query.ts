import { legalForms, type LegalForm, type OrganisationListQuery } from '../../../../shared/organisations';

// The directory's state lives in the URL, in Swedish, so a search can be shared as a link.
export const directoryParams = {
  q: 'q',
  district: 'stadsdel',
  targetGroup: 'malgrupp',
  administration: 'forvaltning',
  resource: 'resurs',
  legalForm: 'form',
  signed: 'overenskommelse',
  page: 'sida',
} as const;

export type DirectoryFilter = keyof typeof directoryParams;

/** The list query as the client builds it (the schema's input type leaves page and pageSize untyped). */
export type DirectoryQuery = Omit<OrganisationListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const pageSize = 20;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the URL leniently: a mangled parameter is ignored rather than turned into an error page. */
export function readDirectoryQuery(search: URLSearchParams): DirectoryQuery {
  const get = (key: DirectoryFilter) => search.get(directoryParams[key])?.trim() || undefined;
  const slugOf = (key: DirectoryFilter) => {
    const value = get(key);
    return value && slugPattern.test(value) && value.length <= 80 ? value : undefined;
  };
  const legalForm = get('legalForm');
  const signed = get('signed');
  const page = Number(get('page'));
  return {
    q: get('q')?.slice(0, 100),
    district: slugOf('district'),
    targetGroup: slugOf('targetGroup'),
    administration: slugOf('administration'),
    resource: slugOf('resource'),
    legalForm: legalForms.includes(legalForm as LegalForm) ? (legalForm as LegalForm) : undefined,
    signed: signed === 'ja' ? 'true' : signed === 'nej' ? 'false' : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1,
    pageSize,
  };
}

/** A copy of `search` with `changes` applied; any change but paging starts again at page 1. */
export function withDirectoryChanges(search: URLSearchParams, changes: Partial<Record<DirectoryFilter, string | undefined>>): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes) as [DirectoryFilter, string | undefined][]) {
    const name = directoryParams[key];
    if (value) next.set(name, value);
    else next.delete(name);
  }
  if (!('page' in changes) || changes.page === '1') next.delete(directoryParams.page);
  return next;
}

export function signedParam(signed: OrganisationListQuery['signed']): string {
  if (signed === 'true') return 'ja';
  if (signed === 'false') return 'nej';
  return '';
}
