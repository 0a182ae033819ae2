// The persons table at the reference size (docs/domain.md): the DOM holds a constant number of rows while
// scrolling through the register (virtualised rows, pages loaded from SQL).
import { expect, type Locator } from '@playwright/test';
import { referenceAdmin as admin, referenceTest as test } from './fixtures';
import { LoginPage, ShellPage } from './pages';

test('the persons table keeps a constant number of DOM rows while scrolling the reference register', async ({ page, url }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await new LoginPage(page).signIn(admin.username, admin.passphrase);
  await new ShellPage(page).open('Persone');
  const scroller = page.getByTestId('persons-table-scroll');
  const rows = page.getByTestId('person-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const total = Number((await page.getByTestId('persons-total').innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(20_000);

  const rowIndex = async (row: Locator) => Number((await row.getAttribute('aria-rowindex')) ?? 0);
  /** The rows the DOM holds once the browser has painted what the last scroll asked for (two frames). */
  const settledCount = async () => {
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))'); // runs in the page
    return rows.count();
  };

  // Scroll to the bottom again and again: each time the next page is loaded from SQL and appended. A step is
  // over when a row past the previous bottom is shown, which needs the next page: so 40 steps, 40 pages.
  const counts: number[] = [];
  let furthest = 0;
  for (let step = 0; step < 40; step += 1) {
    const before = furthest;
    await expect
      .poll(async () => {
        await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return rowIndex(rows.last());
      }, { message: `step ${step + 1}: a row past row ${before} at the bottom of the table (the next page loaded)`, timeout: 60_000 })
      .toBeGreaterThan(before);
    counts.push(await settledCount());
    furthest = Math.max(furthest, await rowIndex(rows.last()));
  }
  // Thousands of rows down the register, and the DOM never grew with it.
  expect(furthest).toBeGreaterThan(2500);
  // Bounded whatever the depth: 2,500+ rows loaded, never more than 60 in the DOM. The count varies a little
  // only at the very end of the loaded list, where there are no rows below to overscan (seen: up to 8).
  expect(Math.max(...counts)).toBeLessThanOrEqual(60);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(12);
  // Away from both ends (overscan on both sides) the count is the same at any depth.
  // A scroll there is done when the rows shown are the ones around that fraction of the loaded list.
  const countAt = async (fraction: number) => {
    await scroller.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), fraction);
    const target = furthest * fraction;
    // Waits on the distance itself: a lower bound alone was already met by the rows still shown from the bottom
    // of the list before the scroll had re-rendered (seen once on a loaded machine, 1,810 rows away).
    await expect
      .poll(async () => Math.abs(((await rowIndex(rows.first())) + (await rowIndex(rows.last()))) / 2 - target), {
        message: `rows around row ${Math.round(target)} of ${furthest} after scrolling to ${fraction * 100}% (distance of the middle row shown)`, timeout: 30_000,
      })
      .toBeLessThan(100);
    return settledCount();
  };
  const shallow = await countAt(0.2);
  const deep = await countAt(0.8);
  expect(Math.abs(deep - shallow)).toBeLessThanOrEqual(2);
});
