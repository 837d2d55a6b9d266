import { sql } from 'drizzle-orm';
import type { PremisesType } from '../../../shared/premises';
import type { Tx } from '../client';
import {
  bookingSeries,
  bookings,
  organisations,
  premises,
  premisesClosedDates,
  premisesOffers,
  premisesOpeningHours,
  premisesWanted,
  referenceItems,
  users,
} from '../schema/index';

// Demo premises (fictional, like the organisations): a dozen rooms that organisations lend each
// other across the city, with opening hours, a few closed days, bookings approved and waiting, and
// "wanted" posts. Dates are relative to the day of seeding, so the calendars show something now.

interface DemoPremises {
  organisation: string;
  name: string;
  type: PremisesType;
  address: string;
  district: string;
  capacity: number;
  access: ('stepFree' | 'loop' | 'toilet')[];
  equipment: string;
  houseRules: string;
  cost: 'free' | 'fee' | 'costSharing';
  costDescription: string;
  approver: string;
  description: string;
  /** [weekdays, opens, closes] */
  hours: [number[], string, string][];
}

const weekdays = [1, 2, 3, 4, 5];
const rules = 'Lämna lokalen som ni fann den: diska, torka borden och släck. Inga levande ljus. Nyckel hämtas och lämnas enligt överenskommelse.';

