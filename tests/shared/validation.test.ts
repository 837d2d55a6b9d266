import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../shared/messages';
import { organisationInputSchema } from '../../shared/organisations';
import { fieldErrors, luhnValid, orgNumber } from '../../shared/validation';

describe('organisation numbers', () => {
  it('checks the Luhn digit of real-shaped numbers', () => {
    expect(luhnValid('8020026392')).toBe(true);
    expect(luhnValid('8020026393')).toBe(false);
    expect(luhnValid('5560360793')).toBe(true);
    expect(luhnValid('5560360794')).toBe(false);
  });

  it('normalises to NNNNNN-NNNN and explains what is wrong', () => {
    expect(orgNumber.parse('8020026392')).toBe('802002-6392');
    expect(orgNumber.parse(' 802002-6392 ')).toBe('802002-6392');
    const wrongDigit = orgNumber.safeParse('802002-6393');
    expect(fieldErrors(wrongDigit.error!.issues, 'sv')[0].message).toBe('Organisationsnumret stämmer inte: kontrollsiffran (sista siffran) är fel.');
    const wrongShape = orgNumber.safeParse('80200-26394');
    expect(fieldErrors(wrongShape.error!.issues, 'en')[0].message).toBe('The organisation number must be written NNNNNN-NNNN (10 digits).');
  });
});

describe('field errors', () => {
  it('name the field and tell missing from wrong type, in both languages', () => {
    const result = organisationInputSchema.safeParse({ name: 42, legalForm: 'kommun' });
    const sv = fieldErrors(result.error!.issues, 'sv');
    expect(sv).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'Fel typ av värde.' },
        { field: 'orgNumber', message: 'Fältet måste fyllas i.' },
        { field: 'legalForm', message: 'Välj ett av de tillåtna alternativen.' },
        { field: 'sizeClass', message: 'Fältet måste fyllas i.' },
      ]),
    );
    const en = fieldErrors(result.error!.issues, 'en');
    expect(en).toEqual(expect.arrayContaining([{ field: 'orgNumber', message: 'This field is required.' }]));
  });
});

describe('language from Accept-Language', () => {
  it('prefers what the browser ranks highest, Swedish by default', () => {
    expect(pickLocale(undefined)).toBe('sv');
    expect(pickLocale('en-GB,en;q=0.9,sv;q=0.8')).toBe('en');
    expect(pickLocale('de-DE, sv;q=0.5, en;q=0.4')).toBe('sv');
    expect(pickLocale('fr')).toBe('sv');
  });
});
