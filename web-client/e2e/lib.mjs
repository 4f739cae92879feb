// Shared pieces of the browser journeys (run.mjs and the feature journeys beside it). A journey is started by a Java
// test extending platform-api's JourneyTest, which passes:
//   BASE_URL            the platform, e.g. http://127.0.0.1:41234
//   CHROMIUM_PATH       the browser
//   OUT_DIR             where results.json goes (the Java test checks the platform or simulator against it)
//   SCREENSHOT_DIR      where screenshots go (optional)
// and whatever the journey itself needs (users, simulator ports), named by its Java test.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

export const base = env('BASE_URL');
export const viewport = { width: 1360, height: 860 };
export const unique = Date.now().toString(36);

const outDir = env('OUT_DIR');
const screenshotDir = process.env.SCREENSHOT_DIR;

/** What the journey found; written to OUT_DIR/results.json when it ends, whether it passed or not. */
export const results = { steps: [] };

export async function launch() {
  return chromium.launch({
    executablePath: env('CHROMIUM_PATH'),
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-gpu'],
  });
}

let current;

/**
 * A picture of the product for docs/screenshots. Toasts (notifications) left by earlier steps piled over the page in
 * the pictures, so they are left out of it unless the picture is of a toast ({ toasts: true }); the page itself keeps
 * them, so steps after the picture see what they would without it.
 */
export async function shot(page, name, { toasts = false } = {}) {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // a dialog still fading in was caught half transparent over the page: finite
  // transitions are run to their end, endless ones (spinners) stopped
  await page.screenshot({
    path: join(screenshotDir, `${name}.png`),
    fullPage: false,
    animations: 'disabled',
    style: toasts ? undefined : '.mantine-Notifications-root { display: none !important; }',
  });
}

/** Runs one named step; on failure keeps a screenshot of the page last signed in as OUT_DIR/failure-<step>.png. */
export async function step(name, body) {
  const started = Date.now();
  console.log(`▶ ${name}`);
  try {
    await body();
  } catch (error) {
    if (current) {
      mkdirSync(outDir, { recursive: true });
      const file = `failure-${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
      await current.screenshot({ path: join(outDir, file) }).catch(() => undefined);
      console.log(`failed at ${current.url()} (screenshot ${file})`);
    }
    throw error;
  }
  results.steps.push({ name, ms: Date.now() - started });
}

export async function signIn(context, username, password) {
  const page = await context.newPage();
  current = page;
  page.setDefaultTimeout(30000);
  await page.goto(base + '/');
  await page.waitForURL(/\/login/);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/**
 * Signs out and checks the user is out: the app lands on its signed-out page (which starts no sign-in; it once went
 * to / and signed a user whose session at the identity server survived straight back in), and signing in again asks
 * for the password. Leaves the page on the login form.
 */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signed-out$/, { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login$/);
  await page.locator('#password').waitFor();
}

export function nav(page, name) {
  return page.getByLabel('Main').getByRole('link', { name, exact: true });
}

export async function notified(page, text) {
  await page.getByText(text).first().waitFor({ timeout: 60000 });
}

/** Writes results.json (ok = whether every step passed) and closes the browser. */
export async function finish(browser, ok) {
  results.ok = ok;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
  await browser.close();
}
