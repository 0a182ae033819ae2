// The sign-in screens after a lock: the recovery-key link and the language switch on the lock screen, a
// wrong recovery key told apart from a wrong passphrase, and the slow-down shown as a countdown.
import { test, expect } from './fixtures';
import { firstRun, LockPage, LoginPage, ShellPage, UsersPage } from './pages';

const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };

test('after a lock: language switch, recovery key link, its own message for a wrong key, and a visible wait after failed attempts', async ({ page, host }) => {
  const groups = await firstRun(page, host.url, admin);
  const shell = new ShellPage(page);
  await shell.lock();
  const lock = new LockPage(page);
  await lock.expectShown(admin.username);

  // The language can be switched right there, and back.
  await page.locator('label').filter({ hasText: /^English$/ }).click();
  await expect(page.getByRole('heading', { name: 'Register locked' })).toBeVisible();
  await page.locator('label').filter({ hasText: /^Italiano$/ }).click();
  await expect(page.getByRole('heading', { name: 'Registro bloccato' })).toBeVisible();

  // The recovery key is one click away; a wrong one says so, next to the key.
  await page.getByRole('button', { name: 'Usa la chiave di recupero' }).click();
  await expect(page.getByRole('heading', { name: 'Accesso con la chiave di recupero' })).toBeVisible();
  await page.getByLabel('Nome utente').fill(admin.username);
  const wrongKey = [...groups].reverse().join('-');
  await page.getByLabel('Chiave di recupero').fill(wrongKey);
  await page.getByRole('button', { name: 'Apri con la chiave di recupero' }).click();
  await expect(page.getByText('Chiave di recupero non corretta')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nome utente o passphrase non corretti.')).toHaveCount(0);
  await expect(page.getByLabel('Chiave di recupero')).toHaveValue(wrongKey);
  await page.getByRole('button', { name: 'Torna all’accesso con passphrase' }).click();

  // Three wrong passphrases, then the right one too early: the wait is shown, counting down, with the
  // button off; the typed passphrase stays, and at zero the same click signs in.
  const signIn = page.getByRole('button', { name: 'Accedi', exact: true });
  await page.getByLabel('Nome utente').fill(admin.username);
  for (const guess of ['prima prova sbagliata', 'seconda prova sbagliata', 'terza prova sbagliata']) {
    await page.getByLabel('Passphrase', { exact: true }).fill(guess);
    await signIn.click();
    await expect(page.getByText('Nome utente o passphrase non corretti.')).toBeVisible({ timeout: 30_000 });
    await expect(signIn).toBeEnabled({ timeout: 30_000 });
  }
  await page.getByLabel('Passphrase', { exact: true }).fill(admin.passphrase);
  await signIn.click();
  const wait = page.getByTestId('attempt-wait');
  await expect(wait).toContainText(/attendi \d+ second[oi]/, { timeout: 30_000 });
  await expect(signIn).toBeDisabled();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue(admin.passphrase);
  await expect(wait).toHaveCount(0, { timeout: 30_000 });
  await expect(signIn).toBeEnabled();
  await signIn.click();
  await shell.expectSignedIn(admin.displayName);
});

test('disabling a user asks to replace the key, lists the backups made before, and the others still sign in', async ({ page, host }) => {
  const operator = { displayName: 'Marco Verdi', username: 'marco', role: 'operator' as const, passphrase: 'prima frase segreta 2026' };
  const coordinator = { displayName: 'Chiara Neri', username: 'chiara', role: 'coordinator' as const, passphrase: 'frase della coordinatrice' };
  await firstRun(page, host.url, admin);
  const shell = new ShellPage(page);
  await shell.openSettingsTab('Utenti');
  const users = new UsersPage(page);
  await users.add(operator);
  await users.add(coordinator);
  // A backup made before the disable.
  await shell.lock();
  await new LockPage(page).unlock(admin.passphrase);
  await shell.expectSignedIn(admin.displayName);
  await shell.openSettingsTab('Utenti');

  await page.getByTestId(`user-row-${operator.username}`).getByRole('button', { name: 'Disattiva' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('disable-rekey')).toBeChecked();
  await expect(dialog.getByTestId('disable-backups')).toContainText('si aprono ancora con la vecchia chiave');
  await expect(dialog.getByTestId('disable-backups').getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await dialog.getByTestId('disable-delete-backups').check();
  await dialog.getByTestId('disable-confirm').click();
  await expect(page.getByTestId(`user-row-${operator.username}`)).toContainText('Disattivato', { timeout: 60_000 });

  await shell.lock();
  const lock = new LockPage(page);
  await lock.anotherUser();
  await new LoginPage(page).signIn(operator.username, operator.passphrase);
  await expect(page.getByText('Nome utente o passphrase non corretti.')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Nome utente').fill(coordinator.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(coordinator.passphrase);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Scegli una nuova passphrase' })).toBeVisible({ timeout: 30_000 });
});
