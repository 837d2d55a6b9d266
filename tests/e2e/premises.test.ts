import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, firstOnOrAfter, mondayOf, todayInStockholm } from '../../client/src/features/premises/week';
import {
  announcer,
  baseURL,
  browserSession,
  demo,
  expectHeading,
  horizontalOverflow,
  markDocument,
  randomOrgNumber,
  seriousAxeViolations,
  signIn,
  stillSamePage,
  uniqueEmail,
  type TrackedPage,
} from './browser';

// Premises in a real browser: a member of one organisation finds another organisation's room free
// on a date and asks for it; the owner's admin sees the request arrive live and approves it; the
// requester's list and the public calendar follow live, without a reload. Conflicts in a weekly
// series are named and the rest can be booked; a request works with the keyboard alone; every
// premises page passes axe in Swedish and English and fits a 320 px screen.
//
// Demo data: Maja Medlem is a member of Stadsmissionen Söderort (which owns "Samlingssalen i
// Farsta") and of Rinkeby Ungdomsforum; Fredrik Föreningsadmin is Stadsmissionen's admin.

const { open, openAs } = browserSession();

const hall = 'Samlingssalen i Farsta';
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** A weekday (Monday = 1) some weeks from now, far from the demo bookings. */
const dateAhead = (weeks: number, weekday: number) => firstOnOrAfter(addDays(todayInStockholm(), weeks * 7), weekday);

async function premisesId(page: Page, name = hall): Promise<string> {
  const response = await page.request.get(`/api/premises?q=${encodeURIComponent(name)}`);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((p) => p.name === name);
  if (!found) throw new Error(`no premises named ${name}`);
  return found.id;
}

/** The calendar row of a date on the premises page. */
const calendarRow = (page: Page, date: string) => page.locator(`.calendar-table tr[data-date="${date}"]`);

