// The network operations journey (issue 13, routers / alerts / lifecycle settings). Started by platform-api's
// NetworkOperationsJourneyTests, which passes USER/PASS (a tenant admin), ROUTER_NAME (a router it created on a
// RouterOS simulator), ALERT_RULE (a CPU rule that opens at once) and WEBHOOK_URL (a receiver it runs). Things only
// the Java side can do (overload the simulator, change it at its console, run the lifecycle evaluation) are asked for
// through request files in OUT_DIR that the Java test answers (see hook()).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, finish, launch, nav, notified, results, shot, signIn, step, viewport } from './lib.mjs';

const outDir = env('OUT_DIR');
const routerName = env('ROUTER_NAME');
const ruleName = env('ALERT_RULE');

/** Asks the Java test to act (overload, change, notice) and waits until it says it has. */
async function hook(name) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `request-${name}`), '');
  const deadline = Date.now() + 60000;
  while (!existsSync(join(outDir, `done-${name}`))) {
    if (Date.now() > deadline) throw new Error(`the Java test did not answer ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const browser = await launch();
let ok = false;
try {
  const context = await browser.newContext({ viewport });
  let page;
  await step('tenant admin signs in', async () => {
    page = await signIn(context, env('USER'), env('PASS'));
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  // ---- lifecycle settings: policy, a template with its preview, a webhook with its secret and a test delivery
  await step('lifecycle: set the policy', async () => {
    await nav(page, 'Lifecycle & notices').click();
    await page.getByRole('heading', { name: 'Lifecycle & notices' }).waitFor();
    const enabled = page.getByLabel('Walk subscribers from notices to grace to suspension');
    if (!(await enabled.isChecked())) await enabled.check({ force: true });
    await page.getByLabel('Notices (days before the expiry)').fill('3, 1');
    await page.getByLabel('Grace days').fill('0');
    await page.getByLabel('Send hour').fill('0');
    await page.getByLabel('Time zone').fill('UTC');
    await page.getByLabel('Skip dates').fill('2026-02-30');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByRole('button', { name: 'Save policy' }).click();
    // a date that does not exist is refused before anything is sent
    await page.getByText('2026-02-30 is not a date (YYYY-MM-DD).').waitFor();
    await page.getByRole('button', { name: 'Remove 2026-02-30' }).click();
    await page.getByLabel('Skip dates').fill('2026-12-25');
    await page.getByRole('button', { name: 'Add date' }).click();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await notified(page, 'Saved.');
    await shot(page, 'lifecycle-policy');
  });

  await step('lifecycle: a plan with its own notices and grace, then back to the policy', async () => {
    await page.getByRole('tab', { name: 'Plan overrides' }).click();
    const form = page.getByRole('form', { name: 'Plan override' });
    await form.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: 'Home 20', exact: true }).click();
    await form.getByLabel('Grace days').fill('91');
    await form.getByRole('button', { name: 'Save plan override' }).click();
    await form.getByText('From 0 to 90 days.').waitFor();
    // the same values as the policy, so the notices the journey expects later still go out
    await form.getByLabel('Notices (days before the expiry)').fill('1, 3');
    await form.getByLabel('Grace days').fill('0');
    await form.getByRole('button', { name: 'Save plan override' }).click();
    await notified(page, 'Home 20 has its own values.');
    const row = page.getByRole('table', { name: 'Plan overrides' }).getByRole('row').filter({ hasText: 'Home 20' });
    await row.filter({ hasText: '3, 1' }).waitFor();
    await shot(page, 'lifecycle-plan-overrides');
    await row.getByRole('button', { name: 'Remove' }).click();
    await notified(page, 'Home 20 follows the policy again.');
    await page.getByText('No plan has its own values.').waitFor();
  });

  await step('lifecycle: edit the notice text and see its preview', async () => {
    await page.getByRole('tab', { name: 'Templates' }).click();
    await page.getByRole('row', { name: /Expiry notice email/ }).getByRole('button').click();
    await page.getByLabel('Subject').fill('[netops] Your subscription ends on {{expiresOn}}');
    // the preview shows the text as typed, before it is saved
    await page.getByTestId('template-preview').getByText(/^\[netops\] Your subscription ends on \d{4}-\d{2}-\d{2}$/).waitFor();
    await page.getByRole('button', { name: 'Save text' }).click();
    await notified(page, 'Saved.');
    // 'Saved.' is also the policy's earlier notice: the row turning 'own' is this save's
    await page.getByRole('row', { name: /Expiry notice email/ }).getByText('own', { exact: true }).waitFor();
    await shot(page, 'lifecycle-templates');
  });

  await step('lifecycle: add a webhook, keep its secret, send a test', async () => {
    await page.getByRole('tab', { name: 'Channels' }).click();
    await page.getByLabel('Endpoint URL').fill(env('WEBHOOK_URL'));
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByTestId('secret');
    await secret.waitFor();
    results.webhookSecret = (await secret.textContent()).trim();
    assert.match(results.webhookSecret, /^whsec_/);
    await page.getByRole('button', { name: 'Send test' }).click();
    await notified(page, 'Test event queued');
    const log = page.getByRole('dialog');
    for (let i = 0; i < 60; i++) {
      if (await log.locator('[data-testid=delivery-row][data-status=SENT]').count()) break;
      await log.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(500);
    }
    await log.locator('[data-testid=delivery-row][data-status=SENT]').getByText('webhook.tested').waitFor({ timeout: 5000 });
    await shot(page, 'lifecycle-webhook-test');
    await page.keyboard.press('Escape');
    await hook('notice');
  });

  // ---- alerts: a toast when the simulator is overloaded, acknowledged with a note; the rules editor validates
  await step('alerts: an overload opens an alert that arrives as a toast', async () => {
    await nav(page, 'Alerts').click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    // the alert stream reports alerts from its start on: the header's live status says when the server acknowledged
    // the page's subscriptions (the list also re-reads then, so an alert opened just before is shown anyway)
    await page.locator('[data-testid=live-status][data-state=live]').waitFor({ timeout: 60000 });
    // the toast is watched for from before the alert opens: it closes itself after 15 s, which the hook's answer
    // (a health check and a sweep on a loaded machine) could outlast, so looking only once the hook returned missed it
    await Promise.all([page.getByText(`Alert: ${ruleName}`).waitFor({ timeout: 60000 }), hook('overload')]);
    await shot(page, 'alert-toast', { toasts: true });
    // the open list follows the same stream, without a reload: the state the next step needs, which stays
    await page.locator('[data-testid=alert-row]').filter({ hasText: ruleName }).waitFor();
  });

  await step('alerts: acknowledge with a note', async () => {
    await page.getByRole('link', { name: 'Open alerts' }).click();
    const row = page.locator('[data-testid=alert-row][data-state=OPEN]').filter({ hasText: ruleName });
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByLabel('Note').fill('On it: the journey');
    await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge' }).click();
    await notified(page, 'Acknowledged.');
    // the segmented control's radios are visually hidden: its labels take the click
    await page.locator('label[for$="-acknowledged"]').click();
    await page.locator('[data-testid=alert-row][data-state=ACKNOWLEDGED]').filter({ hasText: 'On it: the journey' }).waitFor();
    await shot(page, 'alerts');
  });

  await step('alerts: the rules editor refuses a threshold out of range', async () => {
    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Name').fill('Too low');
    await dialog.getByLabel('CPU load above (%)').fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('A percentage from 1 to 100.').waitFor();
    await shot(page, 'alert-rule-editor');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  // ---- routers: history charts, two backups around a change made at the router's console, their diff
  await step('router: history charts', async () => {
    await nav(page, 'Routers').click();
    await page.getByRole('link', { name: routerName }).click();
    await page.getByRole('heading', { name: routerName }).waitFor();
    await page.getByRole('img', { name: 'CPU load chart' }).waitFor();
    assert.ok(Number(await page.getByRole('img', { name: 'CPU load chart' }).getAttribute('data-points')) >= 1);
    await page.getByRole('img', { name: 'CPU load chart' }).scrollIntoViewIfNeeded();
    await shot(page, 'router-history');
  });

  await step('router: a backup, a change on the router, another backup, their diff', async () => {
    const take = async (count) => {
      await page.getByRole('button', { name: 'Take backup now' }).click();
      await page.locator('[data-testid=operation-progress][data-status=SUCCEEDED]').waitFor({ timeout: 120000 });
      await page.getByTestId('backup-row').nth(count - 1).waitFor({ timeout: 30000 });
    };
    await take(1);
    await hook('change');
    await take(2);
    const boxes = page.getByRole('checkbox', { name: /Compare the export of/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Compare selected' }).click();
    const diff = page.getByTestId('backup-diff');
    await diff.locator('tr[data-kind=ADDED]').filter({ hasText: `${routerName}-renamed` }).waitFor();
    await diff.locator('tr[data-kind=REMOVED]').filter({ hasText: `name=${routerName}` }).first().waitFor();
    results.diffAdded = (await diff.locator('tr[data-kind=ADDED]').allTextContents()).map((text) => text.trim());
    await shot(page, 'backup-diff');
    await page.keyboard.press('Escape');
  });

  await step('router: the backup schedule dialog', async () => {
    await page.getByRole('button', { name: 'Schedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scheduled backups' });
    await dialog.getByLabel('Every (hours)').waitFor();
    await shot(page, 'backup-schedule');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  await step('router: download the newest export', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-row').first().getByRole('button', { name: 'Download' }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^${routerName}-.*\\.rsc$`));
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, new RegExp(`set name=${routerName}-renamed`));
    results.downloaded = text.length;
  });

  await step('router: restore asks for the router name and says what happens', async () => {
    await page.getByTestId('backup-row').first().getByRole('button', { name: 'Restore' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The configuration is imported on the running router').waitFor();
    const restore = dialog.getByRole('button', { name: 'Restore', exact: true });
    assert.equal(await restore.isDisabled(), true);
    await dialog.getByLabel(`Type RESTORE ${routerName} to go ahead`).fill(`RESTORE ${routerName}`);
    assert.equal(await restore.isDisabled(), false);
    await shot(page, 'backup-restore-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  ok = true;
} finally {
  await finish(browser, ok);
}
