import { sql } from 'drizzle-orm';
import { renderMarkdown } from '../../features/forums/markdown';
import type { Tx } from '../client';
import { forumAccess, forums, organisations, posts, threadFollows, threads, users } from '../schema/index';

// The topic forums the follow-up asked for: base structure on every installation (the coordinator
// renames, reorders and adds to them). Demo threads only with demo content.

export const baseForums = [
  { slug: 'upphandling', nameSv: 'Upphandling', nameEn: 'Procurement', descriptionSv: 'LOU, anbud och att delta i stadens upphandlingar.', descriptionEn: 'The procurement act, tenders and taking part in the city’s procurements.' },
  { slug: 'bidrag', nameSv: 'Bidrag', nameEn: 'Grants', descriptionSv: 'Att söka, redovisa och samordna bidrag.', descriptionEn: 'Applying for, reporting on and coordinating grants.' },
  { slug: 'kvalitet', nameSv: 'Kvalitet', nameEn: 'Quality', descriptionSv: 'Uppföljning, kvalitetsarbete och att visa resultat.', descriptionEn: 'Follow-up, quality work and showing results.' },
  { slug: 'frivilliguppdraget', nameSv: 'Det offentlignära frivilliguppdraget', nameEn: 'The public-near volunteer mission', descriptionSv: 'Frivilliga i verksamheter nära stadens egna.', descriptionEn: 'Volunteers in activities close to the city’s own services.' },
  { slug: 'iop', nameSv: 'IOP', nameEn: 'IOP partnerships', descriptionSv: 'Idéburet offentligt partnerskap: erfarenheter och frågor.', descriptionEn: 'Idea-driven public partnerships: experience and questions.' },
  { slug: 'lokaler', nameSv: 'Lokaler', nameEn: 'Premises', descriptionSv: 'Att hitta, dela och låna ut lokaler.', descriptionEn: 'Finding, sharing and lending premises.' },
  { slug: 'omvarld', nameSv: 'Internationell omvärldsbevakning', nameEn: 'International outlook', descriptionSv: 'Vad gör andra städer och länder?', descriptionEn: 'What are other cities and countries doing?' },
  { slug: 'allmant', nameSv: 'Allmänt', nameEn: 'General', descriptionSv: 'Allt annat som rör samverkan med staden.', descriptionEn: 'Everything else about working with the city.' },
];

export async function seedForums(tx: Tx) {
  await tx
    .insert(forums)
    .values(baseForums.map((f, index) => ({ ...f, position: index + 1 })))
    .onConflictDoNothing();
}

const search = (title: string | null, body: string) =>
  title === null
    ? sql`setweight(to_tsvector('swedish', ${body}), 'B')`
    : sql`setweight(to_tsvector('swedish', ${title}), 'A') || setweight(to_tsvector('swedish', ${body}), 'B')`;

interface DemoThread {
  forum: string;
  title: string;
  /** Author e-mail (demo users), organisation name or null, body, hours ago. */
  posts: { by: string; org?: string; body: string; hoursAgo: number }[];
  pinned?: boolean;
}

