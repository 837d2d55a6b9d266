import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LegalForm, OrganisationInput, OrganisationList, OrganisationSummary, Overview } from '../../shared/organisations';
import { ApiClient } from '../helpers/api-client';
import { createOrganisation, inputFrom, organisationInput } from '../helpers/factories';
import { buildTestApp, type TestApp } from '../helpers/test-app';

// The knowledge bank as a visitor sees it: every filter of GET /api/organisations, name search,
// paging and the overview counts, against a small directory whose contents the test knows exactly.

let t: TestApp;
let visitor: ApiClient;

type Fixture = Required<Pick<OrganisationInput, 'name' | 'legalForm' | 'signedAgreement' | 'districts' | 'targetGroups' | 'administrations' | 'resources'>> &
  Pick<OrganisationInput, 'signedAt' | 'description'>;

const fixtures: Fixture[] = [
  {
    name: 'Stadsmissionen Test',
    legalForm: 'foundation',
    signedAgreement: true,
    signedAt: '2024-03-01',
    districts: ['sodermalm', 'farsta'],
    targetGroups: ['hemloshet', 'beroende'],
    administrations: ['socialforvaltningen', 'sdf-sodermalm'],
    resources: ['mat', 'volontarer'],
    description: 'Stöd till människor i hemlöshet. '.repeat(20),
  },
  {
    name: 'Rinkeby Ungdomsforum',
    legalForm: 'nonProfitAssociation',
    signedAgreement: true,
    districts: ['rinkeby-kista'],
    targetGroups: ['barn-och-unga'],
    administrations: ['sdf-rinkeby-kista'],
    resources: ['fritid', 'lokaler'],
  },
  {
    name: 'Äldrekontakt Bromma',
    legalForm: 'nonProfitAssociation',
    signedAgreement: false,
    districts: ['bromma'],
    targetGroups: ['aldre', 'anhoriga'],
    administrations: ['aldreforvaltningen'],
    resources: ['volontarer'],
  },
  {
    name: 'Kvinnojouren Tryggheten',
    legalForm: 'nonProfitAssociation',
    signedAgreement: true,
    districts: ['sodermalm', 'skarholmen'],
    targetGroups: ['valdsutsatta', 'kvinnor'],
    administrations: ['socialforvaltningen'],
    resources: ['radgivning'],
  },
  {
    name: 'Språkcaféet Tensta',
    legalForm: 'economicAssociation',
    signedAgreement: false,
    districts: ['spanga-tensta'],
    targetGroups: ['nyanlanda'],
    administrations: ['arbetsmarknadsforvaltningen', 'sdf-spanga-tensta'],
    resources: ['sprak', 'utbildning'],
  },
  {
    name: 'Församlingen i Farsta',
    legalForm: 'religiousCommunity',
    signedAgreement: true,
    districts: ['farsta'],
    targetGroups: ['alla', 'aldre'],
    administrations: [],
    resources: ['lokaler', 'mat'],
  },
  {
    name: 'Idrottsalliansen Kungsholmen',
    legalForm: 'svbCompany',
    signedAgreement: false,
    districts: ['kungsholmen'],
    targetGroups: ['barn-och-unga', 'funktionsnedsattning'],
    administrations: ['idrottsforvaltningen'],
    resources: ['fritid'],
  },
  {
    name: 'Regnbågshuset',
    legalForm: 'foundation',
    signedAgreement: false,
    districts: [],
    targetGroups: ['hbtqi'],
    administrations: [],
    resources: ['natverk'],
  },
];

const ids = new Map<string, string>(); // name -> id

beforeAll(async () => {
  t = await buildTestApp();
  visitor = new ApiClient(t.app);
  for (const fixture of fixtures) {
    const { organisation } = await createOrganisation(t.app, fixture);
    ids.set(fixture.name, organisation.id);
  }
});
afterAll(() => t.close());