const demoPremises: DemoPremises[] = [
  {
    organisation: 'Stadsmissionen Söderort',
    name: 'Samlingssalen i Farsta',
    type: 'hall',
    address: 'Farstavägen 12, 123 47 Farsta',
    district: 'farsta',
    capacity: 60,
    access: ['stepFree', 'loop', 'toilet'],
    equipment: 'Projektor och duk, ljudanläggning med två mikrofoner, 60 stolar, 12 bord. Kök med diskmaskin i anslutning.',
    houseRules: rules,
    cost: 'costSharing',
    costDescription: 'Ni står för städningen; större arrangemang delar på kostnaden för kaffe och el.',
    approver: 'Lokalgruppen (Fredrik Föreningsadmin)',
    description: 'Ljus samlingssal i markplan med egen entré från gården. Passar föreningsmöten, kurser och fester.',
    hours: [[weekdays, '08:00', '22:00'], [[6], '10:00', '18:00']],
  },
  {
    organisation: 'Stadsmissionen Söderort',
    name: 'Mötesrummet på Götgatan',
    type: 'meetingRoom',
    address: 'Götgatan 48, 118 26 Stockholm',
    district: 'sodermalm',
    capacity: 12,
    access: ['stepFree', 'toilet'],
    equipment: 'Skärm med HDMI, whiteboard, kaffebryggare.',
    houseRules: rules,
    cost: 'free',
    costDescription: '',
    approver: '',
    description: 'Mindre mötesrum en trappa upp, med hiss.',
    hours: [[weekdays, '09:00', '20:00']],
  },
  {
    organisation: 'Rinkeby Ungdomsforum',
    name: 'Replokalen i Rinkeby',
    type: 'workshop',
    address: 'Rinkebystråket 5, 163 72 Spånga',
    district: 'rinkeby-kista',
    capacity: 15,
    access: ['stepFree'],
    equipment: 'Trumset, två förstärkare, PA, keyboard. Ljudisolerat.',
    houseRules: 'Egna instrument tas med hem. Ingen volym efter 21.30.',
    cost: 'fee',
    costDescription: '150 kr per timme, gratis för ungdomsföreningar.',
    approver: 'Amina Yusuf, ordförande',
    description: 'Replokal i källarplan med ramp.',
    hours: [[[1, 2, 3, 4], '15:00', '22:00'], [[6], '12:00', '20:00']],
  },
  {
    organisation: 'Rinkeby Ungdomsforum',
    name: 'Lilla mötesrummet, Rinkeby',
    type: 'meetingRoom',
    address: 'Rinkebystråket 5, 163 72 Spånga',
    district: 'rinkeby-kista',
    capacity: 8,
    access: ['stepFree', 'toilet'],
    equipment: 'Bord för åtta, whiteboard.',
    houseRules: rules,
    cost: 'free',
    costDescription: '',
    approver: '',
    description: '',
    hours: [[weekdays, '10:00', '21:00']],
  },
  {
    organisation: 'Hägersten-Älvsjö Kulturhus',
    name: 'Stora scenen, Kulturhuset',
    type: 'hall',
    address: 'Hägerstensvägen 140, 126 49 Hägersten',
    district: 'hagersten-alvsjo',
    capacity: 120,
    access: ['stepFree', 'loop', 'toilet'],
    equipment: 'Scen 8 × 5 m, ljus- och ljudbord, flygel, 120 stolar. Tekniker kan bokas.',
    houseRules: 'Teknikern ska vara med vid användning av ljus och ljud. Förtäring endast i kaféet.',
    cost: 'fee',
    costDescription: 'Från 1 500 kr per kväll; rabatt för föreningar som skrivit under överenskommelsen.',
    approver: 'Nora Lindqvist, VD',
    description: 'Kulturhusets stora scen med gradänger.',
    hours: [[[2, 3, 4, 5, 6, 7], '10:00', '23:00']],
  },
  {
    organisation: 'Enskede Idrottsallians',
    name: 'Klubbstugan i Enskede',
    type: 'hall',
    address: 'Sockenvägen 290, 122 63 Enskede',
    district: 'enskede-arsta-vantor',
    capacity: 30,
    access: ['stepFree'],
    equipment: 'Kök, 30 stolar, TV-skärm. Omklädningsrum med dusch.',
    houseRules: rules,
    cost: 'free',
    costDescription: '',
    approver: 'Kansliet',
    description: 'Klubbstuga vid Enskedefältet. Ledig vardagar dagtid.',
    hours: [[weekdays, '09:00', '17:00']],
  },
  {
    organisation: 'Spånga Missionsförsamling',
    name: 'Församlingshemmet i Spånga',
    type: 'hall',
    address: 'Spånga kyrkväg 20, 163 45 Spånga',
    district: 'spanga-tensta',
    capacity: 40,
    access: ['stepFree', 'loop', 'toilet'],
    equipment: 'Kök, piano, 40 stolar.',
    houseRules: rules,
    cost: 'costSharing',
    costDescription: 'Frivilligt bidrag till städning.',
    approver: 'Anders Blom, pastor',
    description: '',
    hours: [[[1, 2, 3, 4, 5, 6], '09:00', '21:00']],
  },
  {
    organisation: 'Islamiska Församlingen Järva',
    name: 'Föreläsningssalen Järva',
    type: 'hall',
    address: 'Kvarnbyvägen 3, 163 71 Spånga',
    district: 'rinkeby-kista',
    capacity: 150,
    access: ['stepFree', 'loop', 'toilet'],
    equipment: 'Projektor, ljud, 150 stolar. Separata rum för barnpassning.',
    houseRules: 'Skor av i entrén. Ingen alkohol.',
    cost: 'free',
    costDescription: '',
    approver: 'Yusuf Abdi, sekreterare',
    description: 'Stor sal för föreläsningar och stormöten.',
    hours: [[[1, 2, 3, 4, 6, 7], '10:00', '21:00']],
  },
  {
    organisation: 'Kista Tech för Alla',
    name: 'Datorsalen i Kista',
    type: 'meetingRoom',
    address: 'Kista allévägen 7, 164 55 Kista',
    district: 'rinkeby-kista',
    capacity: 20,
    access: ['stepFree', 'toilet'],
    equipment: '20 datorer, projektor, skrivare.',
    houseRules: 'Logga ut från datorerna. Ingen mat vid datorerna.',
    cost: 'fee',
    costDescription: '500 kr per halvdag.',
    approver: '',
    description: 'Datorsal för kurser i digital kompetens.',
    hours: [[weekdays, '08:00', '18:00']],
  },
  {
    organisation: 'Bromma Hembygdsförening',
    name: 'Hembygdsgården i Bromma',
    type: 'hall',
    address: 'Bromma kyrkväg 12, 168 67 Bromma',
    district: 'bromma',
    capacity: 50,
    access: [],
    equipment: 'Kök med porslin för 50, långbord.',
    houseRules: 'Gården är K-märkt: inga häftstift i väggarna.',
    cost: 'fee',
    costDescription: '800 kr per dag för medlemsföreningar.',
    approver: 'Ulla Forsberg, kassör',
    description: 'Timrad hembygdsgård från 1800-talet. Två trappsteg vid entrén.',
    hours: [[[5], '12:00', '22:00'], [[6, 7], '10:00', '22:00']],
  },
  {
    organisation: 'Regnbågshuset Stockholm',
    name: 'Mötesrummet på Regnbågshuset',
    type: 'meetingRoom',
    address: 'Hornsgatan 71, 118 49 Stockholm',
    district: 'sodermalm',
    capacity: 25,
    access: ['stepFree', 'loop', 'toilet'],
    equipment: 'Projektor, soffgrupp, pentry.',
    houseRules: 'En trygg plats: respektera allas pronomen och integritet.',
    cost: 'free',
    costDescription: '',
    approver: 'Alex Rosén',
    description: '',
    hours: [[weekdays, '10:00', '21:00']],
  },
  {
    organisation: 'Farsta Fritidsgård Ideell',
    name: 'Fritidsgårdens kök',
    type: 'kitchen',
    address: 'Larsbodavägen 18, 123 42 Farsta',
    district: 'farsta',
    capacity: 20,
    access: ['stepFree', 'toilet'],
    equipment: 'Storkök med sex plattor, två ugnar, kyl och frys.',
    houseRules: 'Hygienregler gäller; en ansvarig vuxen ska ha gått livsmedelskursen.',
    cost: 'costSharing',
    costDescription: 'Ni tar med egna råvaror.',
    approver: 'Samir Nasser, föreståndare',
    description: 'Kök för matlagningskurser och gemensamma middagar.',
    hours: [[[1, 2, 3, 4], '09:00', '15:00']],
  },
];

