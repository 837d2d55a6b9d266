import type { ReferenceKind } from '../../../shared/reference';

export interface ReferenceSeed {
  kind: ReferenceKind;
  slug: string;
  nameSv: string;
  nameEn: string;
}

// Stockholm's 13 district areas (since 2020).
const districts: [string, string][] = [
  ['rinkeby-kista', 'Rinkeby-Kista'],
  ['spanga-tensta', 'Spånga-Tensta'],
  ['hasselby-vallingby', 'Hässelby-Vällingby'],
  ['bromma', 'Bromma'],
  ['kungsholmen', 'Kungsholmen'],
  ['norrmalm', 'Norrmalm'],
  ['ostermalm', 'Östermalm'],
  ['sodermalm', 'Södermalm'],
  ['enskede-arsta-vantor', 'Enskede-Årsta-Vantör'],
  ['skarpnack', 'Skarpnäck'],
  ['farsta', 'Farsta'],
  ['hagersten-alvsjo', 'Hägersten-Älvsjö'],
  ['skarholmen', 'Skärholmen'],
];

const centralAdministrations: [string, string, string][] = [
  ['socialforvaltningen', 'Socialförvaltningen', 'Social Services Administration'],
  ['aldreforvaltningen', 'Äldreförvaltningen', 'Elderly Care Administration'],
  ['arbetsmarknadsforvaltningen', 'Arbetsmarknadsförvaltningen', 'Labour Market Administration'],
  ['kulturforvaltningen', 'Kulturförvaltningen', 'Cultural Affairs Administration'],
  ['idrottsforvaltningen', 'Idrottsförvaltningen', 'Sports Administration'],
  ['utbildningsforvaltningen', 'Utbildningsförvaltningen', 'Education Administration'],
  ['stadsledningskontoret', 'Stadsledningskontoret', 'City Executive Office'],
];

const targetGroups: [string, string, string][] = [
  ['barn-och-unga', 'Barn och unga', 'Children and young people'],
  ['aldre', 'Äldre', 'Older people'],
  ['funktionsnedsattning', 'Personer med funktionsnedsättning', 'People with disabilities'],
  ['nyanlanda', 'Nyanlända', 'Newly arrived'],
  ['hemloshet', 'Personer i hemlöshet', 'People experiencing homelessness'],
  ['beroende', 'Personer med beroende', 'People with substance dependence'],
  ['valdsutsatta', 'Våldsutsatta', 'Victims of violence'],
  ['anhoriga', 'Anhöriga', 'Family carers'],
  ['arbetssokande', 'Arbetssökande', 'Job seekers'],
  ['hbtqi', 'HBTQI-personer', 'LGBTQI people'],
  ['kvinnor', 'Kvinnor', 'Women'],
  ['alla', 'Alla invånare', 'All residents'],
];

const resources: [string, string, string][] = [
  ['lokaler', 'Lokaler att låna ut', 'Premises to lend'],
  ['bidragskunskap', 'Kunskap om bidragsansökningar', 'Grant-application know-how'],
  ['volontarer', 'Volontärer', 'Volunteers'],
  ['utbildning', 'Utbildning', 'Training'],
  ['radgivning', 'Rådgivning och stöd', 'Advice and support'],
  ['sprak', 'Språkkompetens och tolkning', 'Language skills and interpreting'],
  ['mat', 'Matutdelning', 'Food distribution'],
  ['fritid', 'Fritidsaktiviteter', 'Leisure activities'],
  ['natverk', 'Nätverk och kontakter', 'Networks and contacts'],
];

export const referenceSeed: ReferenceSeed[] = [
  ...districts.map(([slug, name]) => ({ kind: 'district' as const, slug, nameSv: name, nameEn: name })),
  ...districts.map(([slug, name]) => ({
    kind: 'administration' as const,
    slug: `sdf-${slug}`,
    nameSv: `${name} stadsdelsförvaltning`,
    nameEn: `${name} District Administration`,
  })),
  ...centralAdministrations.map(([slug, nameSv, nameEn]) => ({ kind: 'administration' as const, slug, nameSv, nameEn })),
  ...targetGroups.map(([slug, nameSv, nameEn]) => ({ kind: 'targetGroup' as const, slug, nameSv, nameEn })),
  ...resources.map(([slug, nameSv, nameEn]) => ({ kind: 'resource' as const, slug, nameSv, nameEn })),
];
