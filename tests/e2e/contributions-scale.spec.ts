// The contributions list at the reference size (10,000 contributions): the DOM holds a bounded number of
// rows while scrolling deep into the list (virtualised rows, pages loaded from SQL), and the footer shows
// the totals of the whole filter, not of the rows loaded.
import { expect } from '@playwright/test';
import { referenceAdmin as admin, referenceTest as test } from './fixtures';
import { LoginPage, ShellPage } from './pages';

test('the contributions list keeps a bounded number of DOM rows through 10,000 contributions, totals of the whole filter in the footer', async ({ page, url }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  await new LoginPage(page).signIn(admin.username, admin.passphrase);
  await new ShellPage(page).open('Contributi');
  const scroller = page.getByTestId('contributions-scroll');
  const rows = page.getByTestId('contribution-row');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('contributions-total')).toHaveText(/10\.0\d\d contributi/);
  const paidAll = await page.getByTestId('footer-paidCents').innerText();

  const counts: number[] = [];
  let last = -1;
  for (let step = 0; step < 25; step += 1) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    // Wait for the next page to arrive and render below what was the last row.
    await expect
      .poll(async () => Number(await rows.last().getAttribute('data-index')), { timeout: 30_000, message: `rows past index ${last} after scrolling to the bottom` })
      .toBeGreaterThan(last);
    last = Number(await rows.last().getAttribute('data-index'));
    counts.push(await rows.count());
  }
  expect(last).toBeGreaterThan(2000);
  expect(Math.max(...counts)).toBeLessThanOrEqual(60);

  // A filter changes the footer to that filter's totals (computed in SQL over every matching row).
  await page.getByTestId('contributions-status').click();
  await page.getByRole('option', { name: 'Respinto', exact: true }).click();
  await expect(page.getByTestId('footer-paidCents')).not.toHaveText(paidAll, { timeout: 30_000 });
  await expect(page.getByTestId('contribution-row').first()).toContainText('Respinto');
});