/** Today in Stockholm, as YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The given ISO weekday (Monday = 1) in the week `weeksAhead` weeks from now. */
function dayIn(weeksAhead: number, weekday: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  const monday = new Date(d);
  monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + weeksAhead * 7 + (weekday - 1));
  return monday.toISOString().slice(0, 10);
}

const during = (date: string, start: string, end: string) =>
  sql`tstzrange((${date}::date + ${start}::time) at time zone 'Europe/Stockholm', (${date}::date + ${end}::time) at time zone 'Europe/Stockholm', '[)')` as unknown as string;

interface DemoBooking {
  premises: string;
  requester: string;
  by?: string;
  weeksAhead: number;
  weekday: number;
  start: string;
  end: string;
  status: 'approved' | 'pending';
  purpose: string;
  attendees: number;
  /** A weekly series of this many dates. */
  weeks?: number;
}

const demoBookings: DemoBooking[] = [
  { premises: 'Samlingssalen i Farsta', requester: 'Rinkeby Ungdomsforum', by: 'medlem', weeksAhead: 1, weekday: 3, start: '18:00', end: '21:00', status: 'approved', purpose: 'Föräldramöte inför sommarlägret', attendees: 40 },
  { premises: 'Samlingssalen i Farsta', requester: 'Tensta Kvinnocenter', weeksAhead: 2, weekday: 6, start: '11:00', end: '15:00', status: 'pending', purpose: 'Kvinnodag med lunch och workshoppar', attendees: 45 },
  { premises: 'Samlingssalen i Farsta', requester: 'Enskede Idrottsallians', weeksAhead: 1, weekday: 4, start: '18:00', end: '20:00', status: 'pending', purpose: 'Tränarutbildning, fyra kvällar', attendees: 25, weeks: 4 },
  { premises: 'Samlingssalen i Farsta', requester: 'Stadsmissionen Söderort', by: 'foreningsadmin', weeksAhead: 0, weekday: 2, start: '09:00', end: '12:00', status: 'approved', purpose: 'Volontärträff', attendees: 30, weeks: 6 },
  { premises: 'Mötesrummet på Götgatan', requester: 'Stadsmissionen Söderort', by: 'foreningsadmin', weeksAhead: 1, weekday: 1, start: '10:00', end: '12:00', status: 'approved', purpose: 'Personalmöte', attendees: 8 },
  { premises: 'Mötesrummet på Götgatan', requester: 'Södermalms Jourcentrum', weeksAhead: 2, weekday: 3, start: '17:00', end: '19:00', status: 'pending', purpose: 'Styrelsemöte', attendees: 7 },
  { premises: 'Stora scenen, Kulturhuset', requester: 'Rinkeby Ungdomsforum', by: 'medlem', weeksAhead: 3, weekday: 5, start: '18:00', end: '22:00', status: 'pending', purpose: 'Konsert med ungdomsbanden', attendees: 110 },
  { premises: 'Replokalen i Rinkeby', requester: 'Kista Tech för Alla', weeksAhead: 1, weekday: 2, start: '16:00', end: '18:00', status: 'approved', purpose: 'Inspelning av kursfilm', attendees: 4 },
  { premises: 'Föreläsningssalen Järva', requester: 'Stiftelsen Stockholms Nattvandrare', weeksAhead: 2, weekday: 2, start: '18:00', end: '21:00', status: 'approved', purpose: 'Utbildning av nya nattvandrare', attendees: 60 },
  { premises: 'Klubbstugan i Enskede', requester: 'Årsta Återbruk', weeksAhead: 1, weekday: 5, start: '10:00', end: '14:00', status: 'approved', purpose: 'Klädbytardag', attendees: 25 },
];

