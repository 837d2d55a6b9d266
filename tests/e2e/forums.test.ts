import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  announcer,
  browserSession,
  demo,
  expectHeading,
  horizontalOverflow,
  markDocument,
  seriousAxeViolations,
  stillSamePage,
  type TrackedPage,
} from './browser';

// Topic forums in a real browser: threads and replies appear live for others, a hidden post
// disappears live, posting works with the keyboard alone, every forum page passes axe in both
// languages and fits a 320 px screen.

const { open, openAs } = browserSession();

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** Clicks a publish button; a "too fast" answer (one post per few seconds) is waited out and retried. */
async function publish(page: Page, button: string, done: () => Promise<unknown>) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const tooFast = page.getByRole('alert').filter({ hasText: 'Du skriver för snabbt' });
    const outcome = await Promise.race([done().then(() => 'done'), tooFast.waitFor().then(() => 'tooFast')]);
    if (outcome === 'done') return;
    await page.waitForTimeout(1000);
  }
  throw new Error(`${button}: still refused after 10 attempts`);
}

/** The URL of a seeded thread: the first (pinned) one in the grants forum. */
async function seededThreadPath(page: Page) {
  await page.goto('/forum/bidrag');
  const link = page.locator('.thread-item a').first();
  await link.waitFor();
  return (await link.getAttribute('href'))!;
}

