import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demo, launchBrowser, openPage, signIn, type TrackedPage } from './browser';

// axe-core on every page, in one language per test file (so the two languages run in parallel).
// Fails on violations with impact "serious" or "critical" and prints them readably.

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** A page to check: a path, optionally with something to do first (open a form's errors, …). */
interface Check {
  path: string;
  label?: string;
  prepare?: (page: Page) => Promise<void>;
}

const profile = '/organisationer/stadsmissionen-soderort';

/** Opens the first grant call in the list (their ids are made when the demo data is seeded). */
async function openFirstGrantCall(page: Page) {
  const link = page.locator('.grant-card h3 a').first();
  await link.click();
  await page.locator('#knowhow-heading').waitFor();
}

const visitorChecks = (locale: 'sv' | 'en'): Check[] => [
  { path: '/' },
  { path: '/organisationer' },
  { path: '/organisationer?q=stadsmision&stadsdel=farsta&overenskommelse=ja', label: 'directory with filters' },
  { path: '/organisationer?q=zzzzqqqq', label: 'directory without results' },
  { path: '/organisationer?sida=2', label: 'directory page 2' },
  { path: profile },
  { path: '/organisationer/finns-inte', label: 'unknown organisation' },
  { path: '/oversikt' },
  {
    path: '/oversikt',
    label: 'overview tables open',
    prepare: async (page) => {
      for (const summary of await page.locator('details summary').all()) await summary.click();
    },
  },
  { path: '/logga-in' },
  {
    path: '/logga-in',
    label: 'sign-in errors',
    prepare: async (page) => {
      await page.locator('main').getByRole('button', { name: locale === 'sv' ? 'Logga in' : 'Sign in', exact: true }).click();
      await page.getByRole('alert').first().waitFor();
    },
  },
  { path: '/skapa-konto' },
  { path: '/glomt-losenord' },
  { path: '/aterstall-losenord?token=abcdefghijklmnopqrstuvwxyz' },
  { path: '/aterstall-losenord', label: 'reset without token' },
  { path: '/tillganglighet' },
  { path: '/lokaler', label: 'premises search' },
  { path: '/lokaler?stadsdel=farsta&typ=hall&trappfritt=ja', label: 'premises search with filters' },
  { path: '/lokaler?q=Samlingssalen', label: 'a premises page', prepare: openFirstPremises },
  { path: '/lokaler/sokes', label: 'premises wanted' },
  { path: '/bidrag', label: 'grant calls' },
  { path: '/bidrag?passerade=ja&finansiar=stiftelse&q=zzzzqqqq', label: 'grant calls without results' },
  { path: '/bidrag', label: 'a grant call', prepare: openFirstGrantCall },
  { path: '/bidrag/partner', label: 'partners wanted' },
  { path: '/konto', label: 'account (signed out)' },
  { path: '/samordning/referensdata', label: 'reference data (signed out)' },
  { path: '/en-sida-som-inte-finns', label: '404' },
];

const adminChecks = (locale: 'sv' | 'en'): Check[] => [
  { path: '/', label: 'home (signed in)' },
  { path: profile, label: 'profile with edit and member tools' },
  {
    path: profile,
    label: 'profile: adding a contact',
    prepare: async (page) => {
      await page.getByRole('button', { name: locale === 'sv' ? 'Lägg till kontaktperson' : 'Add contact person' }).click();
      await page.getByRole('button', { name: locale === 'sv' ? 'Spara kontaktperson' : 'Save contact person' }).click();
      await page.getByRole('alert').first().waitFor();
    },
  },
  { path: `${profile}/redigera` },
  {
    path: `${profile}/redigera`,
    label: 'edit form with errors',
    prepare: async (page) => {
      await page.getByLabel(locale === 'sv' ? 'Organisationsnummer' : 'Organisation number').fill('123');
      await page.getByRole('button', { name: locale === 'sv' ? 'Spara ändringar' : 'Save changes' }).click();
      await page.getByRole('alert').first().waitFor();
    },
  },
  { path: '/organisationer/ny' },
  { path: '/konto' },
  { path: '/samordning/referensdata' },
  { path: '/samordning/referensdata?typ=malgrupper', label: 'reference data: target groups' },
  { path: '/admin/anvandare' },
  { path: '/admin/anvandare?q=demo', label: 'users search' },
  { path: '/bidrag', label: 'a grant call (staff)', prepare: openFirstGrantCall },
  {
    path: '/bidrag',
    label: 'editing a grant call (staff)',
    prepare: async (page) => {
      await openFirstGrantCall(page);
      await page.getByRole('link', { name: locale === 'sv' ? 'Ändra utlysningen' : 'Edit the grant call' }).click();
      await page.locator('#call-deadlines').waitFor();
    },
  },
  {
    path: '/bidrag/ny',
    label: 'grant call form with errors',
    prepare: async (page) => {
      await page.getByRole('button', { name: locale === 'sv' ? 'Lägg till utlysningen' : 'Add the grant call' }).click();
      await page.getByRole('alert').first().waitFor();
    },
  },
  { path: '/lokaler?q=Samlingssalen', label: 'a premises page (staff)', prepare: openFirstPremises },
  {
    path: '/lokaler?q=Samlingssalen',
    label: 'editing premises (staff)',
    prepare: async (page) => {
      await openFirstPremises(page);
      await page.getByRole('link', { name: locale === 'sv' ? 'Ändra lokalen' : 'Edit the premises' }).click();
      await page.locator('form.premises-form').waitFor();
    },
  },
  { path: '/lokaler/ny', label: 'list premises (staff, any organisation)' },
  { path: '/lokaler/bokningar', label: 'bookings (no organisation)' },
];

/** From a premises search, the first result's page. */
async function openFirstPremises(page: Page) {
  await page.locator('.premises-card a').first().click();
  await page.locator('.calendar-table').waitFor();
}

async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      at ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.split('\n').join('\n        ')}` : ''}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${where})\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

export function defineAxeChecks(locale: 'sv' | 'en') {
  let browser: Browser;
  const pages: TrackedPage[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.context.close()));
    await browser?.close();
  });

  async function check(tracked: TrackedPage, checks: Check[]) {
    const { page } = tracked;
    const failures: string[] = [];
    for (const item of checks) {
      await page.goto(item.path);
      await settle(page);
      if (item.prepare) await item.prepare(page);
      expect(await page.locator('html').getAttribute('lang'), item.path).toBe(locale);
      const all = await runAxe(page);
      // AXE_ALL=1 also lists minor and moderate findings, for working on them.
      if (process.env.AXE_ALL && all.length) console.log(describeViolations(`${locale} ${item.label ?? item.path}`, all));
      const violations = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (violations.length) failures.push(describeViolations(`${locale} ${item.label ?? item.path}`, violations));
    }
    if (failures.length) console.error(`axe violations:\n${failures.join('\n')}`);
    expect(failures, failures.join('\n')).toEqual([]);
  }

  it(`has no serious or critical axe violations for visitors (${locale})`, async () => {
    const tracked = await openPage(browser, { locale, bypassCSP: true });
    pages.push(tracked);
    await check(tracked, visitorChecks(locale));
  });

  it(`has no serious or critical axe violations for a signed-in administrator (${locale})`, async () => {
    const tracked = await openPage(browser, { locale, bypassCSP: true });
    pages.push(tracked);
    await signIn(
      tracked.page,
      demo.admin,
      undefined,
      locale === 'sv' ? undefined : { email: 'E-mail address', password: 'Password', submit: 'Sign in' },
    );
    await check(tracked, adminChecks(locale));
  });
}
