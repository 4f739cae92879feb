/* global window, document -- functions passed to page.evaluate run in the browser */
// "Who is online": a subscriber dials in while the live table is open and appears without a reload, its speed chart
// receives samples, and a kick from the table ends the session. Started by platform-api's LiveJourneyTests, which passes
// LIVE_USER/LIVE_PASS (an operator of a tenant with one simulated router), SUBSCRIBER (its user name) and
// SUBSCRIBER_ID, and dials the subscriber in when this script writes OUT_DIR/dial-in. Shared pieces: lib.mjs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, finish, launch, nav, results, shot, signIn, step, viewport } from './lib.mjs';

const username = env('SUBSCRIBER');
const browser = await launch();
let ok = false;

try {
  const context = await browser.newContext({ viewport });
  let page;
  const row = () => page.getByRole('table', { name: 'Online sessions' }).getByRole('row').filter({ hasText: username });

  await step('open the live table', async () => {
    page = await signIn(context, env('LIVE_USER'), env('LIVE_PASS'));
    await nav(page, 'Who is online').click();
    await page.getByRole('heading', { name: 'Who is online' }).waitFor();
    await page.getByTestId('online-total').filter({ hasText: /online/ }).waitFor();
    assert.equal(await row().count(), 0, `${username} is not online yet`);
    // a reload would drop this marker
    await page.evaluate(() => {
      window.__liveJourney = true;
    });
  });

  await step('a login on the router appears without a reload', async () => {
    writeFileSync(join(env('OUT_DIR'), 'dial-in'), 'now');
    await row().waitFor({ timeout: 30000 });
    assert.equal(await page.evaluate(() => window.__liveJourney), true, 'the page was not reloaded');
    await page.getByTestId('online-total').filter({ hasText: '1 online' }).waitFor();
    await page.getByLabel('Online per router').getByText('edge-1').waitFor();
    // the online-for cell is written by the table's one timer, not rendered (ADR 0221): it still moves on
    const onlineFor = row().getByRole('cell').nth(5);
    const first = await onlineFor.textContent();
    assert.match(first, /^\d+m \d\ds$/, `online for: ${first}`);
    await page.waitForFunction(
      ([name, before]) => {
        const cells = [...document.querySelectorAll('[data-testid=live-rows] [role=row]')].find((r) => r.textContent.includes(name))?.querySelectorAll('[role=cell]');
        const now = cells?.[5]?.textContent;
        return now && now !== before;
      },
      [username, first],
      { timeout: 15000 },
    );
    // the table orders by user name from its header, and the order is in the address
    await page.getByRole('button', { name: 'Sort by user name' }).click();
    await page.locator('[role=columnheader][aria-sort=ascending]').filter({ hasText: 'User name' }).waitFor();
    assert.match(page.url(), /[?&]sort=username/);
    await row().waitFor();
    await shot(page, 'live-sessions');
  });

  await step('the speed chart receives samples', async () => {
    await row().getByRole('link', { name: username }).click();
    await page.getByRole('heading', { name: username }).waitFor();
    await page.getByTestId('session-state').filter({ hasText: 'Online on edge-1' }).waitFor();
    const chart = page.getByTestId('live-chart');
    // ten seconds of samples, so the screenshot shows a line rather than a dot
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=live-chart]')?.getAttribute('data-samples')) >= 10, null, {
      timeout: 60000,
    });
    results.samples = Number(await chart.getAttribute('data-samples'));
    await page.getByTestId('speed-now').filter({ hasText: /Mbit\/s|kbit\/s/ }).waitFor();
    // the byte totals come from the minute's counter sample: before it the page says when, not "0 B" (ADR 0211)
    results.bytes = await page.getByTestId('session-bytes').textContent();
    assert.match(results.bytes, /^Bytes counted every minute — first count (by \d|not in yet)|· counted \d/, results.bytes);
    await shot(page, 'subscriber-live');
  });

  await step('kick from the table with confirmation; the row goes', async () => {
    await nav(page, 'Who is online').click();
    await row().waitFor();
    await row().getByRole('button', { name: `Kick ${username}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/recorded in the command log/).waitFor();
    await dialog.getByRole('button', { name: 'Kick', exact: true }).click();
    await row().waitFor({ state: 'detached', timeout: 60000 });
    await page.getByTestId('online-total').filter({ hasText: '0 online' }).waitFor();
  });

  ok = true;
} catch (error) {
  console.error(error);
} finally {
  await finish(browser, ok);
}
