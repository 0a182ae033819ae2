// Takes docs/summary.png: the monthly summary of the demo register's last complete month (headline figures,
// balance check, the three charts), at 1366×1200, in Italian. Shown in docs/summary.md.
import { test, expect } from '../../tests/e2e/fixtures';
import { openDemoRegister, ShellPage } from '../../tests/e2e/pages';

test('the monthly summary of the demo register', async ({ page, host }) => {
  test.setTimeout(300_000);
  const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };
  await page.setViewportSize({ width: 1366, height: 1200 });
  await openDemoRegister(page, host.url, admin);
  await new ShellPage(page).open('Riepilogo mensile');
  await expect(page.getByTestId('balance-check')).toBeVisible({ timeout: 60_000 });
  for (const id of ['chart-occupancy', 'chart-flows', 'chart-length'])
    await page.getByTestId(id).locator('svg.recharts-surface').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.screenshot({ path: 'docs/summary.png' });
});