describe('live forums', () => {
  it('a new thread and a reply appear for another reader without reload; a hidden post disappears live', async () => {
    const author = await openAs(demo.member); // Maja Medlem
    const reader = await openAs(demo.organisationAdmin); // Fredrik Föreningsadmin
    const id = stamp();
    const title = `Lokal för tisdagar i Farsta ${id}`;
    const replyText = `Vi kan låna ut vår samlingssal ${id}`;

    // The coordinator watches the forum list; the reader watches the forum.
    const coordinator = await openAs(demo.coordinator);
    await coordinator.page.goto('/forum');
    const generalCard = coordinator.page.locator('.forum-card', { has: coordinator.page.getByRole('link', { name: 'Allmänt', exact: true }) });
    await generalCard.waitFor();
    const unreadBefore = Number((await generalCard.locator('.badge-unread').textContent().catch(() => null))?.match(/\d+/)?.[0] ?? 0);
    await markDocument(coordinator.page);
    await reader.page.goto('/forum/allmant');
    await expectHeading(reader.page, 'Allmänt');
    await reader.page.getByRole('heading', { name: 'Trådar' }).waitFor();
    await markDocument(reader.page);

    // The author starts a thread.
    await author.page.goto('/forum/allmant');
    await author.page.getByLabel('Rubrik').fill(title);
    await author.page.getByLabel('Inlägg', { exact: true }).fill('Vi söker en lokal för **15 personer** på tisdagskvällar.');
    await publish(author.page, 'Publicera tråden', () => expectHeading(author.page, title));
    await author.page.getByText('Tråden är publicerad.').waitFor();

    // It appears for the reader, announced politely, without a reload.
    await reader.page.getByRole('link', { name: title }).waitFor({ timeout: 5000 });
    await expect.poll(() => announcer(reader.page).textContent()).toContain(`Ny tråd: ${title}`);
    expect(await stillSamePage(reader.page)).toBe(true);
    // The forum list counts it as unread, live.
    await generalCard.locator('.badge-unread').filter({ hasText: `${unreadBefore + 1} oläst` }).waitFor({ timeout: 5000 });
    expect(await stillSamePage(coordinator.page)).toBe(true);

    // The reader opens it (within the app) and waits; the author replies.
    await reader.page.getByRole('link', { name: title }).click();
    await expectHeading(reader.page, title);
    await author.page.getByLabel('Ditt svar').fill(replyText);
    await publish(author.page, 'Publicera svaret', () => author.page.getByRole('status').filter({ hasText: 'Ditt svar är publicerat.' }).waitFor());

    await reader.page.getByText(replyText).waitFor({ timeout: 5000 });
    await expect.poll(() => announcer(reader.page).textContent()).toContain('Nytt svar från Maja Medlem.');
    expect(await stillSamePage(reader.page)).toBe(true);

    // Posting again at once is refused clearly, and the text stays in the form.
    const second = `Ett svar till, för snabbt ${id}`;
    await author.page.getByLabel('Ditt svar').fill(second);
    await author.page.getByRole('button', { name: 'Publicera svaret', exact: true }).click();
    await author.page.getByRole('alert').filter({ hasText: 'Du skriver för snabbt' }).waitFor();
    await author.page.getByRole('alert').filter({ hasText: 'Din text finns kvar.' }).waitFor();
    expect(await author.page.getByLabel('Ditt svar').inputValue()).toBe(second);

    // A reaction from the reader shows for the author, as a named toggle button.
    const replyOnReader = reader.page.locator('article', { hasText: replyText });
    await replyOnReader.getByRole('button', { name: 'Tumme upp, 0' }).click();
    await replyOnReader.getByRole('button', { name: 'Tumme upp, 1' }).and(reader.page.locator('[aria-pressed=true]')).waitFor();
    const replyOnAuthor = author.page.locator('article', { hasText: replyText });
    // …and says who reacted, for the screen reader and as a tooltip.
    await replyOnAuthor.getByRole('button', { name: 'Tumme upp, 1: Fredrik Föreningsadmin' }).waitFor({ timeout: 5000 });
    expect(await replyOnAuthor.getByRole('button', { name: 'Tumme upp, 1' }).getAttribute('aria-pressed')).toBe('false');

    // The coordinator hides the reply, with a reason.
    await coordinator.page.goto(reader.page.url());
    await expectHeading(coordinator.page, title);
    await coordinator.page.locator('article', { hasText: replyText }).getByRole('button', { name: 'Dölj inlägget från Maja Medlem' }).click();
    const dialog = coordinator.page.getByRole('dialog', { name: 'Dölj inlägget från Maja Medlem' });
    await dialog.getByLabel('Anledning').fill('Innehåller personuppgifter');
    await dialog.getByRole('button', { name: 'Dölj inlägget' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await coordinator.page.getByText('Anledning: Innehåller personuppgifter').waitFor();

    // It disappears for the reader at once; the author sees why, and is notified.
    await reader.page.getByText(replyText).waitFor({ state: 'detached', timeout: 5000 });
    await reader.page.getByText('Inlägget har dolts av en moderator.').waitFor();
    expect(await stillSamePage(reader.page)).toBe(true);
    await author.page.getByText('Anledning: Innehåller personuppgifter').waitFor({ timeout: 5000 });
    const badge = author.page.getByRole('banner').getByRole('link', { name: /^Aviseringar, \d+ olästa?$/ });
    await badge.waitFor({ timeout: 5000 });

    await badge.click();
    await expectHeading(author.page, 'Aviseringar');
    await author.page.getByRole('link', { name: `Ditt inlägg i ${title} har dolts av en moderator` }).waitFor();
    await author.page.getByRole('button', { name: 'Markera alla som lästa' }).click();
    await author.page.getByRole('banner').getByRole('link', { name: 'Aviseringar', exact: true }).waitFor();

    expect(author.problems).toEqual([]);
    expect(reader.problems).toEqual([]);
    expect(coordinator.problems).toEqual([]);
  });

  it('a new thread with a mention can be written and published with the keyboard alone', async () => {
    const { page, problems } = await openAs(demo.official); // Tove Tjänsteperson
    const title = `Uppföljning av kvalitetsarbetet ${stamp()}`;
    await page.goto('/forum/kvalitet');
    await expectHeading(page, 'Kvalitet');

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim(), role: el?.getAttribute('role') ?? '' };
      });
    async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (match(await focused())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    }

    await tabTo((f) => f.id === 'new-thread-title', 'the title field');
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('new-thread-body');
    await page.keyboard.type('Hur följer vi upp kvaliteten i verksamheterna? Fråga till ');

    // Mention someone: the button opens a search; Enter inserts the first suggestion.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'button', text: 'Nämn någon' });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).role).toBe('combobox');
    await page.keyboard.type('Sara Sam');
    await page.getByRole('option', { name: /Sara Samordnare/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('new-thread-body');
    expect(await page.locator('#new-thread-body').inputValue()).toMatch(/Fråga till @\[Sara Samordnare\]\(user:[0-9a-f-]{36}\) $/);

    await tabTo((f) => f.tag === 'button' && f.text === 'Publicera tråden', 'the publish button');
    await page.keyboard.press('Enter');
    await expectHeading(page, title);
    await page.getByText('Tråden är publicerad.').waitFor();
    await page.locator('.post-body').getByText('Sara Samordnare').waitFor();

    // A reaction, by keyboard too.
    await tabTo((f) => f.tag === 'button' && f.text.includes('Tumme upp, 0'), 'the thumbs-up reaction');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Tumme upp, 1' }).and(page.locator('[aria-pressed=true]')).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('forum pages at 320 px', () => {
  const width = 320;

  async function expectFits(page: Page, path: string) {
    await page.goto(path);
    await page.locator('h1').first().waitFor();
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `${path} is wider than ${width}px: ${overflow.offenders.join('; ')}`).toBeLessThanOrEqual(overflow.clientWidth);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main input:not([type=checkbox]):not([type=radio]), main select, main .button')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ label: (el.textContent || el.getAttribute('name') || el.id).trim().slice(0, 40), height: el.getBoundingClientRect().height }))
        .filter((target) => target.height < 43.5),
    );
    expect(small, path).toEqual([]);
  }

  it('the forum list, a forum, a thread, search and notifications fit (member)', async () => {
    const { page, problems } = await openAs(demo.member, { width, height: 640 });
    const thread = await seededThreadPath(page);
    for (const path of ['/forum', '/forum/bidrag', thread, '/forum/sok?q=bidrag', '/aviseringar']) await expectFits(page, path);
    // The mention search open, with suggestions.
    await page.goto(thread);
    await page.getByRole('button', { name: 'Nämn någon' }).click();
    await page.getByRole('combobox', { name: 'Sök person eller organisation att nämna' }).fill('Sa');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.offenders.join('; ')).toBeLessThanOrEqual(overflow.clientWidth);
    expect(problems).toEqual([]);
  });

  it('the coordinator’s tools fit as well (English)', async () => {
    const { page, problems } = await openAs(demo.coordinator, { width, height: 640, locale: 'en' });
    const thread = await seededThreadPath(page);
    for (const path of ['/forum', thread, '/samordning/moderering', '/samordning/moderering?visa=hanterade']) await expectFits(page, path);
    await page.goto('/forum');
    await page.getByRole('button', { name: 'Edit Procurement' }).click();
    await page.getByRole('list', { name: 'All forums' }).getByLabel('Only some roles, organisations and people').check();
    await page.getByRole('group', { name: 'Roles' }).waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, overflow.offenders.join('; ')).toBeLessThanOrEqual(overflow.clientWidth);
    expect(problems).toEqual([]);
  });
});