async function list(query: Record<string, string | number | boolean> = {}): Promise<OrganisationList> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await visitor.get(`/api/organisations${search.size ? `?${search}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The names a query finds (all of them: one big page), sorted for comparison. */
async function names(query: Record<string, string | number | boolean> = {}): Promise<string[]> {
  const result = await list({ pageSize: 100, ...query });
  expect(result.total).toBe(result.items.length);
  return result.items.map((i) => i.name).sort();
}


const expected = (predicate: (f: Fixture) => boolean) => fixtures.filter(predicate).map((f) => f.name).sort();

describe('listing the directory', () => {
  it('lists every organisation with its summary when no filter is given', async () => {
    const result = await list({ pageSize: 100 });
    expect(result.total).toBe(fixtures.length);
    expect(result.items.map((i) => i.name).sort()).toEqual(fixtures.map((f) => f.name).sort());
    const stadsmissionen = result.items.find((i) => i.name === 'Stadsmissionen Test')!;
    expect(stadsmissionen).toMatchObject({
      id: ids.get('Stadsmissionen Test'),
      slug: 'stadsmissionen-test',
      legalForm: 'foundation',
      signedAgreement: true,
      districts: expect.arrayContaining(['sodermalm', 'farsta']),
      targetGroups: expect.arrayContaining(['hemloshet', 'beroende']),
      resources: expect.arrayContaining(['mat', 'volontarer']),
    });
    expect(stadsmissionen.districts).toHaveLength(2);
    // The excerpt is the start of the description, cut short.
    expect(stadsmissionen.excerpt.length).toBe(240);
    expect(fixtures[0].description!.startsWith(stadsmissionen.excerpt)).toBe(true);
    const regnbagshuset = result.items.find((i) => i.name === 'Regnbågshuset')!;
    expect(regnbagshuset).toMatchObject({ districts: [], targetGroups: ['hbtqi'], resources: ['natverk'] });
  });

  it('filters by district', async () => {
    expect(await names({ district: 'sodermalm' })).toEqual(['Kvinnojouren Tryggheten', 'Stadsmissionen Test']);
    expect(await names({ district: 'farsta' })).toEqual(['Församlingen i Farsta', 'Stadsmissionen Test']);
    expect(await names({ district: 'bromma' })).toEqual(['Äldrekontakt Bromma']);
    for (const district of ['sodermalm', 'farsta', 'rinkeby-kista', 'skarholmen', 'kungsholmen', 'norrmalm']) {
      expect(await names({ district }), district).toEqual(expected((f) => f.districts.includes(district)));
    }
    // A district no organisation is in, and a slug that is no district at all, find nothing.
    expect(await names({ district: 'norrmalm' })).toEqual([]);
    expect(await names({ district: 'atlantis' })).toEqual([]);
  });

  it('filters by target group', async () => {
    expect(await names({ targetGroup: 'aldre' })).toEqual(['Församlingen i Farsta', 'Äldrekontakt Bromma'].sort());
    expect(await names({ targetGroup: 'barn-och-unga' })).toEqual(['Idrottsalliansen Kungsholmen', 'Rinkeby Ungdomsforum']);
    for (const targetGroup of ['hbtqi', 'valdsutsatta', 'nyanlanda', 'arbetssokande']) {
      expect(await names({ targetGroup }), targetGroup).toEqual(expected((f) => f.targetGroups.includes(targetGroup)));
    }
    // A district's slug is not a target group.
    expect(await names({ targetGroup: 'sodermalm' })).toEqual([]);
  });

  it('filters by administration', async () => {
    expect(await names({ administration: 'socialforvaltningen' })).toEqual(['Kvinnojouren Tryggheten', 'Stadsmissionen Test']);
    expect(await names({ administration: 'sdf-spanga-tensta' })).toEqual(['Språkcaféet Tensta']);
    for (const administration of ['idrottsforvaltningen', 'sdf-sodermalm', 'kulturforvaltningen']) {
      expect(await names({ administration }), administration).toEqual(expected((f) => f.administrations.includes(administration)));
    }
  });

  it('filters by resource', async () => {
    expect(await names({ resource: 'lokaler' })).toEqual(['Församlingen i Farsta', 'Rinkeby Ungdomsforum']);
    expect(await names({ resource: 'volontarer' })).toEqual(['Stadsmissionen Test', 'Äldrekontakt Bromma'].sort());
    for (const resource of ['mat', 'fritid', 'natverk', 'bidragskunskap']) {
      expect(await names({ resource }), resource).toEqual(expected((f) => f.resources.includes(resource)));
    }
  });

  it('filters by legal form', async () => {
    expect(await names({ legalForm: 'foundation' })).toEqual(['Regnbågshuset', 'Stadsmissionen Test']);
    expect(await names({ legalForm: 'svbCompany' })).toEqual(['Idrottsalliansen Kungsholmen']);
    for (const legalForm of ['nonProfitAssociation', 'economicAssociation', 'religiousCommunity'] as LegalForm[]) {
      expect(await names({ legalForm }), legalForm).toEqual(expected((f) => f.legalForm === legalForm));
    }
  });

  it('filters by signed agreement, both ways', async () => {
    const signed = await names({ signed: true });
    const unsigned = await names({ signed: false });
    expect(signed).toEqual(['Församlingen i Farsta', 'Kvinnojouren Tryggheten', 'Rinkeby Ungdomsforum', 'Stadsmissionen Test']);
    expect(unsigned).toEqual(expected((f) => !f.signedAgreement));
    expect(signed.length + unsigned.length).toBe(fixtures.length);
  });

  it('combines filters: an organisation must match all of them', async () => {
    expect(await names({ district: 'sodermalm', signed: true })).toEqual(['Kvinnojouren Tryggheten', 'Stadsmissionen Test']);
    expect(await names({ district: 'sodermalm', legalForm: 'foundation' })).toEqual(['Stadsmissionen Test']);
    expect(await names({ district: 'farsta', resource: 'mat' })).toEqual(['Församlingen i Farsta', 'Stadsmissionen Test']);
    expect(await names({ district: 'farsta', resource: 'mat', legalForm: 'religiousCommunity' })).toEqual(['Församlingen i Farsta']);
    expect(await names({ targetGroup: 'aldre', legalForm: 'nonProfitAssociation' })).toEqual(['Äldrekontakt Bromma']);
    expect(await names({ administration: 'socialforvaltningen', resource: 'radgivning' })).toEqual(['Kvinnojouren Tryggheten']);
    expect(await names({ targetGroup: 'barn-och-unga', signed: false })).toEqual(['Idrottsalliansen Kungsholmen']);
    // Each filter alone matches something, together nothing.
    expect(await names({ district: 'sodermalm', targetGroup: 'aldre' })).toEqual([]);
    expect(await names({ district: 'bromma', signed: true })).toEqual([]);
    const combined = { district: 'farsta', targetGroup: 'aldre', resource: 'lokaler', signed: true, legalForm: 'religiousCommunity' } as const;
    expect(await names(combined)).toEqual(['Församlingen i Farsta']);
  });
});

describe('name search', () => {
  it('forgives typos: "stadsmision" finds "Stadsmissionen Test"', async () => {
    expect(await names({ q: 'stadsmision' })).toEqual(['Stadsmissionen Test']);
    expect(await names({ q: 'Stadsmisionen' })).toEqual(['Stadsmissionen Test']);
    expect(await names({ q: 'kvinojouren' })).toEqual(['Kvinnojouren Tryggheten']);
  });

  it('finds parts of names, whatever the case, also with å, ä and ö', async () => {
    expect(await names({ q: 'jouren' })).toEqual(['Kvinnojouren Tryggheten']);
    expect(await names({ q: 'ÄLDREKONTAKT' })).toEqual(['Äldrekontakt Bromma']);
    expect(await names({ q: 'regnbåg' })).toEqual(['Regnbågshuset']);
    expect(await names({ q: '  tensta  ' })).toEqual(['Språkcaféet Tensta']);
  });

  it('finds nothing for a clearly unrelated query', async () => {
    const result = await list({ q: 'xylofonverkstad' });
    expect(result).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(await names({ q: 'qqqq zzzz' })).toEqual([]);
    // LIKE wildcards are text, not patterns.
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ q: '_' })).toEqual([]);
  });

  it('combines search with filters', async () => {
    expect(await names({ q: 'stadsmision', district: 'farsta' })).toEqual(['Stadsmissionen Test']);
    expect(await names({ q: 'stadsmision', district: 'bromma' })).toEqual([]);
    expect(await names({ q: 'stadsmision', signed: false })).toEqual([]);
  });
});