describe('booking premises, live', () => {
  it('a member finds a free room, requests it; the owner approves live; the requester’s list and the public calendar follow without reload', async () => {
    const date = dateAhead(10, 3); // a Wednesday
    const purpose = `Föräldramöte ${stamp()}`;
    const member = await openAs(demo.member);
    const owner = await openAs(demo.organisationAdmin);
    const visitor = await open();

    // The owner's admin watches the requests to Stadsmissionen.
    await owner.page.goto('/lokaler/bokningar?visa=till-oss');
    await expectHeading(owner.page, 'Mina bokningar');
    await owner.page.getByRole('heading', { level: 2, name: 'Förfrågningar om lokaler som Stadsmissionen Söderort lånar ut' }).waitFor();
    await owner.page.locator('.booking-list, .booking-list + p, main p').first().waitFor();
    await owner.page.locator('.loading').first().waitFor({ state: 'detached' });
    await markDocument(owner.page);

    // The member searches: Farsta, free that Wednesday 18–20.
    await member.page.goto('/lokaler');
    await expectHeading(member.page, 'Lokaler');
    await member.page.getByLabel('Stadsdel').selectOption({ label: 'Farsta' });
    await member.page.getByLabel('Datum', { exact: true }).fill(date);
    await member.page.getByLabel('Från', { exact: true }).selectOption('18:00');
    await member.page.getByLabel('Till', { exact: true }).selectOption('20:00');
    await member.page.getByRole('button', { name: 'Sök lokaler' }).click();
    await member.page.waitForURL((url) => url.searchParams.get('datum') === date && url.searchParams.get('stadsdel') === 'farsta');
    const result = member.page.locator('.premises-card', { has: member.page.getByRole('link', { name: hall }) });
    await result.waitFor();
    await result.getByText(/^Ledig /).waitFor();
    // Filters live in the URL: a reload shows the same search.
    await member.page.reload();
    await result.waitFor();
    expect(await member.page.getByLabel('Datum', { exact: true }).inputValue()).toBe(date);
    await result.getByRole('link', { name: hall }).click();
    await expectHeading(member.page, hall);

    // A visitor looks at the same week of the calendar.
    await visitor.page.goto(member.page.url());
    await expectHeading(visitor.page, hall);
    await calendarRow(visitor.page, date).getByText('Inga bokningar').waitFor();
    await markDocument(visitor.page);

    // The member asks on behalf of Rinkeby Ungdomsforum; date and times come from the search.
    expect(await member.page.getByLabel('Datum', { exact: true }).inputValue()).toBe(date);
    expect(await member.page.getByLabel('Starttid').inputValue()).toBe('18:00');
    await member.page.getByLabel('Organisation som bokar').selectOption({ label: 'Rinkeby Ungdomsforum' });
    await member.page.getByLabel('Vad ska lokalen användas till?').fill(purpose);
    await member.page.getByLabel('Antal deltagare').fill('25');
    await member.page.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await member.page.getByRole('status').filter({ hasText: 'Förfrågan är skickad. Stadsmissionen Söderort svarar' }).waitFor();

    // It arrives on the owner's list at once, announced.
    const ownerCard = owner.page.locator('.booking-card', { hasText: purpose });
    await ownerCard.waitFor({ timeout: 5000 });
    await ownerCard.getByText('Väntar på svar').waitFor();
    await expect.poll(() => announcer(owner.page).textContent()).toContain('Ny förfrågan om Samlingssalen i Farsta');
    expect(await stillSamePage(owner.page)).toBe(true);
    // Requests are not public: the visitor's calendar still shows the day free.
    await calendarRow(visitor.page, date).getByText('Inga bokningar').waitFor();

    // The member follows the request on "My bookings", as Rinkeby Ungdomsforum.
    await member.page.getByRole('link', { name: 'Se era bokningar' }).click();
    await expectHeading(member.page, 'Mina bokningar');
    await member.page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Rinkeby Ungdomsforum' });
    await member.page.getByRole('link', { name: 'Förfrågat av oss' }).click();
    const memberCard = member.page.locator('.booking-card', { hasText: purpose });
    await memberCard.getByText('Väntar på svar').waitFor();
    await markDocument(member.page);

    // The owner approves, with a message.
    await ownerCard.getByRole('button', { name: /^Godkänn .*Rinkeby Ungdomsforum$/ }).click();
    const dialog = owner.page.getByRole('dialog');
    await dialog.getByLabel(/^Meddelande till den som frågade/).fill('Välkomna! Nyckeln hämtas i receptionen.');
    await dialog.getByRole('button', { name: 'Godkänn bokningen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await ownerCard.getByText('Godkänd', { exact: true }).waitFor();

    // The requester sees the decision live, with the message; the calendar shows the time busy.
    await memberCard.getByText('Godkänd', { exact: true }).waitFor({ timeout: 5000 });
    await memberCard.getByText('Välkomna! Nyckeln hämtas i receptionen.').waitFor();
    await expect.poll(() => announcer(member.page).textContent()).toContain('Samlingssalen i Farsta');
    expect(await stillSamePage(member.page)).toBe(true);

    const row = calendarRow(visitor.page, date);
    await row.getByText('18:00–20:00').waitFor({ timeout: 5000 });
    await row.getByText('Upptaget').waitFor();
    expect(await row.textContent()).not.toContain('Rinkeby');
    await expect.poll(() => announcer(visitor.page).textContent()).toContain('Nu bokad');
    expect(await stillSamePage(visitor.page)).toBe(true);

    // The member was notified; the notification leads to the booking.
    const badge = member.page.getByRole('banner').getByRole('link', { name: /^Aviseringar, \d+ olästa?$/ });
    await badge.waitFor({ timeout: 5000 });
    await badge.click();
    await expectHeading(member.page, 'Aviseringar');
    await member.page.getByRole('link', { name: 'Fredrik Föreningsadmin har godkänt din bokning' }).first().click();
    await expectHeading(member.page, 'Bokning av Samlingssalen i Farsta');
    await member.page.getByText('Godkänd', { exact: true }).waitFor();

    // The same slot cannot be had twice: asking again names the clash.
    await member.page.goto(`/lokaler/${await premisesId(member.page)}?datum=${date}&fran=19:00&till=21:00`);
    await member.page.getByLabel('Organisation som bokar').selectOption({ label: 'Rinkeby Ungdomsforum' });
    await member.page.getByLabel('Vad ska lokalen användas till?').fill('Krockar');
    await member.page.getByLabel('Antal deltagare').fill('5');
    await member.page.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await member.page.getByRole('alert').filter({ hasText: 'Tiden går inte att boka' }).getByText(/redan bokad$/).waitFor();

    expect(member.problems).toEqual([]);
    expect(owner.problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
  });

  it('a weekly series that clashes lists exactly the dates that cannot be booked, and books the rest', async () => {
    const { page, problems } = await openAs(demo.member);
    const id = await premisesId(page);
    const first = dateAhead(14, 2); // a Tuesday
    const clash = addDays(first, 14);

    // As Stadsmissionen (the owner), Maja books the third Tuesday directly.
    await page.goto(`/lokaler/${id}?datum=${clash}&fran=17:00&till=19:00`);
    await page.getByLabel('Organisation som bokar').selectOption({ label: 'Stadsmissionen Söderort' });
    await page.getByText('Lokalen tillhör din organisation: bokningen godkänns direkt.').waitFor();
    await page.getByLabel('Vad ska lokalen användas till?').fill('Volontärutbildning');
    await page.getByLabel('Antal deltagare').fill('20');
    await page.getByRole('button', { name: 'Boka', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Bokat.' }).waitFor();
    await calendarRow(page, clash).getByText('Upptaget').waitFor({ timeout: 5000 });

    // Then, for Rinkeby Ungdomsforum, four Tuesdays 18–20 from two weeks earlier.
    await page.getByLabel('Organisation som bokar').selectOption({ label: 'Rinkeby Ungdomsforum' });
    await page.getByLabel('Varje vecka').check();
    await page.getByLabel('Veckodag').selectOption({ label: 'tisdag' });
    await page.getByLabel('Från och med').fill(first);
    await page.getByLabel('Starttid').selectOption('18:00');
    await page.getByLabel('Sluttid').selectOption('20:00');
    await page.getByLabel('Antal veckor').fill('4');
    await page.getByText(/^4 tillfällen:/).waitFor();
    await page.getByLabel('Vad ska lokalen användas till?').fill('Läxhjälp');
    await page.getByLabel('Antal deltagare').fill('15');
    await page.getByRole('button', { name: 'Skicka förfrågan' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: '1 av 4 datum går inte att boka' });
    await refusal.waitFor();
    const items = await refusal.locator('li').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/18:00–20:00: redan bokad$/);
    expect(await refusal.evaluate((el) => el === document.activeElement)).toBe(true);

    await refusal.getByRole('button', { name: 'Boka de 3 lediga datumen' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Förfrågan om 3 datum är skickad.' });
    await done.waitFor();
    await done.getByText('Dessa datum bokades inte:').waitFor();
    expect(await done.locator('li').count()).toBe(4); // three booked, one skipped
    expect(problems).toEqual([]);
  });

  it('the owner declines with a reason and approves a whole weekly series at once', async () => {
    const { page, problems } = await openAs(demo.organisationAdmin);
    await page.goto('/lokaler/bokningar?visa=till-oss');
    await expectHeading(page, 'Mina bokningar');

    // A single request from Södermalms Jourcentrum (demo data): declined, with the reason shown.
    const single = page.locator('.booking-card', { hasText: 'Från Södermalms Jourcentrum' });
    // The coordinator, a member of neither organisation, watches the booking's own page.
    const coordinator = await openAs(demo.coordinator);
    await coordinator.page.goto((await single.locator('a[href^="/lokaler/bokningar/"]').first().getAttribute('href'))!);
    await expectHeading(coordinator.page, /^Bokning av /);
    await coordinator.page.locator('.lead').getByText('Väntar på svar').waitFor();
    await coordinator.page.waitForLoadState('networkidle');
    await single.getByRole('button', { name: /^Avböj .*Södermalms Jourcentrum$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Varför avböjer ni\?/).fill('Rummet renoveras den veckan.');
    await dialog.getByRole('button', { name: 'Avböj bokningen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await single.getByText('Avböjd', { exact: true }).waitFor();
    await single.getByText('Meddelande: Rummet renoveras den veckan.').waitFor();
    await expect.poll(() => announcer(page).textContent()).toContain('Avböjd:');
    // It changes live on the coordinator's page too.
    await coordinator.page.locator('.lead').getByText('Avböjd', { exact: true }).waitFor({ timeout: 5000 });
    await coordinator.page.getByText('Rummet renoveras den veckan.').first().waitFor();
    expect(coordinator.problems).toEqual([]);

    // Enskede Idrottsallians' four Thursdays (demo data): one button approves them all.
    const series = page.locator('.booking-card', { hasText: 'Tränarutbildning' });
    await series.getByText(/torsdagar 18:00–20:00, 4 datum/).waitFor();
    await series.getByRole('button', { name: 'Godkänn hela serien (4 datum)' }).click();
    await dialog.getByRole('button', { name: 'Godkänn alla 4 datum' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => series.getByText('Godkänd', { exact: true }).count()).toBe(4);
    expect(await series.getByRole('button', { name: /^Godkänn/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a wanted post and an offer in answer appear live for others; the poster is notified', async () => {
    const id = stamp();
    const visitor = await open();
    const fredrik = await openAs(demo.organisationAdmin); // Stadsmissionen Söderort
    const maja = await openAs(demo.member); // also Rinkeby Ungdomsforum
    for (const { page } of [visitor, maja]) {
      await page.goto('/lokaler/sokes');
      await expectHeading(page, 'Lokal sökes');
      await page.waitForLoadState('networkidle');
    }
    await fredrik.page.goto('/lokaler/sokes');
    await fredrik.page.getByRole('button', { name: 'Beskriv vilken lokal ni söker' }).click();
    await fredrik.page.getByLabel('Rubrik').fill(`Rum för språkcafé ${id}`);
    await fredrik.page.getByLabel('Vad behöver ni?').fill('Ett rum med bord för tjugo personer.');
    await fredrik.page.getByLabel('Antal personer').fill('20');
    await fredrik.page.getByLabel('När').fill('Onsdagar 17–19');
    await fredrik.page.getByRole('button', { name: 'Publicera' }).click();
    await fredrik.page.getByText(`Publicerat: Rum för språkcafé ${id}.`).waitFor();

    // Both others see it without reloading; Maja answers with an offer, which the visitor sees too.
    await visitor.page.getByRole('heading', { name: `Rum för språkcafé ${id}` }).waitFor({ timeout: 5000 });
    const card = maja.page.locator('.wanted-card', { has: maja.page.getByRole('heading', { name: `Rum för språkcafé ${id}` }) });
    await card.waitFor({ timeout: 5000 });
    await card.getByRole('button', { name: /^Erbjud en lokal/ }).click();
    const offerForm = card.locator('form');
    const organisation = offerForm.getByLabel('Organisation');
    if (await organisation.count()) await organisation.selectOption({ label: 'Rinkeby Ungdomsforum' });
    await offerForm.getByLabel('Meddelande').fill(`Välkomna till vår samlingslokal ${id}.`);
    await offerForm.getByRole('button', { name: 'Skicka erbjudandet' }).click();
    await maja.page.getByText('Erbjudandet är skickat.').waitFor();
    await visitor.page.getByText(`Välkomna till vår samlingslokal ${id}.`).waitFor({ timeout: 5000 });
    await fredrik.page.getByText(`Välkomna till vår samlingslokal ${id}.`).waitFor({ timeout: 5000 });
    // Fredrik was notified of the offer.
    await fredrik.page.goto('/aviseringar');
    await fredrik.page.getByText(`En förening erbjuder en lokal på er efterlysning: Rum för språkcafé ${id} — Rinkeby Ungdomsforum`).waitFor();
    for (const tracked of [visitor, fredrik, maja]) expect(tracked.problems).toEqual([]);
  });

  it('a request can be made with the keyboard alone', async () => {
    const { page, problems } = await openAs(demo.member);
    const id = await premisesId(page);
    const date = dateAhead(12, 4); // a Thursday
    await page.goto(`/lokaler/${id}?datum=${date}&fran=10:00&till=12:00`);
    await expectHeading(page, hall);

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim() };
      });
    async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        if (match(await focused())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    }

    // Next week and back again, by keyboard.
    await tabTo((f) => f.tag === 'button' && f.text.includes('Nästa vecka'), 'the next-week button');
    await page.keyboard.press('Enter');
    await calendarRow(page, addDays(date, 7)).waitFor();
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toContain('Föregående vecka');
    await page.keyboard.press('Enter');
    await calendarRow(page, date).waitFor();
    // On a slow connection, "next" then "previous" pressed before the next week has loaded come
    // back to the same week (they step from the week asked for, not the one still shown).
    const slow = /\/api\/premises\/[^/]+\/calendar\?/;
    await page.route(slow, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Nästa vecka' }).click();
    await calendarRow(page, addDays(date, 7)).waitFor(); // seen before: from the cache
    await page.getByRole('button', { name: 'Nästa vecka' }).click(); // not seen yet: slow
    await page.getByRole('button', { name: 'Föregående vecka' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('vecka')).toBe(mondayOf(addDays(date, 7)));
    // Waits for a delayed request still in hand, so it is not let through twice.
    await page.unrouteAll({ behavior: 'wait' });
    await expect.poll(() => page.locator('.week-calendar-loading').count()).toBe(0);
    expect(await calendarRow(page, addDays(date, 7)).count()).toBe(1);
    await page.getByRole('button', { name: 'Föregående vecka' }).click();
    await calendarRow(page, date).waitFor();

    await tabTo((f) => f.id === 'booking-organisationId', 'the organisation select');
    await page.keyboard.type('Rinkeby');
    await expect.poll(() => page.locator('#booking-organisationId option:checked').textContent()).toBe('Rinkeby Ungdomsforum');
    await tabTo((f) => f.id === 'booking-purpose', 'the purpose field');
    await page.keyboard.type('Styrelsemöte');
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('booking-attendees');
    await page.keyboard.type('8');
    await tabTo((f) => f.tag === 'button' && f.text === 'Skicka förfrågan', 'the send button');
    await page.keyboard.press('Enter');
    const sent = page.getByRole('status').filter({ hasText: 'Förfrågan är skickad.' });
    await sent.waitFor();
    // Focus moves to the confirmation, so a screen reader reads it and the user continues from there.
    expect(await sent.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('an owner with more requests than a page counts them all, shows more on request, and finds earlier bookings', async () => {
    // A new account with two new organisations of its own, so the 120 requests touch no other test.
    const { page, problems } = await open({ bypassCSP: true });
    const email = uniqueEmail('manga-bokningar');
    const password = 'Ett-langt-losenord-for-test';
    const signup = await page.request.post('/api/auth/signup', { data: { name: 'Bo Bokare', email, password }, headers: { origin: baseURL() } });
    expect(signup.status()).toBe(202);
    await signIn(page, email, password);
    const stampNow = stamp();
    const ids = await page.evaluate(
      async ({ numbers, stampNow, weekdays }) => {
        const post = async (url: string, body: unknown) => {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
          return response.json();
        };
        const organisation = (name: string, orgNumber: string) =>
          post('/api/organisations', { name, orgNumber, legalForm: 'nonProfitAssociation', description: 'Test.', sizeClass: 'from10to49', signedAgreement: false, districts: ['farsta'], targetGroups: [], administrations: [], resources: [], resourceDescription: '' });
        const owner = await organisation(`Lånar ut ${stampNow}`, numbers[0]);
        const requester = await organisation(`Lånar ${stampNow}`, numbers[1]);
        const room = await post('/api/premises', { organisationId: owner.id, name: `Storsalen ${stampNow}`, type: 'hall', address: 'Farstagången 1', district: 'farsta', capacity: 50, costType: 'free' });
        for (const date of weekdays) {
          await post(`/api/premises/${room.id}/bookings`, { organisationId: requester.id, date, startTime: '18:00', endTime: '20:00', weeks: 40, purpose: 'Körövning', attendees: 20 });
        }
        return { owner: owner.id as string };
      },
      { numbers: [randomOrgNumber(), randomOrgNumber()], stampNow, weekdays: [dateAhead(2, 1), dateAhead(2, 2), dateAhead(2, 3)] },
    );

    await page.goto(`/lokaler/bokningar?organisation=${ids.owner}&visa=till-oss`);
    await expectHeading(page, 'Mina bokningar');
    // The tab counts every waiting request, not only those on the first page.
    await page.getByRole('link', { name: /120 väntar/ }).waitFor();
    await page.getByText('Visar 100 av 120 bokningar.').waitFor();
    const dates = page.locator('.booking-list .booking-date');
    expect(await dates.count()).toBe(100);
    expect(await seriousAxeViolations(page, 'bookings with more to show')).toEqual([]);
    await page.getByRole('button', { name: 'Visa fler bokningar' }).click();
    await expect.poll(() => dates.count()).toBe(120);
    await page.getByRole('button', { name: 'Visa fler bokningar' }).waitFor({ state: 'detached' });
    // Nothing of this new organisation has ended yet.
    await page.getByRole('button', { name: 'Visa tidigare bokningar' }).click();
    await page.getByText('Inga bokningar har slutat de senaste 90 dagarna.').waitFor();
    expect(problems).toEqual([]);
  });
});

describe('premises pages at 320 px', () => {
  it('search, a premises page, bookings, wanted posts and the listing form fit without sideways scrolling', async () => {
    const width = 320;
    const { page, problems } = await openAs(demo.organisationAdmin, { width, height: 640 });
    const id = await premisesId(page);
    for (const path of ['/lokaler', `/lokaler?stadsdel=farsta&datum=${dateAhead(9, 2)}&fran=18:00&till=20:00`, `/lokaler/${id}`, '/lokaler/bokningar?visa=till-oss', '/lokaler/sokes', '/lokaler/ny', `/lokaler/${id}/redigera`]) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.locator('.loading').first().waitFor({ state: 'detached' });
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
    expect(problems).toEqual([]);
  });
});

describe('premises pages pass axe-core', () => {
  const words = {
    sv: { send: 'Boka', approve: /^Godkänn /, weekly: 'Varje vecka', create: 'Lägg upp lokalen', newWanted: 'Beskriv vilken lokal ni söker', publish: 'Publicera', offer: /^Erbjud en lokal/, ical: 'Visa kalenderadressen' },
    en: { send: 'Book', approve: /^Approve /, weekly: 'Every week', create: 'List the premises', newWanted: 'Describe the premises you need', publish: 'Publish', offer: /^Offer premises/, ical: 'Show the calendar address' },
  };

  async function settle(page: Page) {
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').first().waitFor({ state: 'detached' });
  }

  async function run(tracked: TrackedPage, locale: 'sv' | 'en', checks: { path: string; label: string; prepare?: (page: Page) => Promise<void> }[]) {
    const { page } = tracked;
    const failures: string[] = [];
    for (const check of checks) {
      await page.goto(check.path);
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
      const id = await premisesId(tracked.page);
      await run(tracked, locale, [
        { path: '/lokaler', label: 'premises search' },
        { path: `/lokaler?stadsdel=farsta&datum=${dateAhead(9, 2)}&fran=18:00&till=20:00&trappfritt=ja`, label: 'search free then' },
        { path: '/lokaler?q=zzzzqqqq', label: 'search without results' },
        { path: `/lokaler/${id}`, label: 'a premises page' },
        { path: '/lokaler/sokes', label: 'wanted posts' },
        { path: '/lokaler/bokningar', label: 'bookings (signed out)' },
        { path: '/lokaler/00000000-0000-4000-8000-000000000000', label: 'unknown premises' },
      ]);
    });

    it(`for an organisation admin (${locale})`, async () => {
      const tracked = await openAs(demo.organisationAdmin, { locale, bypassCSP: true });
      const id = await premisesId(tracked.page);
      const bookingId = await tracked.page.evaluate(async () => {
        const me = (await (await fetch('/api/auth/me')).json()) as { user: { memberships: { organisationId: string }[] } };
        const list = (await (await fetch(`/api/bookings?organisationId=${me.user.memberships[0].organisationId}&side=owner`)).json()) as { bookings: { id: string }[] };
        return list.bookings[0].id;
      });
      await run(tracked, locale, [
        { path: `/lokaler/${id}`, label: 'a premises page with the booking form' },
        {
          path: `/lokaler/${id}`,
          label: 'booking form with errors, weekly',
          prepare: async (page) => {
            await page.getByLabel(w.weekly).check();
            await page.getByRole('button', { name: w.send, exact: true }).click();
            await page.getByRole('alert').first().waitFor();
          },
        },
        { path: '/lokaler/bokningar?visa=till-oss', label: 'requests to us' },
        {
          path: '/lokaler/bokningar?visa=till-oss',
          label: 'approve dialog',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.approve }).first().click();
            await page.getByRole('dialog').waitFor();
          },
        },
        {
          path: '/lokaler/bokningar',
          label: 'requested by us, calendar address',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.ical }).click();
            await page.locator('#ical-url').waitFor();
          },
        },
        { path: `/lokaler/bokningar/${bookingId}`, label: 'a booking' },
        { path: '/lokaler/ny', label: 'listing form' },
        {
          path: '/lokaler/ny',
          label: 'listing form with errors',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.create }).click();
            await page.getByRole('alert').first().waitFor();
          },
        },
        { path: `/lokaler/${id}/redigera`, label: 'edit form' },
        {
          path: '/lokaler/sokes',
          label: 'wanted: new post and offer forms',
          prepare: async (page) => {
            await page.getByRole('button', { name: w.newWanted }).click();
            await page.getByRole('button', { name: w.publish }).click();
            await page.getByRole('alert').first().waitFor();
            await page.getByRole('button', { name: w.offer }).first().click();
            await page.locator('.offer-form').waitFor();
          },
        },
      ]);
    });
  }
});
