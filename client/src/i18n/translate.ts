import type { Locale } from '../../../shared/messages';
import { en } from './en';
import { sv, type TextKey } from './sv';

export type { TextKey };
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, Record<TextKey, string>> = { sv, en };

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Plain function form, for code outside React (the API helper, tests). */
export function translate(locale: Locale, key: TextKey, params?: Params): string {
  return interpolate(dictionaries[locale][key] ?? sv[key], params);
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

export function formatDate(locale: Locale, value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // A calendar date has no time zone; format it as written, not shifted by the viewer's offset.
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
    ...(dateOnly.test(value) ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB').format(value);
}

/** A moment, with date and time ("12 maj 2026 14:05"), in the viewer's time zone. */
export function formatDateTime(locale: Locale, value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
