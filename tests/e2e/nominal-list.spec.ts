// The nominal list from the summary page (docs/privacy.md › Nominal list): an admin of the demo register asks
// for it with a reason and a passphrase; a short passphrase is refused next to its field with the typed values
// kept; the download is an encrypted ZIP that 7-Zip opens with the passphrase (AES-256) and nothing opens
// without it.
import { spawnSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { ShellPage, openDemoRegister } from './pages';

const admin = { displayName: 'Anna Demo', username: 'anna', passphrase: 'una frase lunga e segreta' };
const PASSPHRASE = 'verifica comune 2026';

test('an encrypted nominal list of the month, with a reason', async ({ page, host }) => {
  await openDemoRegister(page, host.url, admin);
  await new ShellPage(page).open('Riepilogo mensile');
  await expect(page.getByTestId('summary-month')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('nominal-open').click();

  await page.getByTestId('nominal-reason').fill('Controllo del Comune, pratica 12');
  await page.getByTestId('nominal-passphrase').fill('corta');
  await page.getByTestId('nominal-passphrase-repeat').fill('corta');
  await page.getByTestId('nominal-submit').click();
  const form = page.getByTestId('nominal-form');
  await expect(form).toContainText('almeno 12 caratteri');
  await expect(page.getByTestId('nominal-reason')).toHaveValue('Controllo del Comune, pratica 12');

  await page.getByTestId('nominal-passphrase').fill(PASSPHRASE);
  await page.getByTestId('nominal-passphrase-repeat').fill(PASSPHRASE);
  const download = page.waitForEvent('download');
  await page.getByTestId('nominal-submit').click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^elenco-nominativo-\d{4}-\d{2}\.zip$/);
  await expect(page.getByTestId('nominal-done')).toContainText('File cifrato creato');

  const listing = spawnSync('7z', ['l', '-slt', `-p${PASSPHRASE}`, file], { encoding: 'utf8' });
  expect(listing.stdout, `7-Zip listing (stderr: ${listing.stderr})`).toMatch(/Method = AES-256 Deflate/);
  const opened = spawnSync('7z', ['x', '-so', `-p${PASSPHRASE}`, file], { encoding: 'utf8' });
  expect(opened.status).toBe(0);
  expect(opened.stdout).toContain('Codice;Nome visualizzato');
  expect(spawnSync('7z', ['x', '-so', '-pwrong passphrase', file], { encoding: 'utf8' }).status).not.toBe(0);
});