describe('paging', () => {
  it('uses 20 per page unless told otherwise', async () => {
    const result = await list();
    expect(result).toMatchObject({ total: fixtures.length, page: 1, pageSize: 20 });
    expect(result.items).toHaveLength(fixtures.length);
  });

  it('splits the list into pages without duplicates or gaps, in a stable order', async () => {
    const all = (await list({ pageSize: 100 })).items.map((i) => i.id);
    const pages: OrganisationSummary[][] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await list({ page, pageSize: 3 });
      expect(result).toMatchObject({ total: fixtures.length, page, pageSize: 3 });
      pages.push(result.items);
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    const paged = pages.flat().map((i) => i.id);
    expect(new Set(paged).size).toBe(fixtures.length);
    expect(paged).toEqual(all);
    // Asking again gives the same page.
    expect((await list({ page: 2, pageSize: 3 })).items.map((i) => i.id)).toEqual(pages[1].map((i) => i.id));
  });

  it('answers a page past the end with no items but the right total', async () => {
    expect(await list({ page: 4, pageSize: 3 })).toEqual({ items: [], total: fixtures.length, page: 4, pageSize: 3 });
    expect(await list({ page: 2, pageSize: 3, district: 'sodermalm' })).toEqual({ items: [], total: 2, page: 2, pageSize: 3 });
  });

  it('counts the total of the filtered list, not of the page', async () => {
    const result = await list({ signed: false, pageSize: 1 });
    expect(result.total).toBe(expected((f) => !f.signedAgreement).length);
    expect(result.items).toHaveLength(1);
  });
});

