import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserSession,
  demo,
  DEMO_PASSWORD,
  expectHeading,
  horizontalOverflow,
  signIn,
} from './browser';

const { open } = browserSession();

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name'),
      text: (el.textContent ?? '').trim().slice(0, 80),
      type: el.getAttribute('type'),
      inMain: !!el.closest('main'),
      top: el.getBoundingClientRect().top,
      focusVisible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
    };
  });

describe('keyboard', () => {
  it('the skip link is the first stop and moves focus to the main content', async () => {
    const { page } = await open();
    await page.goto('/organisationer');
    await expectHeading(page, 'Organisationer');
    await page.keyboard.press('Tab');
    const skip = await active(page);
    expect(skip?.text).toBe('Hoppa till huvudinnehållet');
    expect(skip?.top).toBeGreaterThanOrEqual(0);
    expect(skip?.focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    expect((await active(page))?.id).toBe('main');
    await page.keyboard.press('Tab');
    expect((await active(page))?.inMain).toBe(true);
  });

  it('signing in works with the keyboard alone, and errors take focus', async () => {
    const { page, problems } = await open();
    await page.goto('/logga-in');
    await expectHeading(page, 'Logga in');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await active(page)).toMatchObject({ tag: 'input', name: 'email' });
    await page.keyboard.type(demo.member);
    await page.keyboard.press('Tab');
    expect(await active(page)).toMatchObject({ tag: 'input', name: 'password' });
    await page.keyboard.type('fel-losenord');
    await page.keyboard.press('Enter');

    // A failed attempt: the error summary is announced and focused.
    await page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord.' }).waitFor();
    expect((await active(page))?.text).toContain('Fel e-postadress eller lösenord.');

    // The summary sits just before the form: onwards to the fields.
    await page.keyboard.press('Tab');
    expect(await active(page)).toMatchObject({ tag: 'input', name: 'email' });
    await page.keyboard.press('Tab');
    expect(await active(page)).toMatchObject({ tag: 'input', name: 'password' });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Tab');
    const submit = await active(page);
    expect(submit).toMatchObject({ tag: 'button', text: 'Logga in' });
    expect(submit?.focusVisible).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByText('Inloggad som Maja Medlem').waitFor();
    await page.getByText('Du är inloggad.').waitFor();
    // After navigation, focus lands on the new page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.title()).toBe('Start – Mötesplatsen');
    expect(problems).toEqual([]);
  });
});

describe('320 px wide screens', () => {
  const width = 320;

  async function expectNoSidewaysScroll(page: Page, path: string) {
    await page.goto(path);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `${path} is wider than ${width}px: ${overflow.offenders.join('; ')}`).toBeLessThanOrEqual(overflow.clientWidth);
  }

  async function expectLargeTouchTargets(page: Page) {
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input:not([type=checkbox]):not([type=radio]), select, .main-nav a, .button')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ label: (el.textContent || el.getAttribute('name') || el.id).trim().slice(0, 40), height: el.getBoundingClientRect().height }))
        .filter((target) => target.height < 43.5),
    );
    expect(small).toEqual([]);
  }

  it('on a phone, the page does not jump when the header learns who one is (a late tap lands where aimed)', async () => {
    const { page } = await open({ width, height: 640 });
    // Who-am-I answers late, as on a slow mobile network.
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/api/auth/me', async (route) => {
      await answered;
      await route.continue();
    });
    await page.goto('/logga-in');
    const button = page.locator('main').getByRole('button', { name: 'Logga in', exact: true });
    await button.waitFor();
    const before = (await button.boundingBox())!.y;
    answer();
    await page.locator('header').getByRole('link', { name: 'Logga in' }).waitFor();
    const after = (await button.boundingBox())!.y;
    expect(after).toBe(before);
  });

  it('the directory and a profile fit without horizontal scrolling (visitor)', async () => {
    const { page } = await open({ width, height: 640 });
    await expectNoSidewaysScroll(page, '/organisationer');
    await expectLargeTouchTargets(page);
    await expectNoSidewaysScroll(page, '/organisationer?q=stadsmision');
    await expectNoSidewaysScroll(page, '/organisationer/stadsmissionen-soderort');
    await expectNoSidewaysScroll(page, '/');
    await expectNoSidewaysScroll(page, '/oversikt');
  });

  it('a profile with editing tools and the edit form fit as well (organisation admin, English)', async () => {
    const { page } = await open({ width, height: 640, locale: 'en' });
    await signIn(page, demo.organisationAdmin, undefined, { email: 'E-mail address', password: 'Password', submit: 'Sign in' });
    await expectNoSidewaysScroll(page, '/organisationer/stadsmissionen-soderort');
    await expectLargeTouchTargets(page);
    await expectNoSidewaysScroll(page, '/organisationer/stadsmissionen-soderort/redigera');
    await expectNoSidewaysScroll(page, '/organisationer');
  });
});
