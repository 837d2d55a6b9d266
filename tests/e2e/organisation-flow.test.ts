import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseURL,
  browserSession,
  demo,
  expectHeading,
  randomOrgNumber,
  signIn,
  uniqueEmail,
} from './browser';

// The main journeys, through the UI only: sign up, sign in, find an organisation despite a typo,
// become its administrator, edit it and see the change on its profile.

const { open } = browserSession();

async function searchDirectory(page: Page, text: string, labels: { search: string; found: string }) {
  await page.getByRole('link', { name: labels.search === 'Sök organisation' ? 'Organisationer' : 'Organisations', exact: true }).first().click();
  await page.getByRole('searchbox', { name: labels.search }).fill(text);
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  await page.getByRole('status').filter({ hasText: labels.found }).waitFor();
}

describe('in Swedish', () => {
  it('a new user finds an organisation by a misspelt name, is made its administrator and edits it', async () => {
    const { page, problems } = await open();
    const email = uniqueEmail('ny-foreningsadmin');
    const name = 'Elsa Exempel';
    const password = 'Ett-langt-losenord-for-test';

    // Sign up: the account is created but not signed in.
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'Skapa konto' }).click();
    await expectHeading(page, 'Skapa konto');
    await page.getByLabel('Namn', { exact: true }).fill(name);
    await page.getByLabel('E-postadress', { exact: true }).fill(email);
    await page.getByLabel('Lösenord', { exact: true }).fill(password);
    await page.locator('main').getByRole('button', { name: 'Skapa konto' }).click();
    await page.waitForURL('**/logga-in');
    await page.getByText('Tack! Om adressen var ny är ditt konto klart').waitFor();
    expect(await page.getByLabel('E-postadress', { exact: true }).inputValue()).toBe(email);

    // Sign in.
    await page.getByLabel('Lösenord', { exact: true }).fill(password);
    await page.locator('main').getByRole('button', { name: 'Logga in' }).click();
    await page.getByText(`Inloggad som ${name}`).waitFor();

    // Find "Stadsmissionen Söderort" although the search is misspelt; the filters live in the URL.
    await searchDirectory(page, 'stadsmision', { search: 'Sök organisation', found: 'hittades.' });
    await page.getByRole('link', { name: 'Stadsmissionen Söderort' }).click();
    await expectHeading(page, 'Stadsmissionen Söderort');
    expect(await page.title()).toBe('Stadsmissionen Söderort – Mötesplatsen');

    // Ask to join.
    await page.getByRole('button', { name: 'Ansök om medlemskap' }).click();
    await page.getByText('Din ansökan är skickad').waitFor();
    await page.getByText('Din ansökan om medlemskap väntar på att godkännas.').waitFor();

    // The organisation's administrator approves the request and makes the newcomer an administrator.
    const admin = await open();
    await signIn(admin.page, demo.organisationAdmin);
    await admin.page.goto('/organisationer/stadsmissionen-soderort');
    await expectHeading(admin.page, 'Stadsmissionen Söderort');
    await admin.page.getByRole('button', { name: `Godkänn ${name}` }).click();
    await admin.page.getByText(`${name} är godkänd som medlem.`).waitFor();
    await admin.page.getByRole('button', { name: `Gör till administratör ${name}` }).click();
    await admin.page.getByText(`${name} är nu administratör.`).waitFor();

    // Back as the newcomer: now an administrator who may edit.
    await page.reload();
    await page.getByText('Du är administratör i organisationen.').waitFor();

    // Contact people older than a year are flagged and can be confirmed with one click.
    const staleContact = page.locator('.contact-card', { hasText: 'Omar Haddad' });
    await staleContact.getByText('Uppgifterna har inte bekräftats på över ett år').waitFor();
    await staleContact.getByRole('button', { name: 'Stämmer fortfarande Omar Haddad' }).click();
    await page.getByText('Uppgifterna för Omar Haddad är bekräftade.').waitFor();
    await staleContact.getByText('Uppgifterna har inte bekräftats på över ett år').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Redigera organisationen' }).click();
    await expectHeading(page, 'Redigera Stadsmissionen Söderort');
    const description = `Vi driver dagverksamhet och matutdelning i Söderort. Uppdaterad ${Date.now()}.`;
    await page.getByLabel('Beskrivning av verksamheten').fill(description);
    await page.getByRole('group', { name: 'Stadsdelar' }).getByLabel('Skärholmen').check();
    // A client-side check first: a broken website address is reported next to its field.
    await page.getByLabel('Webbplats').fill('inte en adress');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Några uppgifter behöver rättas' });
    await summary.waitFor();
    expect(await page.getByLabel('Webbplats').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Webbplats').fill('https://stadsmissionen-soderort.example.org');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();

    await expectHeading(page, 'Stadsmissionen Söderort');
    await page.getByText('Ändringarna är sparade.').waitFor();
    await page.getByText(description).waitFor();
    await page.getByRole('complementary').getByText('Skärholmen').waitFor();

    expect(problems).toEqual([]);
    expect(admin.problems).toEqual([]);
  });
});

