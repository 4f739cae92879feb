// The first journeys: console onboarding, router, import, plan, subscriber, suspend, bulk CSV, a viewer. Started by
// platform-api's WebClientEndToEndTests, which also passes ADMIN_USER/ADMIN_PASS (the platform admin), ROUTER_PORT and
// ROUTER_USER/ROUTER_PASS (a RouterOS simulator). Shared pieces and the common environment: lib.mjs.
import assert from 'node:assert/strict';
import { base, env, finish, launch, nav, notified, results, shot, signIn, signOut, step, unique, viewport } from './lib.mjs';

const planName = `Home 20 ${unique}`;
const browser = await launch();

let tenantAdmin;
let ok = false;
const slug = `e2e-${unique}`;

try {
  // ---- platform console: a platform admin lands in the console and onboards a tenant with its first admin
  await step('console: create a tenant with its admin', async () => {
    const context = await browser.newContext({ viewport });
    const page = await signIn(context, env('ADMIN_USER'), env('ADMIN_PASS'));
    // the app routes to /console itself: waiting for the document's load event as well once timed out at 30 s on a
    // loaded machine (the console was on screen when it failed), so the journey waits for the address and the page instead
    await page.waitForURL(/\/console$/, { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    await page.getByRole('button', { name: 'New tenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'New tenant' });
    await dialog.getByLabel('Slug').fill(slug);
    await dialog.getByLabel('Display name').fill('E2E Wireless');
    await dialog.getByLabel("First admin's username").fill(`${slug}-admin`);
    await dialog.getByLabel("First admin's e-mail").fill(`admin@${slug}.example`);
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    const secret = page.getByTestId('secret');
    await secret.waitFor({ timeout: 120000 });
    tenantAdmin = { username: `${slug}-admin`, password: (await secret.textContent()).trim() };
    await page.getByRole('cell', { name: new RegExp(slug) }).waitFor();
    await shot(page, 'console-tenants');
    await signOut(page);
    await context.close();
  });

  // ---- tenant admin: router, import, plan, subscriber, suspend, bulk CSV
  const context = await browser.newContext({ viewport });
  let page;
  await step('tenant admin signs in through the login page', async () => {
    page = await signIn(context, tenantAdmin.username, tenantAdmin.password);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  await step('add a router', async () => {
    await nav(page, 'Routers').click();
    await page.getByRole('button', { name: 'Add router' }).click();
    // the form's fields only: the list behind the dialog labels its sort buttons ("Sort by name")
    const dialog = page.getByRole('dialog', { name: 'Add router' });
    await dialog.getByLabel('Name').fill('core-1');
    await dialog.getByLabel('Host').fill('127.0.0.1');
    await dialog.getByLabel('API port').fill(env('ROUTER_PORT'));
    await dialog.getByLabel('API user').fill(env('ROUTER_USER'));
    await dialog.getByLabel('API password').fill(env('ROUTER_PASS'));
    await dialog.getByRole('button', { name: 'Add router', exact: true }).click();
    await page.getByRole('heading', { name: 'core-1' }).waitFor();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(/^Connected:/).waitFor();
  });

  await step('import the router and watch the import finish', async () => {
    await page.getByRole('button', { name: 'Import secrets and profiles' }).click();
    await page.locator('[data-testid=operation-progress][data-status=SUCCEEDED]').waitFor({ timeout: 120000 });
    await page.getByText(/subscribers created/).waitFor();
    await shot(page, 'router-import');
  });

  await step('create a plan', async () => {
    await nav(page, 'Plans').click();
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await dialog.getByLabel('Name').fill(planName);
    await dialog.getByLabel('Download').fill('20M');
    await dialog.getByLabel('Upload').fill('5M');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('cell', { name: planName, exact: true }).waitFor();
  });

  await step('the plan edit dialog shows the plan as it is', async () => {
    await page.getByRole('button', { name: `Edit ${planName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${planName}` });
    await dialog.getByRole('button', { name: 'Save plan' }).waitFor();
    assert.equal(await dialog.getByLabel('Name').inputValue(), planName);
    await shot(page, 'plan-edit');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  const username = `e2e-alice-${unique}`;
  await step('create a subscriber and watch its operation succeed', async () => {
    await nav(page, 'Subscribers').click();
    await page.getByRole('link', { name: 'New subscriber' }).click();
    // the list stays on screen while the form loads, and its "Sort by username" is labelled too: fill the form only
    const form = page.getByRole('form', { name: 'New subscriber' });
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('PPPoE password').fill('alice-secret-1');
    await page.getByRole('combobox', { name: 'Plan' }).click();
    await page.getByRole('option', { name: planName, exact: true }).click();
    await page.getByRole('combobox', { name: 'Router' }).click();
    await page.getByRole('option', { name: 'core-1' }).click();
    await form.getByLabel('Full name').fill('Alice Example');
    await page.getByRole('button', { name: 'Create subscriber' }).click();
    await page.getByRole('heading', { name: username }).waitFor();
    await page.locator('[data-testid=operation-progress][data-status=SUCCEEDED]').waitFor({ timeout: 120000 });
    await page.getByText('in sync', { exact: true }).waitFor();
    // not dialled in: the speed card says so rather than drawing an empty chart
    await page.getByText('Offline — no live speed').waitFor();
    await shot(page, 'subscriber-detail');
  });

  await step('suspend the subscriber', async () => {
    await page.getByRole('button', { name: 'Suspend' }).click();
    // one click only asks: the subscriber is suspended once the dialog is confirmed
    const confirm = page.getByRole('dialog', { name: `Suspend ${username}?` });
    await confirm.getByText('loses service').waitFor();
    await shot(page, 'suspend-confirm');
    await confirm.getByRole('button', { name: `Suspend ${username}` }).click();
    await notified(page, 'is suspended; the router disconnects them once it applies the change');
    await page.getByText('suspended', { exact: true }).first().waitFor();
    await page.locator('[data-testid=operation-progress][data-status=SUCCEEDED]').waitFor({ timeout: 120000 });
    // a suspended subscriber is brought back with Restore, the lifecycle's word, not Enable
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Enable' }).count(), 0);
    results.suspended = username;
  });

  await step('a plan that subscribers are on is not deleted, and the dialog says why', async () => {
    await nav(page, 'Plans').click();
    await page.getByRole('button', { name: `Delete ${planName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${planName}?` });
    await dialog.getByRole('button', { name: 'Delete plan' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'still has' }).waitFor();
    await shot(page, 'plan-delete-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('cell', { name: planName, exact: true }).waitFor();
  });

  await step('bulk CSV with two bad rows', async () => {
    await page.goto(base + '/subscribers/bulk');
    const rows = [
      'username,password,plan,router,fullName,email,phone,address,expiresOn,notes',
      `bulk-1-${unique},pw-1,${planName},core-1,Bulk One,,,,,`,
      `bulk-2-${unique},pw-2,No Such Plan,core-1,Bulk Two,,,,,`,
      `bulk-3-${unique},pw-3,${planName},core-1,Bulk Three,,,,,`,
      `${username},pw-4,${planName},core-1,Duplicate,,,,,`,
      `bulk-5-${unique},pw-5,${planName},core-1,Bulk Five,,,,,`,
    ];
    await page.getByLabel('CSV').fill(rows.join('\n') + '\n');
    await page.getByText('Preview: 5 rows').waitFor();
    await page.getByRole('button', { name: /^Import 5 rows/ }).click();
    await page.getByText('3 accepted, 2 refused.').waitFor({ timeout: 60000 });
    assert.equal(await page.getByTestId('rejected-row').count(), 2);
    await page.getByTestId('rejected-row').filter({ hasText: `bulk-2-${unique}` }).waitFor();
    await page.getByTestId('rejected-row').filter({ hasText: username }).waitFor();
    await page.locator('[data-testid=operation-progress][data-status=SUCCEEDED]').first().waitFor({ timeout: 120000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the refused rows' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const failed = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(failed.length, 3, `header + the two refused rows, got ${failed}`);
    results.bulkAccepted = [`bulk-1-${unique}`, `bulk-3-${unique}`, `bulk-5-${unique}`];
    await shot(page, 'bulk-import');
  });

  await step('screens of the tenant', async () => {
    await nav(page, 'Subscribers').click();
    await page.getByRole('link', { name: username }).waitFor();
    await shot(page, 'subscribers');
    await page.getByLabel('Search').fill(`alice-${unique}`);
    await page.getByText(/^1 subscriber\b/).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'ACTIVE' }).click();
    await page.getByText('No subscriber matches').waitFor();
    await nav(page, 'Dashboard').click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await shot(page, 'dashboard-new-tenant');
    await nav(page, 'Operations').click();
    await page.getByRole('heading', { name: 'Operations' }).waitFor();
    await page.getByRole('table').waitFor();
    await shot(page, 'operations');
    await nav(page, 'Routers').click();
    await page.getByRole('link', { name: 'core-1' }).waitFor();
    await shot(page, 'routers');
  });

  let viewer;
  await step('create a viewer', async () => {
    await nav(page, 'Users').click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Username').fill(`${slug}-viewer`);
    await dialog.getByLabel('E-mail').fill(`viewer@${slug}.example`);
    await dialog.getByRole('checkbox', { name: 'operator' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'viewer' }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const secret = page.getByTestId('secret');
    await secret.waitFor();
    viewer = { username: `${slug}-viewer`, password: (await secret.textContent()).trim() };
    await signOut(page);
  });

  await step('a viewer sees no mutation', async () => {
    const viewerContext = await browser.newContext({ viewport });
    const viewerPage = await signIn(viewerContext, viewer.username, viewer.password);
    await nav(viewerPage, 'Subscribers').click();
    await viewerPage.getByRole('link', { name: username }).click();
    await viewerPage.getByRole('heading', { name: username }).waitFor();
    for (const name of ['Suspend', 'Enable', 'Restore', 'Disable', 'Delete', 'Edit', 'Reveal password']) {
      assert.equal(await viewerPage.getByRole('button', { name }).count(), 0, `viewer sees ${name}`);
    }
    await nav(viewerPage, 'Subscribers').click();
    // the list is on screen (its rows are links) before the absence of its actions means anything
    await viewerPage.getByRole('heading', { name: 'Subscribers' }).waitFor();
    await viewerPage.getByRole('link', { name: username }).waitFor();
    await viewerPage.getByRole('button', { name: 'Export CSV' }).waitFor();
    assert.equal(await viewerPage.getByRole('link', { name: 'New subscriber' }).count(), 0);
    assert.equal(await nav(viewerPage, 'Users').count(), 0);
    await viewerContext.close();
  });
  await context.close();
  ok = true;
} finally {
  await finish(browser, ok);
}
