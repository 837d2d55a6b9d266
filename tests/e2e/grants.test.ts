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
  signIn,
  signInLabels,
  stillSamePage,
} from './browser';

// Grant know-how in a real browser: a member adds a call and finds it in deadline order; another
// organisation offers know-how and it appears live for the first; asking for help; a PDF shared and
// downloaded as an attachment; every grants page passes axe in both languages, fits 320 px, and a
// call can be followed with the keyboard alone.

const { open, openAs } = browserSession();

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** A local date (YYYY-MM-DD) `days` from today in Stockholm. */
function stockholmDate(days: number) {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

/** Adds a call through the form and returns its page's path. */
async function addCall(page: Page, title: string, deadline: string) {
  await page.goto('/bidrag');
  await page.getByRole('link', { name: 'Lägg till en utlysning' }).click();
  await expectHeading(page, 'Lägg till en utlysning');
  await page.getByLabel('Typ av finansiär').selectOption('foundation');
  await page.getByLabel('Finansiärens namn').fill('Stiftelsen Provfonden');
  await page.getByLabel('Rubrik', { exact: true }).fill(title);
  await page.getByLabel('Länk till utlysningen').fill('https://example.org/utlysning');
  await page.getByLabel('Lägsta belopp (kr)').fill('10 000');
  await page.getByLabel('Högsta belopp (kr)').fill('50000');
  await page.getByLabel('Datum 1', { exact: true }).fill(deadline);
  await page.getByRole('button', { name: 'Lägg till utlysningen' }).click();
  await expectHeading(page, title);
  await page.getByText('Utlysningen är tillagd.').waitFor();
  return new URL(page.url()).pathname;
}

describe('grant know-how', () => {
  it('a member adds a call that lists by deadline; another organisation offers know-how live; asking for help; a PDF is shared and downloaded', async () => {
    const fredrik = await openAs(demo.organisationAdmin); // Stadsmissionen Söderort
    const maja = await openAs(demo.member); // Stadsmissionen Söderort and Rinkeby Ungdomsforum
    const id = stamp();
    const title = `Bidrag för läxhjälp ${id}`;
    const deadline = stockholmDate(3);

    // The form says what is wrong next to each field, and keeps the values.
    await fredrik.page.goto('/bidrag/ny');
    await expectHeading(fredrik.page, 'Lägg till en utlysning');
    await fredrik.page.getByRole('button', { name: 'Lägg till utlysningen' }).click();
    await fredrik.page.getByRole('alert').filter({ hasText: 'Några uppgifter behöver rättas' }).waitFor();
    await fredrik.page.locator('#call-title-error').waitFor();
    expect(await fredrik.page.getByLabel('Rubrik', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await fredrik.page.locator('#call-deadlines .field-error').first().waitFor();
    // Deadline rows can be added and removed.
    await fredrik.page.getByRole('button', { name: 'Lägg till ett datum' }).click();
    await fredrik.page.getByLabel('Datum 2', { exact: true }).waitFor();
    await fredrik.page.getByRole('button', { name: 'Ta bort datum 2' }).click();
    expect(await fredrik.page.getByLabel('Datum 2', { exact: true }).count()).toBe(0);

    const callPath = await addCall(fredrik.page, title, deadline);
    await fredrik.page.getByText('10 000–50 000 kr').waitFor();

    // In the list, open calls come by their next deadline.
    await fredrik.page.goto('/bidrag');
    await fredrik.page.getByRole('link', { name: title }).waitFor();
    const dates = await fredrik.page.locator('.grant-card .grant-card-facts dd time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort()).toEqual(dates);
    expect(dates).toContain(deadline);
    await fredrik.page.locator('.grant-card', { hasText: title }).getByText('3 dagar kvar').waitFor();
    // A filter narrows the list and lives in the URL.
    await fredrik.page.getByLabel('Sök utlysningar').fill(id);
    await fredrik.page.waitForURL((url) => url.searchParams.get('q') === id);
    await expect.poll(() => fredrik.page.locator('.grant-card').count()).toBe(1);
    await fredrik.page.getByLabel('Typ av finansiär').selectOption({ label: 'EU' });
    await fredrik.page.waitForURL((url) => url.searchParams.get('finansiar') === 'eu');
    await fredrik.page.getByText('Inga utlysningar matchar filtren.').waitFor();

    // Fredrik watches the call's page; Maja offers know-how for her other organisation.
    await fredrik.page.goto(callPath);
    await expectHeading(fredrik.page, title);
    await fredrik.page.getByText('Ingen organisation har berättat om erfarenhet av den här utlysningen ännu.').waitFor();
    await markDocument(fredrik.page);

    await maja.page.goto(callPath);
    await expectHeading(maja.page, title);
    const offer = maja.page.locator('form', { has: maja.page.getByRole('heading', { name: 'Vi kan hjälpa till' }) });
    await offer.getByLabel('Organisation').selectOption({ label: 'Rinkeby Ungdomsforum' });
    await offer.getByLabel('Har sökt bidraget').check();
    await offer.getByLabel('År').fill('2025');
    await offer.getByLabel('Vad kan ni hjälpa till med?').fill(`Vi sökte förra året och kan läsa er budget ${id}.`);
    await offer.getByRole('button', { name: 'Erbjud hjälp' }).click();
    await maja.page.getByText('Tack! Rinkeby Ungdomsforum står nu bland organisationerna som kan hjälpa.').waitFor();

    const knowHow = fredrik.page.getByRole('region', { name: 'Organisationer som kan hjälpa' });
    await knowHow.getByRole('link', { name: 'Rinkeby Ungdomsforum' }).waitFor({ timeout: 5000 });
    await knowHow.getByText('Har sökt bidraget (2025)').waitFor();
    await expect.poll(() => announcer(fredrik.page).textContent()).toContain('Rinkeby Ungdomsforum kan hjälpa till med utlysningen.');
    expect(await stillSamePage(fredrik.page)).toBe(true);

    // Fredrik asks for help (one organisation: no choice to make); it appears live for Maja.
    const ask = fredrik.page.locator('form', { has: fredrik.page.getByRole('heading', { name: 'Vi behöver hjälp' }) });
    await ask.getByText('För Stadsmissionen Söderort').waitFor();
    await ask.getByLabel('Vad behöver ni hjälp med?').fill(`Hur skriver man målgruppsbeskrivningen? ${id}`);
    await ask.getByRole('button', { name: 'Be om hjälp' }).click();
    await ask.getByText('Din fråga är publicerad.').waitFor();
    const help = maja.page.getByRole('region', { name: 'Söker hjälp' });
    await help.getByText(`Hur skriver man målgruppsbeskrivningen? ${id}`).waitFor({ timeout: 5000 });
    await expect.poll(() => announcer(maja.page).textContent()).toContain('Stadsmissionen Söderort ber om hjälp.');

    // Maja shares her organisation's budget with its know-how (a link); it appears under the
    // know-how, live for Fredrik, who cannot add documents to another organisation's know-how.
    const ownKnowHow = maja.page.getByRole('region', { name: 'Organisationer som kan hjälpa' });
    await ownKnowHow.getByText('Dela ett dokument från Rinkeby Ungdomsforum (mall, budget, exempel)').click();
    const linkForm = ownKnowHow.locator('form', { has: maja.page.getByRole('heading', { name: 'Dela en länk' }) });
    await linkForm.getByLabel('Titel').fill(`Budget ${id}`);
    await linkForm.getByLabel('Länk', { exact: true }).fill('https://example.org/budget.xlsx');
    await linkForm.getByRole('button', { name: 'Dela länken' }).click();
    await linkForm.getByText(`Budget ${id} är delat.`).waitFor();
    await knowHow.getByRole('link', { name: `Budget ${id}` }).waitFor({ timeout: 5000 });
    expect(await fredrik.page.getByRole('heading', { name: 'Dokument från Rinkeby Ungdomsforum' }).count()).toBe(1);
    expect(await knowHow.getByText('Dela ett dokument från Rinkeby Ungdomsforum (mall, budget, exempel)').count()).toBe(0);

    // A file whose contents are not what its name says is refused next to the field.
    const upload = fredrik.page.locator('form', { has: fredrik.page.getByRole('heading', { name: 'Ladda upp en fil' }) });
    await upload.getByText('Högst 5 MB').waitFor();
    await upload.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'budget.pdf', mimeType: 'application/pdf', buffer: Buffer.from('detta är ingen pdf\n') });
    await upload.getByRole('button', { name: 'Ladda upp' }).click();
    await upload.locator('#doc-file-file-error').waitFor();
    expect(await upload.locator('#doc-file-file-error').textContent()).toMatch(/\.pdf/);

    // A real (tiny) PDF is shared, appears live for Maja, and downloads as an attachment.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await upload.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'ansökningsmall.pdf', mimeType: 'application/pdf', buffer: pdf });
    await upload.getByLabel('Titel').fill(`Mall ${id}`);
    await upload.getByRole('button', { name: 'Ladda upp' }).click();
    await upload.getByText(`Mall ${id} är delat.`).waitFor();
    const documents = fredrik.page.getByRole('region', { name: 'Delade dokument' });
    const link = documents.getByRole('link', { name: `Mall ${id}` });
    await link.waitFor();
    await maja.page.getByRole('region', { name: 'Delade dokument' }).getByRole('link', { name: `Mall ${id}` }).waitFor({ timeout: 5000 });
    const href = (await link.getAttribute('href'))!;
    const response = await fredrik.context.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).equals(pdf)).toBe(true);

    // The organisation's profile lists its know-how.
    await maja.page.goto('/organisationer/rinkeby-ungdomsforum');
    const section = maja.page.getByRole('region', { name: 'Bidragskunskap' });
    await section.getByRole('link', { name: title }).waitFor();

    expect(fredrik.problems).toEqual([]);
    expect(maja.problems).toEqual([]);
  });

  it('the coordinator enters know-how for an organisation they do not belong to, with its document', async () => {
    const { page, problems } = await openAs(demo.coordinator);
    const id = stamp();
    const title = `Bidrag för föreningsdata ${id}`;
    const callPath = await addCall(page, title, stockholmDate(20));
    await page.goto(callPath);
    await settle(page);
    const offer = page.locator('form', { has: page.getByRole('heading', { name: 'Vi kan hjälpa till' }) });
    await offer.getByLabel('Organisation').selectOption({ label: 'Kista Tech för Alla' });
    await offer.getByLabel('Har fått bidraget').check();
    await offer.getByLabel('Vad kan ni hjälpa till med?').fill(`Berättade på dialogmötet att de kan läsa budgetar ${id}.`);
    await offer.getByRole('button', { name: 'Erbjud hjälp' }).click();
    await page.getByText('Tack! Kista Tech för Alla står nu bland organisationerna som kan hjälpa.').waitFor();
    const knowHow = page.getByRole('region', { name: 'Organisationer som kan hjälpa' });
    await knowHow.getByText('Dela ett dokument från Kista Tech för Alla (mall, budget, exempel)').click();
    const linkForm = knowHow.locator('form', { has: page.getByRole('heading', { name: 'Dela en länk' }) });
    await linkForm.getByLabel('Titel').fill(`Budgetmall ${id}`);
    await linkForm.getByLabel('Länk', { exact: true }).fill('https://example.org/budgetmall');
    await linkForm.getByRole('button', { name: 'Dela länken' }).click();
    await knowHow.getByRole('link', { name: `Budgetmall ${id}` }).waitFor();
    // The organisation's profile shows the know-how the coordinator entered.
    await page.goto('/organisationer/kista-tech-for-alla');
    await page.getByRole('region', { name: 'Bidragskunskap' }).getByRole('link', { name: title }).waitFor();
    expect(problems).toEqual([]);
  });

  it('follows a call with the keyboard alone', async () => {
    const { page, problems } = await openAs(demo.member);
    await page.goto('/bidrag');
    const first = page.locator('.grant-card h3 a').first();
    await first.waitFor();
    await page.goto((await first.getAttribute('href'))!);
    await settle(page);
    const button = page.getByRole('button', { name: 'Följ utlysningen' });
    const before = await button.getAttribute('aria-pressed');
    // Tab from the top of the page to the follow button.
    await page.locator('body').focus();
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await button.evaluate((el) => el === document.activeElement);
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    const after = before === 'true' ? 'false' : 'true';
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe(after);
    await expect.poll(() => announcer(page).textContent()).toMatch(after === 'true' ? /Du följer nu/ : /Du följer inte längre/);
    // Space toggles it back.
    await page.keyboard.press('Space');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe(before);
    expect(problems).toEqual([]);
  });

  it('fits a 320 px screen', async () => {
    const { page } = await openAs(demo.member, { width: 320, height: 640 });
    await page.goto('/bidrag');
    await settle(page);
    const first = page.locator('.grant-card h3 a').first();
    const callPath = (await first.getAttribute('href'))!;
    for (const path of ['/bidrag', callPath, '/bidrag/ny', '/bidrag/partner']) {
      await page.goto(path);
      await settle(page);
      const overflow = await horizontalOverflow(page);
      expect(overflow.offenders, `${path}: ${JSON.stringify(overflow)}`).toEqual([]);
      expect(overflow.scrollWidth, path).toBeLessThanOrEqual(overflow.clientWidth);
    }
  });

  for (const locale of ['sv', 'en'] as const) {
    it(`has no serious or critical axe violations on the grants pages (${locale})`, async () => {
      const tracked = await open({ locale, bypassCSP: true });
      const { page } = tracked;
      await page.goto('/bidrag');
      await settle(page);
      const callPath = (await page.locator('.grant-card h3 a').first().getAttribute('href'))!;
      const failures: string[] = [];
      const check = async (label: string) => failures.push(...(await seriousAxeViolations(page, `${locale} ${label}`)));
      for (const path of ['/bidrag', '/bidrag?passerade=ja&finansiar=stiftelse', callPath, '/bidrag/partner']) {
        await page.goto(path);
        await settle(page);
        await check(`visitor ${path}`);
      }
      await signIn(page, demo.member, undefined, signInLabels[locale]);
      for (const path of ['/bidrag', callPath, '/bidrag/ny', '/bidrag/partner', '/organisationer/rinkeby-ungdomsforum']) {
        await page.goto(path);
        await settle(page);
        await check(`member ${path}`);
      }
      // A form with its errors shown.
      await page.goto('/bidrag/ny');
      await settle(page);
      await page.getByRole('button', { name: locale === 'sv' ? 'Lägg till utlysningen' : 'Add the grant call' }).click();
      await page.getByRole('alert').first().waitFor();
      await check('call form with errors');
      await page.goto(callPath);
      await settle(page);
      await page.getByRole('button', { name: locale === 'sv' ? 'Erbjud hjälp' : 'Offer help' }).click().catch(() => undefined);
      await check('call page with form errors');
      // The document forms under the member's own organisation's know-how (demo: Rinkeby Ungdomsforum on MUCF's call).
      await page.goto('/bidrag');
      await settle(page);
      await page.getByRole('link', { name: 'Projektbidrag för ungas inflytande och delaktighet' }).click();
      const share = page.getByText(locale === 'sv' ? 'Dela ett dokument från Rinkeby Ungdomsforum' : 'Share a document from Rinkeby Ungdomsforum');
      await share.click();
      await page.getByRole('heading', { name: locale === 'sv' ? 'Dela en länk' : 'Share a link' }).first().waitFor();
      await check('know-how document forms');
      expect(failures, failures.join('\n')).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    });
  }
});
