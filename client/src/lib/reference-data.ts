import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/messages';
import type { ReferenceItem, ReferenceKind, ReferenceList } from '../../../shared/reference';
import { useI18n } from '../i18n/use-i18n';
import { api } from './api';

export const referenceQueryKey = ['reference'] as const;

export function useReferenceQuery() {
  return useQuery({
    queryKey: referenceQueryKey,
    queryFn: ({ signal }) => api<ReferenceList>('/reference', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function referenceName(item: ReferenceItem, locale: Locale): string {
  return locale === 'en' ? item.nameEn || item.nameSv : item.nameSv;
}

export interface ReferenceLookup {
  isLoading: boolean;
  /** All items of a kind, in the coordinator's order (archived ones included). */
  items(kind: ReferenceKind): ReferenceItem[];
  /** Items one may still choose: not archived, plus those already chosen. */
  choices(kind: ReferenceKind, chosen?: readonly string[]): ReferenceItem[];
  /** The name of a slug in the UI language; the slug itself while loading or when unknown. */
  name(kind: ReferenceKind, slug: string): string;
  names(kind: ReferenceKind, slugs: readonly string[]): string[];
}

export function useReference(): ReferenceLookup {
  const { locale } = useI18n();
  const query = useReferenceQuery();
  return useMemo(() => {
    const all = query.data?.items ?? [];
    const collator = new Intl.Collator(locale === 'sv' ? 'sv' : 'en');
    const byKind = new Map<ReferenceKind, ReferenceItem[]>();
    for (const item of all) {
      const list = byKind.get(item.kind) ?? [];
      list.push(item);
      byKind.set(item.kind, list);
    }
    for (const list of byKind.values()) {
      list.sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(referenceName(a, locale), referenceName(b, locale)));
    }
    const items = (kind: ReferenceKind) => byKind.get(kind) ?? [];
    const name = (kind: ReferenceKind, slug: string) => {
      const item = items(kind).find((i) => i.slug === slug);
      return item ? referenceName(item, locale) : slug;
    };
    return {
      isLoading: query.isPending,
      items,
      choices: (kind, chosen = []) => items(kind).filter((i) => !i.archived || chosen.includes(i.slug)),
      name,
      names: (kind, slugs) => slugs.map((slug) => name(kind, slug)),
    };
  }, [query.data, query.isPending, locale]);
}