describe('in English', () => {
  it('switches language, signs up and in, finds an organisation, registers and edits its own', async () => {
    const { page, problems } = await open();
    const email = uniqueEmail('new-admin');
    const name = 'Edward Example';
    const password = 'A-long-password-for-testing';

    await page.goto('/');
    await page.getByRole('button', { name: 'In English' }).click();
    await expectHeading(page, 'The meeting place for idea-driven organisations and the City of Stockholm');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Home – Mötesplatsen');

    // The choice survives a reload (localStorage).
    await page.reload();
    await page.getByRole('link', { name: 'Skip to main content' }).waitFor({ state: 'attached' });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByRole('banner').getByRole('link', { name: 'Create account' }).click();
    await expectHeading(page, 'Create account');
    // Errors come back in English, next to their fields.
    await page.locator('main').getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some details need correcting' }).waitFor();
    await page.getByText('The password must be at least 8 characters.').first().waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('E-mail address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.locator('main').getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/logga-in');
    await page.getByText('Thank you! If the address was new, your account is ready').waitFor();

    // A wrong password is reported (the server's message, in English).
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password.' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${name}`).waitFor();

    await searchDirectory(page, 'tensta kvinocenter', { search: 'Search organisations', found: 'found.' });
    await page.getByRole('link', { name: 'Tensta Kvinnocenter' }).waitFor();

    // Register an organisation: its creator becomes its administrator.
    await page.getByRole('link', { name: 'Register an organisation' }).click();
    await expectHeading(page, 'Register an organisation');
    const organisationName = `Example Neighbours ${Date.now().toString(36)}`;
    await page.getByLabel('Name of the organisation').fill(organisationName);
    await page.getByLabel('Organisation number').fill(randomOrgNumber());
    await page.getByLabel('Legal form').selectOption('nonProfitAssociation');
    await page.getByLabel('Size', { exact: true }).selectOption('under10');
    await page.getByLabel('Description of the activities').fill('Neighbours helping neighbours.');
    await page.getByRole('group', { name: 'Districts' }).getByLabel('Bromma').check();
    await page.getByRole('group', { name: 'Target groups' }).getByLabel('Older people').check();
    await page.getByRole('button', { name: 'Register the organisation' }).click();
    await expectHeading(page, organisationName);
    await page.getByText('The organisation is registered. You are its administrator.').waitFor();
    await page.getByText('You are administrator of the organisation.').waitFor();

    // Add a contact person, then edit the profile.
    await page.getByRole('button', { name: 'Add contact person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ella Contact');
    await page.getByLabel('Role or title').fill('Chair');
    await page.getByRole('button', { name: 'Save contact person' }).click();
    await page.getByText('Ella Contact is added as a contact person.').waitFor();
    await page.locator('.contact-card', { hasText: 'Ella Contact' }).getByText('Last confirmed').waitFor();

    await page.getByRole('link', { name: 'Edit the organisation' }).click();
    await expectHeading(page, `Edit ${organisationName}`);
    await page.getByLabel('The organisation has signed the Agreement').check();
    await page.getByLabel('Date the organisation signed').fill('2024-05-01');
    await page.getByRole('group', { name: 'Resources they can share' }).getByLabel('Volunteers').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectHeading(page, organisationName);
    await page.getByText('Your changes are saved.').waitFor();
    await page.getByText('Signed on 1 May 2024').waitFor();
    await page.getByText('Has signed the Agreement').first().waitFor();
    await page.locator('main').getByText('Volunteers', { exact: true }).waitFor();

    // The overview's bars are sized through the CSSOM, which the strict CSP allows (no inline styles).
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Overview' }).click();
    await expectHeading(page, 'Overview');
    const bar = page.locator('.bar-fill').first();
    await bar.waitFor();
    expect((await bar.boundingBox())?.width ?? 0).toBeGreaterThan(20);
    await page.getByRole('list', { name: 'Organisations by district' }).getByText('Bromma').waitFor();

    expect(problems).toEqual([]);
  });
});

describe('one person, two tabs', () => {
  it('a name saved in one tab shows in the other tab’s header without a reload', async () => {
    const { page, context, problems } = await open();
    const email = uniqueEmail('tva-flikar');
    const password = 'Ett-langt-losenord-for-test';
    const signup = await page.request.post('/api/auth/signup', { data: { name: 'Tove Tvåflik', email, password }, headers: { origin: baseURL() } });
    expect(signup.status()).toBe(202);
    await signIn(page, email, password);
    await page.goto('/');
    await page.getByText('Inloggad som Tove Tvåflik').waitFor();

    const other = await context.newPage();
    await other.goto('/konto');
    await expectHeading(other, 'Mitt konto');
    await other.getByLabel('Namn', { exact: true }).fill('Tove Nyman');
    await other.getByRole('button', { name: 'Spara namn' }).click();
    await other.getByText('Ditt namn är sparat.').waitFor();

    // The first tab hears account.changed in its own room and asks who it is again.
    await page.getByText('Inloggad som Tove Nyman').waitFor({ timeout: 5000 });
    expect(problems).toEqual([]);
  });
});
