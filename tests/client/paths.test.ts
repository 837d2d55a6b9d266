import { describe, expect, it } from 'vitest';
import { queryString } from '../../client/src/lib/api';
import { safeNext, signInPath } from '../../client/src/lib/paths';

describe('safeNext', () => {
  it('accepts same-site paths only', () => {
    expect(safeNext('/organisationer/ny')).toBe('/organisationer/ny');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it('builds a sign-in link that returns to the page', () => {
    expect(signInPath('/konto?x=1')).toBe('/logga-in?next=%2Fkonto%3Fx%3D1');
  });
});

describe('queryString', () => {
  it('drops empty values', () => {
    expect(queryString({ q: 'mat', district: undefined, signed: '', page: 2 })).toBe('?q=mat&page=2');
    expect(queryString({ q: '' })).toBe('');
  });
});
