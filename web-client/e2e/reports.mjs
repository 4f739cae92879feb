// The reports journey: an operator starts a usage report, follows it to the end, sees its totals and chart, downloads
// it as CSV and PDF and finds it in the past reports. Started by platform-api's ReportsJourneyTests, which records the
// usage first and passes OPERATOR_USER/OPERATOR_PASS and EXPECTED_ROWS/EXPECTED_DOWNLOAD/EXPECTED_UPLOAD; it checks the
// downloaded files' totals (the PDF's text through PDFBox). Shared pieces: lib.mjs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, finish, launch, nav, results, shot, signIn, step, viewport } from './lib.mjs';

const browser = await launch();
const outDir = env('OUT_DIR');
let ok = false;

try {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  let page;
  await step('operator opens the reports', async () => {
    page = await signIn(context, env('OPERATOR_USER'), env('OPERATOR_PASS'));
    await nav(page, 'Reports').click();
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await page.getByText('No reports yet').waitFor();
  });

  await step('start a usage report and follow it to the end', async () => {
    // the default period: the last 30 UTC days up to today
    await page.getByRole('button', { name: 'Start report' }).click();
    const panel = page.getByTestId('report-panel');
    await panel.waitFor();
    await page.locator('[data-testid="report-panel"][data-status="SUCCEEDED"]').waitFor({ timeout: 60000 });
    const total = async (name) => Number((await page.locator(`[data-total="${name}"]`).getAttribute('title')).replace(/,/g, ''));
    assert.equal(await total('Rows'), Number(env('EXPECTED_ROWS')));
    assert.equal(await total('Download bytes'), Number(env('EXPECTED_DOWNLOAD')));
    assert.equal(await total('Upload bytes'), Number(env('EXPECTED_UPLOAD')));
    await page.getByTestId('bar-chart').locator('canvas').first().waitFor();
    // the new report joins the past reports without a reload, finished as the card above says (its row once stayed
    // RUNNING 0/3 until the next poll)
    const row = page
      .getByRole('table', { name: 'Past reports' })
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: 'Usage by subscriber' }) });
    await row.getByText('succeeded', { exact: true }).waitFor();
    assert.equal(await row.getByText('running', { exact: true }).count(), 0);
    assert.equal((await row.getByRole('cell').nth(3).textContent()).trim(), env('EXPECTED_ROWS'));
    await shot(page, 'reports');
  });

  await step('download the report as CSV and PDF', async () => {
    for (const format of ['CSV', 'PDF']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ${format}` }).click(),
      ]);
      const file = join(outDir, `report.${format.toLowerCase()}`);
      await download.saveAs(file);
      results[format.toLowerCase()] = file;
      results[`${format.toLowerCase()}Name`] = download.suggestedFilename();
    }
  });

  await step('the report is among the past reports after a reload', async () => {
    await page.reload();
    const past = page.getByRole('table', { name: 'Past reports' });
    await past.getByRole('button', { name: 'Usage by subscriber' }).waitFor();
    assert.equal(await past.getByRole('row').count(), 2);
    await page.locator('[data-testid="report-panel"][data-status="SUCCEEDED"]').waitFor();
  });
  await context.close();
  ok = true;
} finally {
  await finish(browser, ok);
}
