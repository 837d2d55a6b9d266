import { useQuery } from '@tanstack/react-query';
import type { OrganisationList } from '../../../../shared/organisations';
import { useI18n } from '../../i18n/use-i18n';
import { api } from '../../lib/api';

export interface OrganisationName {
  id: string;
  name: string;
  slug: string;
}

/**
 * Every organisation in the directory, sorted by name: for staff, who may act on any organisation's
 * behalf (list premises, offer grant know-how) or give one access to a closed forum. The directory
 * pages 100 at a time; a city's few hundred organisations are a handful of requests, cached for minutes.
 */
export function useAllOrganisations(enabled: boolean) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['organisations', 'all-names', locale],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const all: OrganisationName[] = [];
      for (let page = 1; page <= 50; page++) {
        const list = await api<OrganisationList>(`/organisations?pageSize=100&page=${page}`, { signal });
        all.push(...list.items.map((o) => ({ id: o.id, name: o.name, slug: o.slug })));
        if (all.length >= list.total || list.items.length === 0) break;
      }
      const collator = new Intl.Collator(locale === 'en' ? 'en' : 'sv');
      return all.sort((a, b) => collator.compare(a.name, b.name));
    },
  });
}

/** `own` first, then every other organisation in `everyone`, made into `T` by `asOther`: staff's choice lists. */
export function ownFirst<T extends { id: string }>(own: readonly T[], everyone: readonly OrganisationName[] | undefined, asOther: (o: OrganisationName) => T): T[] {
  const mine = new Set(own.map((o) => o.id));
  return [...own, ...(everyone ?? []).filter((o) => !mine.has(o.id)).map(asOther)];
}
