import { describe, expect, it } from 'vitest';
import { readDirectoryQuery, signedParam, withDirectoryChanges } from '../../client/src/features/organisations/directory-query';

describe('directory URL state', () => {
  it('reads Swedish parameters into the API query', () => {
    const query = readDirectoryQuery(new URLSearchParams('q=stadsmision&stadsdel=farsta&malgrupp=aldre&form=foundation&overenskommelse=ja&sida=3'));
    expect(query).toEqual({
      q: 'stadsmision',
      district: 'farsta',
      targetGroup: 'aldre',
      administration: undefined,
      resource: undefined,
      legalForm: 'foundation',
      signed: 'true',
      page: 3,
      pageSize: 20,
    });
  });

  it('ignores mangled values instead of failing the page', () => {
    const query = readDirectoryQuery(new URLSearchParams('stadsdel=Not A Slug&form=company&overenskommelse=kanske&sida=-2'));
    expect(query.district).toBeUndefined();
    expect(query.legalForm).toBeUndefined();
    expect(query.signed).toBeUndefined();
    expect(query.page).toBe(1);
  });

  it('starts again at page 1 when a filter changes, but keeps the other filters', () => {
    const next = withDirectoryChanges(new URLSearchParams('q=mat&sida=4&stadsdel=farsta'), { district: 'bromma' });
    expect(next.toString()).toBe('q=mat&stadsdel=bromma');
    expect(withDirectoryChanges(next, { page: '2' }).get('sida')).toBe('2');
    expect(withDirectoryChanges(next, { q: undefined }).has('q')).toBe(false);
  });

  it('writes the signed filter back in Swedish', () => {
    expect(signedParam('true')).toBe('ja');
    expect(signedParam('false')).toBe('nej');
    expect(signedParam(undefined)).toBe('');
  });
});