describe('forum pages pass axe-core', () => {
  interface Check {
    path: string | ((page: Page) => Promise<string>);
    label: string;
    prepare?: (page: Page) => Promise<void>;
  }

  const words = {
    sv: { forums: 'Alla forum', mentionSearch: 'Sök person eller organisation att nämna', edit: 'Ändra Upphandling', restrict: 'Bara vissa roller, organisationer och personer', publishThread: 'Publicera tråden', mention: 'Nämn någon', report: /^Anmäl/ },
    en: { forums: 'All forums', mentionSearch: 'Search for a person or organisation to mention', edit: 'Edit Procurement', restrict: 'Only some roles, organisations and people', publishThread: 'Publish the thread', mention: 'Mention someone', report: /^Report/ },
  };

  async function settle(page: Page) {
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached' });
  }

  async function run(tracked: TrackedPage, locale: 'sv' | 'en', checks: Check[]) {
    const { page } = tracked;
    const failures: string[] = [];
    for (const check of checks) {
      const path = typeof check.path === 'string' ? check.path : await check.path(page);
      await page.goto(path);
      await settle(page);
      if (check.prepare) await check.prepare(page);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      failures.push(...(await seriousAxeViolations(page, `${locale} ${check.label}`)));
    }
    if (failures.length) console.error(`axe violations:\n${failures.join('\n')}`);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(tracked.problems).toEqual([]);
  }

  for (const locale of ['sv', 'en'] as const) {
    const w = words[locale];

    it(`for visitors (${locale})`, async () => {
      const tracked = await open({ locale, bypassCSP: true });
      await run(tracked, locale, [
        { path: '/forum', label: 'forum list' },
        { path: '/forum/bidrag', label: 'a forum' },
        { path: seededThreadPath, label: 'a thread' },
        { path: '/forum/sok', label: 'search' },
        { path: '/forum/sok?q=bidrag&sortering=nyast', label: 'search results' },
        { path: '/forum/sok?q=zzzzqqqq', label: 'search without results' },
        { path: '/forum/finns-inte', label: 'unknown forum' },
        { path: '/aviseringar', label: 'notifications (signed out)' },
      ]);
    });

    it(`for a signed-in administrator (${locale})`, async () => {
      const tracked = await openAs(demo.admin, { locale, bypassCSP: true });
      await run(tracked, locale, [
        { path: '/forum', label: 'forum list with admin tools' },
        {
          path: '/forum',
          label: 'editing a forum’s access',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.edit }).click();
            await page.getByRole('list', { name: w.forums }).getByLabel(w.restrict).check();
            await page.locator('fieldset input[type=checkbox]').first().waitFor();
          },
        },
        { path: '/forum/bidrag', label: 'a forum with the new-thread form' },
        {
          path: '/forum/bidrag',
          label: 'new-thread form with errors',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.publishThread }).click();
            await page.getByRole('alert').first().waitFor();
          },
        },
        { path: seededThreadPath, label: 'a thread with moderation tools' },
        {
          path: seededThreadPath,
          label: 'mention search open',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.mention }).click();
            await page.getByRole('combobox', { name: w.mentionSearch }).fill('Sa');
            await page.getByRole('listbox').getByRole('option').first().waitFor();
          },
        },
        {
          path: seededThreadPath,
          label: 'report dialog open',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.report }).first().click();
            await page.getByRole('dialog').waitFor();
          },
        },
        { path: '/forum/sok?q=bidrag', label: 'search results (signed in)' },
        { path: '/aviseringar', label: 'notifications' },
        { path: '/samordning/moderering', label: 'moderation queue' },
        { path: '/samordning/moderering?visa=hanterade', label: 'handled reports' },
      ]);
    });
  }
});