const demoThreads: DemoThread[] = [
  {
    forum: 'bidrag',
    pinned: true,
    title: 'Så söker ni föreningsbidrag 2027 – frågor och svar',
    posts: [
      { by: 'samordnare', body: 'Ansökningsperioden för **föreningsbidrag** öppnar i januari. Ställ era frågor här, så samlar jag svaren från förvaltningarna.\n\n- Sista dag: 15 mars\n- Redovisning av förra årets bidrag ska vara inne först', hoursAgo: 240 },
      { by: 'foreningsadmin', org: 'Stadsmissionen Söderort', body: 'Tack! Gäller det också de som fick verksamhetsbidrag i år, eller ska vi söka på nytt?', hoursAgo: 200 },
      { by: 'tjansteperson', body: 'Verksamhetsbidragen söks på nytt varje år, men ni kan hänvisa till förra årets verksamhetsplan om inget ändrats.', hoursAgo: 190 },
    ],
  },
  {
    forum: 'bidrag',
    title: 'Någon som vill söka Arvsfondens projektstöd tillsammans?',
    posts: [
      { by: 'medlem', org: 'Rinkeby Ungdomsforum', body: 'Vi funderar på ett projekt om läxhjälp och idrott för unga i Rinkeby-Kista. Finns det fler som vill gå ihop i en gemensam ansökan?', hoursAgo: 50 },
      { by: 'foreningsadmin', org: 'Stadsmissionen Söderort', body: 'Intressant! Vi har erfarenhet av Arvsfonden sedan 2023 och delar gärna vår budgetmall.', hoursAgo: 30 },
    ],
  },
  {
    forum: 'upphandling',
    title: 'Vad betyder reserverad upphandling för små föreningar?',
    posts: [
      { by: 'medlem', body: 'Vi har hört att staden kan reservera upphandlingar för idéburna organisationer. Hur fungerar det i praktiken, och hur får vi veta när det händer?', hoursAgo: 72 },
      { by: 'samordnare', body: 'Bra fråga. Jag tar upp den på nästa dialogmöte och bjuder in någon från upphandlingsenheten.', hoursAgo: 70 },
    ],
  },
  {
    forum: 'lokaler',
    title: 'Lokal för lördagsaktiviteter i Söderort?',
    posts: [{ by: 'medlem', org: 'Stadsmissionen Söderort', body: 'Vi söker en lokal för 20–30 personer på lördagar, gärna med kök. Tips?', hoursAgo: 20 }],
  },
  {
    forum: 'iop',
    title: 'Erfarenheter av IOP inom äldreomsorgen',
    posts: [{ by: 'tjansteperson', body: 'Äldreförvaltningen vill höra från er som har eller har haft ett IOP. Vad fungerade, och vad skulle ni göra annorlunda?', hoursAgo: 100 }],
  },
];

/** Demo threads, and a working-group forum open only to staff, officials and one organisation. */
export async function seedDemoForums(tx: Tx) {
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (handle: string) => people.find((p) => p.email.startsWith(`${handle}@`))?.id ?? null;
  const orgs = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const orgId = (name: string | undefined) => (name ? (orgs.find((o) => o.name === name)?.id ?? null) : null);
  const forumRows = await tx.select().from(forums);

  const [group] = await tx
    .insert(forums)
    .values({
      slug: 'arbetsgrupp-overenskommelsen',
      nameSv: 'Arbetsgrupp: Överenskommelsen',
      nameEn: 'Working group: the Agreement',
      descriptionSv: 'Sluten grupp för arbetet med att förnya överenskommelsen.',
      descriptionEn: 'Closed group working on renewing the agreement.',
      position: forumRows.length + 1,
    })
    .onConflictDoNothing()
    .returning();
  if (group) {
    const stadsmissionen = orgId('Stadsmissionen Söderort');
    await tx.insert(forumAccess).values([
      { forumId: group.id, role: 'official' as const },
      ...(stadsmissionen ? [{ forumId: group.id, organisationId: stadsmissionen }] : []),
    ]);
    forumRows.push(group);
  }

  const now = Date.now();
  for (const demo of demoThreads) {
    const forum = forumRows.find((f) => f.slug === demo.forum);
    if (!forum) continue;
    const first = demo.posts[0];
    const last = demo.posts.at(-1)!;
    const [thread] = await tx
      .insert(threads)
      .values({
        forumId: forum.id,
        title: demo.title,
        authorId: userId(first.by),
        organisationId: orgId(first.org),
        createdAt: new Date(now - first.hoursAgo * 3600_000),
        lastPostAt: new Date(now - last.hoursAgo * 3600_000),
        replyCount: demo.posts.length - 1,
        pinned: demo.pinned ?? false,
      })
      .returning();
    for (const [index, post] of demo.posts.entries()) {
      await tx.insert(posts).values({
        threadId: thread.id,
        forumId: forum.id,
        authorId: userId(post.by),
        organisationId: orgId(post.org),
        isFirst: index === 0,
        body: post.body,
        bodyHtml: renderMarkdown(post.body),
        createdAt: new Date(now - post.hoursAgo * 3600_000),
        search: search(index === 0 ? demo.title : null, post.body),
      });
      const author = userId(post.by);
      if (author) await tx.insert(threadFollows).values({ userId: author, threadId: thread.id }).onConflictDoNothing();
    }
  }
}
