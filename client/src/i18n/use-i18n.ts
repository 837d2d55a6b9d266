import { useMemo } from 'react';
import type { Locale } from '../../../shared/messages';
import { useLocaleStore } from './locale-store';
import { formatDate, formatDateTime, formatNumber, translate, type Params, type TextKey } from './translate';

export interface I18n {
  locale: Locale;
  t(key: TextKey, params?: Params): string;
  /** Picks "{key}.one" or "{key}.other" by count and fills in {count}. */
  plural(key: PluralKey, count: number, params?: Params): string;
  date(value: string): string;
  /** Date and time of day. */
  dateTime(value: string): string;
  number(value: number): string;
}

type PluralKey = TextKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

export function makeI18n(locale: Locale): I18n {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    plural: (key, count, params) =>
      translate(locale, `${key}.${count === 1 ? 'one' : 'other'}` as TextKey, { count: formatNumber(locale, count), ...params }),
    date: (value) => formatDate(locale, value),
    dateTime: (value) => formatDateTime(locale, value),
    number: (value) => formatNumber(locale, value),
  };
}

export function useI18n(): I18n {
  const locale = useLocaleStore((state) => state.locale);
  return useMemo(() => makeI18n(locale), [locale]);
}