describe('overview', () => {
  it('counts organisations by district, target group, resource and legal form', async () => {
    const response = await visitor.get('/api/organisations/overview');
    expect(response.statusCode).toBe(200);
    const overview: Overview = response.json();
    expect(overview.total).toBe(fixtures.length);
    expect(overview.signed).toBe(fixtures.filter((f) => f.signedAgreement).length);

    const count = (values: (f: Fixture) => string[], slug: string) => fixtures.filter((f) => values(f).includes(slug)).length;
    const asMap = (rows: { slug: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.slug, r.count]));

    // Every district is listed, also those without any organisation.
    const districts = asMap(overview.byDistrict);
    expect(Object.keys(districts)).toHaveLength(13);
    for (const slug of Object.keys(districts)) expect(districts[slug], slug).toBe(count((f) => f.districts, slug));
    expect(districts).toMatchObject({ sodermalm: 2, farsta: 2, bromma: 1, 'rinkeby-kista': 1, norrmalm: 0 });

    const targetGroups = asMap(overview.byTargetGroup);
    expect(Object.keys(targetGroups)).toHaveLength(12);
    for (const slug of Object.keys(targetGroups)) expect(targetGroups[slug], slug).toBe(count((f) => f.targetGroups, slug));
    expect(targetGroups).toMatchObject({ aldre: 2, 'barn-och-unga': 2, hbtqi: 1, arbetssokande: 0 });

    const resources = asMap(overview.byResource);
    expect(Object.keys(resources)).toHaveLength(9);
    for (const slug of Object.keys(resources)) expect(resources[slug], slug).toBe(count((f) => f.resources, slug));
    expect(resources).toMatchObject({ lokaler: 2, mat: 2, volontarer: 2, fritid: 2, bidragskunskap: 0 });

    // Legal forms in use, most common first.
    expect(overview.byLegalForm).toEqual([
      { slug: 'nonProfitAssociation', count: 3 },
      { slug: 'foundation', count: 2 },
      { slug: 'economicAssociation', count: 1 },
      { slug: 'religiousCommunity', count: 1 },
      { slug: 'svbCompany', count: 1 },
    ]);
  });

  it('agrees with the filtered listing', async () => {
    const overview: Overview = (await visitor.get('/api/organisations/overview')).json();
    for (const { slug, count } of overview.byDistrict) expect((await list({ district: slug, pageSize: 1 })).total, slug).toBe(count);
    for (const { slug, count } of overview.byLegalForm) expect((await list({ legalForm: slug, pageSize: 1 })).total, slug).toBe(count);
  });

  it('follows an edit: moving an organisation to another district moves its count', async () => {
    const before: Overview = (await visitor.get('/api/organisations/overview')).json();
    const { organisation, adminClient } = await createOrganisation(t.app, { name: 'Flyttföreningen', districts: ['norrmalm'], targetGroups: [], resources: [], administrations: [] });
    const withNew: Overview = (await visitor.get('/api/organisations/overview')).json();
    const districtCount = (o: Overview, slug: string) => o.byDistrict.find((d) => d.slug === slug)!.count;
    expect(withNew.total).toBe(before.total + 1);
    expect(districtCount(withNew, 'norrmalm')).toBe(districtCount(before, 'norrmalm') + 1);

    const moved = await adminClient.put(`/api/organisations/${organisation.id}`, organisationInput({ ...inputFrom(organisation), districts: ['ostermalm'] }));
    expect(moved.statusCode, moved.body).toBe(200);
    const after: Overview = (await visitor.get('/api/organisations/overview')).json();
    expect(districtCount(after, 'norrmalm')).toBe(districtCount(before, 'norrmalm'));
    expect(districtCount(after, 'ostermalm')).toBe(districtCount(before, 'ostermalm') + 1);
    expect(await names({ district: 'ostermalm' })).toEqual(['Flyttföreningen']);
    expect(await names({ district: 'norrmalm' })).toEqual([]);
  });
});

describe('paging through equal names', () => {
  it('never repeats or skips an organisation when several share a name', async () => {
    const twins: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { organisation } = await createOrganisation(t.app, { name: 'Tvillingföreningen', districts: ['hagersten-alvsjo'] });
      twins.push(organisation.id);
    }
    const pageThrough = async (query: Record<string, string | number>) => {
      const seen: string[] = [];
      for (let page = 1; page <= 6; page++) {
        const result = await list({ ...query, page, pageSize: 1 });
        expect(result.total).toBe(6);
        seen.push(...result.items.map((i) => i.id));
      }
      return seen;
    };
    const queries: Record<string, string>[] = [{ district: 'hagersten-alvsjo' }, { q: 'tvillingföreningen' }];
    for (const query of queries) {
      const seen = await pageThrough(query);
      expect(seen.slice().sort(), JSON.stringify(query)).toEqual(twins.slice().sort());
      expect(await pageThrough(query)).toEqual(seen);
    }
    // Whole directory in pages of two: each organisation exactly once.
    const total = (await list()).total;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 2); page++) seen.push(...(await list({ page, pageSize: 2 })).items.map((i) => i.id));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
