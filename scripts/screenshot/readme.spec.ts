// Takes docs/screenshot.png: the bed board of the demo register at 1366×768, in Italian.
import { test } from '../../tests/e2e/fixtures';
import { openDemoRegister, ShellPage } from '../../tests/e2e/pages';

test('the bed board of the demo register', async ({ page, host }) => {
  test.setTimeout(300_000);
  const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemoRegister(page, host.url, admin);
  const shell = new ShellPage(page);
  await shell.open('Tabellone posti');
  await page.getByTestId('board-bar').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.screenshot({ path: 'docs/screenshot.png' });
});
