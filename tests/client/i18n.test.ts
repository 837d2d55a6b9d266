import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en';
import { sv } from '../../client/src/i18n/sv';
import { formatDate, interpolate, translate } from '../../client/src/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys, no empty texts and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const [key, text] of Object.entries(sv) as [keyof typeof sv, string][]) {
      expect(text.trim(), `sv ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(text));
    }
  });

  it('fills in parameters and leaves unknown ones visible', () => {
    expect(interpolate('Hej {name}, {missing}', { name: 'Sara' })).toBe('Hej Sara, {missing}');
    expect(translate('en', 'nav.signedInAs', { name: 'Sara' })).toBe('Signed in as Sara');
  });

  it('formats calendar dates without shifting them by the time zone', () => {
    expect(formatDate('sv', '2012-11-20')).toBe('20 november 2012');
    expect(formatDate('en', '2012-11-20')).toBe('20 November 2012');
  });
});
