import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { DEMO_PASSWORD } from '../../server/db/seed/demo-users';
import { luhnValid } from '../../shared/validation';

export { DEMO_PASSWORD };

export const demo = {
  admin: 'admin@demo.motesplatsen.se',
  coordinator: 'samordnare@demo.motesplatsen.se',
  official: 'tjansteperson@demo.motesplatsen.se',
  organisationAdmin: 'foreningsadmin@demo.motesplatsen.se',
  member: 'medlem@demo.motesplatsen.se',
} as const;

export const baseURL = () => inject('baseURL');

/** Debian's Chromium; never a browser downloaded by a test tool. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface PageOptions {
  locale?: 'sv' | 'en';
  width?: number;
  height?: number;
  /** Only for injecting axe-core: the app's CSP rightly refuses inline scripts. */
  bypassCSP?: boolean;
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors and CSP violations seen so far. */
  problems: string[];
}

export async function openPage(browser: Browser, options: PageOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    bypassCSP: options.bypassCSP ?? false,
    locale: options.locale === 'en' ? 'en-GB' : 'sv-SE',
    reducedMotion: 'reduce',
  });
  if (options.locale) {
    const locale = options.locale;
    await context.addInitScript((value) => {
      if (!localStorage.getItem('motesplatsen.locale')) localStorage.setItem('motesplatsen.locale', value);
    }, locale);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // 4xx answers the test provokes on purpose (wrong password, 404 page) are logged by Chromium.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) {
      problems.push(`console error: ${text}`);
    }
  });
  return { context, page, problems };
}

/** Waits for the page's h1 to read `text` (client-side navigation is asynchronous). */
export async function expectHeading(page: Page, text: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: text, exact: typeof text === 'string' }).waitFor();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, labels = { email: 'E-postadress', password: 'Lösenord', submit: 'Logga in' }) {
  await page.goto('/logga-in');
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.locator('main').getByRole('button', { name: labels.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/logga-in');
}

let counter = 0;
export function uniqueEmail(prefix: string) {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@e2e.example.org`;
}

/** A random organisation number that passes the Luhn check (NNNNNN-NNNN). */
export function randomOrgNumber(): string {
  const head = `80${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  for (let check = 0; check <= 9; check++) {
    const digits = `${head}${check}`;
    if (luhnValid(digits)) return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  }
  throw new Error('unreachable');
}

/** The document must not be wider than the viewport (no sideways scrolling). */
export async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const offenders = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
}

/** Full-page screenshots of every open page into test-results/ (git-ignored), for a failed test. */
export async function saveScreenshots(pages: TrackedPage[], testName: string) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir('test-results', { recursive: true });
  const slug = testName.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
  await Promise.all(
    pages.map(async ({ page }, index) => {
      if (page.isClosed()) return;
      const file = `test-results/${slug}-${index + 1}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`screenshot: ${file} (${page.url()})`);
    }),
  );
}

/** The same sign-in, in either language. */
export const signInLabels = {
  sv: { email: 'E-postadress', password: 'Lösenord', submit: 'Logga in' },
  en: { email: 'E-mail address', password: 'Password', submit: 'Sign in' },
} as const;

/** The app's polite live region (see client/src/lib/announcer.tsx). */
export const announcer = (page: Page) => page.locator('[data-testid=announcer]');

/** Marks the document; `stillSamePage` is then true only if the page has not been reloaded. */
export async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __e2eMark?: boolean }).__e2eMark = true;
  });
}
export async function stillSamePage(page: Page) {
  return page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark === true);
}

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core on the current page (open it with bypassCSP: true); the serious and critical findings,
 * described readably (empty when there are none).
 */
export async function seriousAxeViolations(page: Page, where: string): Promise<string[]> {
  const { createRequire } = await import('node:module');
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `[${v.impact}] ${v.id}: ${v.help} (${where})\n${v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').split('\n').join('\n      ')}`).join('\n')}`);
}

/**
 * One browser per test file, pages opened through it closed after each test (with screenshots of
 * them when the test failed). Call at the top of a test file.
 */
export function browserSession() {
  let browser: Browser;
  const opened: TrackedPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await saveScreenshots(opened, context.task.name);
    await Promise.all(opened.splice(0).map((p) => p.context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (options: PageOptions = {}) => {
    const tracked = await openPage(browser, options);
    opened.push(tracked);
    return tracked;
  };
  const openAs = async (email: string, options: PageOptions = {}) => {
    const tracked = await open(options);
    await signIn(tracked.page, email, undefined, signInLabels[options.locale ?? 'sv']);
    return tracked;
  };
  return { open, openAs };
}
