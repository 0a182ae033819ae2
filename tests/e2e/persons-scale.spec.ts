// The persons table at the reference size of PRODUCT.md: the DOM holds a constant number of rows while
// scrolling through the register (virtualised rows, pages loaded from SQL).
import { expect } from '@playwright/test';
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

  // Scroll to the bottom again and again: each time the next page is loaded from SQL and appended.
  const counts: number[] = [];
  let furthest = 0;
  for (let step = 0; step < 40; step += 1) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForTimeout(150);
    counts.push(await rows.count());
    furthest = Math.max(furthest, Number((await rows.last().getAttribute('aria-rowindex')) ?? 0));
  }
  // Thousands of rows down the register, and the DOM never grew with it.
  expect(furthest).toBeGreaterThan(2500);
  // Bounded whatever the depth: 2,500+ rows loaded, never more than 60 in the DOM. The count varies a little
  // only at the very end of the loaded list, where there are no rows below to overscan (seen: up to 8).
  expect(Math.max(...counts)).toBeLessThanOrEqual(60);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(12);
  // Away from both ends (overscan on both sides) the count is the same at any depth.
  const countAt = async (fraction: number) => {
    await scroller.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), fraction);
    await page.waitForTimeout(150);
    return rows.count();
  };
  const shallow = await countAt(0.2);
  const deep = await countAt(0.8);
  expect(Math.abs(deep - shallow)).toBeLessThanOrEqual(2);
});
