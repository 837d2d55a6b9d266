import { sql } from 'drizzle-orm';
import type { DocumentCategory, FunderKind, KnowHowStatus } from '../../../shared/grants';
import type { Tx } from '../client';
import {
  grantCallDeadlines,
  grantCalls,
  grantCallTargetGroups,
  grantDocuments,
  grantFollows,
  grantHelpRequests,
  grantKnowHow,
  grantPartnerPosts,
  organisations,
  referenceItems,
  users,
} from '../schema/index';

// Demo grant calls (deadlines counted from the day of seeding, so that they are upcoming when the
// demo is tried), organisations that offer know-how, an ask for help and a "partners wanted" post.
// The calls are modelled on real kinds of Stockholm grants; amounts and texts are illustrative.

interface DemoCall {
  key: string;
  funderKind: FunderKind;
  administration?: string;
  funderName: string;
  title: string;
  url: string;
  amountMin: number | null;
  amountMax: number | null;
  eligibility: string;
  description: string;
  targetGroups: string[];
  /** Days from the seed date, with a note. */
  deadlines: [days: number, note: string][];
  by: string;
}

const calls: DemoCall[] = [
  {
    key: 'social',
    funderKind: 'cityAdministration',
    administration: 'socialforvaltningen',
    funderName: '',
    title: 'Föreningsbidrag för sociala insatser 2027',
    url: 'https://start.stockholm/',
    amountMin: 50_000,
    amountMax: 1_500_000,
    eligibility: 'Ideella föreningar och stiftelser med verksamhet i Stockholms stad som når personer i hemlöshet, med beroende eller utsatta för våld.',
    description: 'Årligt verksamhetsbidrag. Ansökan görs i stadens e-tjänst och ska ha en budget, verksamhetsplan och senaste årsredovisningen.',
    targetGroups: ['hemloshet', 'beroende', 'valdsutsatta'],
    deadlines: [[45, '']],
    by: 'tjansteperson',
  },
  {
    key: 'aldre',
    funderKind: 'cityAdministration',
    administration: 'aldreforvaltningen',
    funderName: '',
    title: 'Bidrag för att bryta äldres ofrivilliga ensamhet',
    url: 'https://start.stockholm/',
    amountMin: 20_000,
    amountMax: 400_000,
    eligibility: 'Idéburna organisationer som ordnar mötesplatser, besöksverksamhet eller aktiviteter för äldre i Stockholm.',
    description: 'Projektbidrag på upp till ett år. Samverkan med stadsdelsförvaltningens träffpunkter är meriterande.',
    targetGroups: ['aldre', 'anhoriga'],
    deadlines: [[20, '']],
    by: 'samordnare',
  },
  {
    key: 'arvsfonden',
    funderKind: 'foundation',
    funderName: 'Allmänna arvsfonden',
    title: 'Projektstöd: nya idéer för barn och unga',
    url: 'https://www.arvsfonden.se/',
    amountMin: 100_000,
    amountMax: 6_000_000,
    eligibility: 'Ideella föreningar och andra organisationer utan vinstsyfte. Projektet ska utveckla något nytt och målgruppen ska vara delaktig.',
    description: 'Stöd i upp till tre år. Skissen (steg 1) är kort; den fullständiga ansökan (steg 2) kräver budget per år och en plan för vad som händer efter projektet.',
    targetGroups: ['barn-och-unga', 'funktionsnedsattning'],
    deadlines: [
      [7, 'Steg 1: projektskiss'],
      [75, 'Steg 2: fullständig ansökan'],
    ],
    by: 'foreningsadmin',
  },
  {
    key: 'mucf',
    funderKind: 'state',
    funderName: 'Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)',
    title: 'Projektbidrag för ungas inflytande och delaktighet',
    url: 'https://www.mucf.se/',
    amountMin: null,
    amountMax: 2_000_000,
    eligibility: 'Ideella organisationer som arbetar med och för unga 13–25 år.',
    description: 'Bidrag till projekt som stärker ungas möjligheter att påverka i sin närmiljö.',
    targetGroups: ['barn-och-unga'],
    deadlines: [[35, '']],
    by: 'medlem',
  },
  {
    key: 'esf',
    funderKind: 'eu',
    funderName: 'Svenska ESF-rådet (Europeiska socialfonden+)',
    title: 'ESF+: vägar till arbete för personer långt från arbetsmarknaden',
    url: 'https://www.esf.se/',
    amountMin: 2_000_000,
    amountMax: 20_000_000,
    eligibility: 'Offentliga och idéburna organisationer, gärna i samverkan. Medfinansiering krävs.',
    description: 'Utlysningen öppnar för genomförandeprojekt på två till tre år. Ett informationsmöte hålls innan sista dag för ansökan.',
    targetGroups: ['arbetssokande', 'nyanlanda', 'kvinnor'],
    deadlines: [[90, '']],
    by: 'samordnare',
  },
  {
    key: 'kultur',
    funderKind: 'cityAdministration',
    administration: 'kulturforvaltningen',
    funderName: '',
    title: 'Stöd till kulturverksamhet i ytterstaden',
    url: 'https://start.stockholm/',
    amountMin: 10_000,
    amountMax: 250_000,
    eligibility: 'Föreningar och fria kulturaktörer med verksamhet i Järva, Söderort eller Västerort.',
    description: 'Bidrag till öppna kulturaktiviteter, särskilt för barn och unga under lov.',
    targetGroups: ['barn-och-unga', 'alla'],
    deadlines: [
      [14, 'Sommarlovsaktiviteter'],
      [120, 'Höstlovsaktiviteter'],
    ],
    by: 'tjansteperson',
  },
  {
    key: 'stiftelse',
    funderKind: 'foundation',
    funderName: 'Stiftelsen Solstrålen (exempel)',
    title: 'Sommarkollo för barn i familjer med små marginaler',
    url: 'https://www.example.org/solstralen',
    amountMin: 5_000,
    amountMax: 80_000,
    eligibility: 'Föreningar som ordnar kollo eller dagläger för barn 7–15 år.',
    description: 'Utlysningen för i år har stängt; nästa öppnar i vinter.',
    targetGroups: ['barn-och-unga'],
    deadlines: [[-20, '']],
    by: 'foreningsadmin',
  },
];

