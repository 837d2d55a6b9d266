import { create } from 'zustand';
import type { Locale } from '../../../shared/messages';

const storageKey = 'motesplatsen.locale';

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    if (value === 'sv' || value === 'en') return value;
  } catch {
    // Storage can be blocked (private mode, policies); Swedish is the default then.
  }
  return 'sv';
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** The UI language: app state, so it lives in a store (server data lives in the query cache). */
export const useLocaleStore = create<LocaleState>((set) => ({
  locale: storedLocale(),
  setLocale(locale) {
    try {
      globalThis.localStorage?.setItem(storageKey, locale);
    } catch {
      // Not persisted, but the switch still works for this visit.
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    set({ locale });
  },
}));

export const getLocale = (): Locale => useLocaleStore.getState().locale;