export async function seedDemoPremises(tx: Tx) {
  const orgs = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const orgId = (name: string) => {
    const found = orgs.find((o) => o.name === name);
    if (!found) throw new Error(`demo premises name unknown organisation ${name}`);
    return found.id;
  };
  const districts = await tx.select({ id: referenceItems.id, slug: referenceItems.slug, kind: referenceItems.kind }).from(referenceItems);
  const districtId = (slug: string) => {
    const found = districts.find((d) => d.kind === 'district' && d.slug === slug);
    if (!found) throw new Error(`demo premises name unknown district ${slug}`);
    return found.id;
  };
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (handle: string | undefined) => (handle ? (people.find((p) => p.email.startsWith(`${handle}@`))?.id ?? null) : null);

  const ids = new Map<string, string>();
  for (const p of demoPremises) {
    const [row] = await tx
      .insert(premises)
      .values({
        organisationId: orgId(p.organisation),
        name: p.name,
        type: p.type,
        address: p.address,
        districtId: districtId(p.district),
        capacity: p.capacity,
        stepFreeAccess: p.access.includes('stepFree'),
        hearingLoop: p.access.includes('loop'),
        accessibleToilet: p.access.includes('toilet'),
        equipment: p.equipment,
        houseRules: p.houseRules,
        costType: p.cost,
        costDescription: p.costDescription,
        approver: p.approver,
        description: p.description,
      })
      .returning({ id: premises.id });
    ids.set(p.name, row.id);
    await tx.insert(premisesOpeningHours).values(p.hours.flatMap(([days, opens, closes]) => days.map((weekday) => ({ premisesId: row.id, weekday, opens, closes }))));
  }

  // A few closed days: a cleaning day in the big hall, and the Christmas days everywhere in Farsta.
  const year = Number(today().slice(0, 4));
  const christmas = [`${year}-12-24`, `${year}-12-25`, `${year}-12-26`].filter((d) => d >= today());
  await tx.insert(premisesClosedDates).values([
    { premisesId: ids.get('Samlingssalen i Farsta')!, date: dayIn(2, 5), note: 'Storstädning' },
    ...christmas.flatMap((date) => ['Samlingssalen i Farsta', 'Fritidsgårdens kök'].map((name) => ({ premisesId: ids.get(name)!, date, note: 'Jul' }))),
  ]);

  for (const b of demoBookings) {
    const premisesId = ids.get(b.premises)!;
    const requesterOrganisationId = orgId(b.requester);
    const weeks = b.weeks ?? 1;
    const [series] = weeks > 1 ? await tx.insert(bookingSeries).values({ premisesId, requesterOrganisationId, weeks }).returning({ id: bookingSeries.id }) : [null];
    const decider = b.status === 'approved' ? userId('foreningsadmin') : null;
    await tx.insert(bookings).values(
      Array.from({ length: weeks }, (_, i) => ({
        premisesId,
        requesterOrganisationId,
        requestedBy: userId(b.by),
        seriesId: series?.id ?? null,
        during: during(dayIn(b.weeksAhead + i, b.weekday), b.start, b.end),
        status: b.status,
        purpose: b.purpose,
        attendees: b.attendees,
        ...(b.status === 'approved' ? { decidedBy: decider, decidedAt: new Date() } : {}),
      })),
    );
  }

  const [homework] = await tx
    .insert(premisesWanted)
    .values({
      organisationId: orgId('Tensta Läxhjälp'),
      title: 'Lokal för läxhjälp på tisdagar',
      description: 'Vi söker ett rum med bord och gärna wifi för läxhjälp med 15–20 elever och fem volontärer.',
      capacity: 20,
      districtId: districtId('spanga-tensta'),
      when: 'Tisdagar 16–19 under terminen',
    })
    .returning({ id: premisesWanted.id });
  await tx.insert(premisesOffers).values({
    wantedId: homework.id,
    organisationId: orgId('Islamiska Församlingen Järva'),
    premisesId: ids.get('Föreläsningssalen Järva')!,
    message: 'Salen är ledig tisdagar eftermiddag. Hör av er så visar vi den!',
  });
  await tx.insert(premisesWanted).values([
    {
      organisationId: orgId('Skarpnäcks Odlarförening'),
      title: 'Rum för odlingskurs i mars',
      description: 'Tre kvällar med teori om sådd och jord. Vi behöver ett rum med projektor och gärna ett diskbänk.',
      capacity: 15,
      districtId: districtId('skarpnack'),
      when: 'Tre onsdagskvällar i mars',
    },
    {
      organisationId: orgId('Vällingby Anhörigcirkel'),
      title: 'Lugnt samtalsrum för anhöriggrupp',
      description: 'Ett avskilt rum där åtta personer kan sitta i ring och prata ostört.',
      capacity: 8,
      districtId: null,
      when: 'Varannan måndag 13–15',
    },
  ]);
}