const knowHow: { call: string; org: string; status: KnowHowStatus; yearsAgo: number; description: string }[] = [
  {
    call: 'arvsfonden',
    org: 'Bidragsakademin Stockholm',
    status: 'received',
    yearsAgo: 1,
    description: 'Vi har fått projektstöd två gånger och läser gärna er projektskiss. Vi har en mall för målgruppens delaktighet som Arvsfonden frågar efter.',
  },
  {
    call: 'arvsfonden',
    org: 'Kista Tech för Alla',
    status: 'applied',
    yearsAgo: 1,
    description: 'Vi kom vidare till steg 2 men fick avslag. Vi delar gärna vad handläggaren sa om budgeten och uppföljningen.',
  },
  {
    call: 'social',
    org: 'Södermalms Jourcentrum',
    status: 'received',
    yearsAgo: 0,
    description: 'Vi har föreningsbidrag från Socialförvaltningen sedan flera år och kan berätta hur man beskriver resultat och målgrupp i e-tjänsten.',
  },
  {
    call: 'esf',
    org: 'Nyföretagarcentrum Söder',
    status: 'received',
    yearsAgo: 2,
    description: 'Vi drev ett ESF-projekt 2023–2025. Vi hjälper gärna till med budget, medfinansiering och tidrapportering.',
  },
  {
    call: 'mucf',
    org: 'Rinkeby Ungdomsforum',
    status: 'received',
    yearsAgo: 1,
    description: 'Våra unga skrev ansökan själva med stöd av en ledare. Vi berättar gärna hur vi lät dem styra projektet och vad MUCF frågade om i återrapporten.',
  },
];

const documents: { call: string; title: string; category: DocumentCategory; url: string; by: string }[] = [
  { call: 'social', title: 'Stadens anvisningar för föreningsbidrag', category: 'template', url: 'https://start.stockholm/', by: 'tjansteperson' },
  { call: 'arvsfonden', title: 'Arvsfondens guide: så skriver ni en projektskiss', category: 'example', url: 'https://www.arvsfonden.se/', by: 'foreningsadmin' },
];

export async function seedDemoGrants(tx: Tx) {
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (handle: string) => people.find((p) => p.email.startsWith(`${handle}@`))?.id ?? null;
  const orgs = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const orgId = (name: string) => orgs.find((o) => o.name === name)?.id ?? null;
  const refs = await tx.select().from(referenceItems);
  const refId = (kind: string, slug: string) => refs.find((r) => r.kind === kind && r.slug === slug)?.id ?? null;
  // Local dates in Stockholm, counted from today.
  const [{ today }] = (await tx.execute<{ today: string }>(sql`select (now() at time zone 'Europe/Stockholm')::date::text as today`)).rows;
  const day = (offset: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };

  const callIds = new Map<string, string>();
  for (const call of calls) {
    const administrationId = call.administration ? refId('administration', call.administration) : null;
    if (call.administration && !administrationId) continue;
    const [row] = await tx
      .insert(grantCalls)
      .values({
        funderKind: call.funderKind,
        administrationId,
        funderName: call.funderName,
        title: call.title,
        url: call.url,
        amountMin: call.amountMin,
        amountMax: call.amountMax,
        eligibility: call.eligibility,
        description: call.description,
        createdBy: userId(call.by),
      })
      .returning({ id: grantCalls.id });
    callIds.set(call.key, row.id);
    await tx.insert(grantCallDeadlines).values(call.deadlines.map(([offset, note]) => ({ callId: row.id, date: day(offset), note })));
    const groups = call.targetGroups.map((slug) => refId('targetGroup', slug)).filter((id): id is string => !!id);
    if (groups.length) await tx.insert(grantCallTargetGroups).values(groups.map((referenceId) => ({ callId: row.id, referenceId })));
    const creator = userId(call.by);
    if (creator) await tx.insert(grantFollows).values({ callId: row.id, userId: creator }).onConflictDoNothing();
  }

  const thisYear = Number(today.slice(0, 4));
  for (const k of knowHow) {
    const callId = callIds.get(k.call);
    const organisationId = orgId(k.org);
    if (!callId || !organisationId) continue;
    await tx.insert(grantKnowHow).values({ callId, organisationId, status: k.status, year: thisYear - k.yearsAgo, description: k.description });
  }

  for (const doc of documents) {
    const callId = callIds.get(doc.call);
    if (callId) await tx.insert(grantDocuments).values({ callId, title: doc.title, category: doc.category, url: doc.url, uploadedBy: userId(doc.by) });
  }

  // The demo member asks for help with Arvsfonden's call for Rinkeby Ungdomsforum and follows it.
  const arvsfonden = callIds.get('arvsfonden');
  const rinkeby = orgId('Rinkeby Ungdomsforum');
  const member = userId('medlem');
  if (arvsfonden && rinkeby) {
    await tx.insert(grantHelpRequests).values({
      callId: arvsfonden,
      organisationId: rinkeby,
      text: 'Vi vill söka för en musikstudio där unga själva driver verksamheten. Vem kan läsa vår projektskiss och hjälpa oss med budgeten för år två och tre?',
      createdBy: member,
    });
    if (member) await tx.insert(grantFollows).values({ callId: arvsfonden, userId: member }).onConflictDoNothing();
  }

  const esf = callIds.get('esf');
  const stadsmissionen = orgId('Stadsmissionen Söderort');
  if (esf && stadsmissionen) {
    await tx.insert(grantPartnerPosts).values({
      organisationId: stadsmissionen,
      callId: esf,
      title: 'Partner sökes för ESF-ansökan i Söderort',
      text: 'Vi planerar ett projekt om vägar till arbete för personer som stått länge utanför arbetsmarknaden och söker en eller två föreningar med språkkompetens eller arbetsträning. Hör av er före informationsmötet!',
      createdBy: userId('foreningsadmin'),
    });
  }
  const tensta = orgId('Tensta Kvinnocenter');
  if (tensta) {
    await tx.insert(grantPartnerPosts).values({
      organisationId: tensta,
      title: 'Samarbete kring kvinnors väg till egen försörjning',
      text: 'Vi vill gå ihop med en förening i Järva inför nästa års utlysningar från stiftelser. Vi bidrar med samtalsstöd på arabiska, somaliska och dari.',
    });
  }
}
