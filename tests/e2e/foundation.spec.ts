import { test, expect } from './fixtures';
import { ChangePassphrasePage, LockPage, LoginPage, RecoveryKeyPage, SetupPage, ShellPage, UsersPage } from './pages';

const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };
const operator = { displayName: 'Marco Verdi', username: 'marco', role: 'operator' as const, passphrase: 'prima frase segreta 2026' };

test('first run, recovery key, lock, wrong passphrase, unlock, and an operator who cannot administer users', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Benvenuti in Approdo' })).toBeVisible();
  await new SetupPage(page).createRegister(admin);

  const recovery = new RecoveryKeyPage(page);
  const groups = await recovery.groups();
  expect(groups.join('')).toMatch(/^[0-9A-Z]{32}$/);
  await recovery.confirm(groups, { wrongFirst: true });

  const shell = new ShellPage(page);
  await shell.expectSignedIn(admin.displayName);
  await shell.open('Panoramica');
  await expect(page.getByTestId('overview-active-users')).toHaveText('1');

  await shell.lock();
  const lock = new LockPage(page);
  await lock.expectShown(admin.username);
  await expect(page.getByText(admin.displayName)).toHaveCount(0); // nothing of the register on the lock screen
  await lock.unlock('not the right passphrase');
  await expect(page.getByText('Nome utente o passphrase non corretti.')).toBeVisible();
  await lock.unlock(admin.passphrase);
  await shell.expectSignedIn(admin.displayName);

  await shell.openSettingsTab('Utenti');
  await new UsersPage(page).add(operator);
  await expect(page.getByTestId(`user-row-${operator.username}`)).toContainText('Deve cambiare passphrase');

  await shell.lock();
  await lock.anotherUser();
  await new LoginPage(page).signIn(operator.username, operator.passphrase);
  await new ChangePassphrasePage(page).change(operator.passphrase, 'la mia passphrase personale');
  await shell.expectSignedIn(operator.displayName);

  await shell.open('Impostazioni');
  await expect(page.getByRole('tab', { name: 'La mia passphrase' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Utenti' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Sicurezza' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Registro attività' })).toHaveCount(0);
  // Even a hand-made call from the page, with the run's token, is refused by the main process.
  const token = new URL(host.url).searchParams.get('token')!;
  const refused = await page.evaluate(async (t) => {
    const response = await fetch('./ipc/users.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-approdo-token': t }, body: '{}' });
    return response.json();
  }, token);
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test.describe('idle auto-lock', () => {
  test.use({ idleMs: 4000 });

  test('locks the register after the idle time and shows the lock screen with nothing of the register', async ({ page, host }) => {
    await page.goto(host.url);
    await new SetupPage(page).createRegister(admin);
    const recovery = new RecoveryKeyPage(page);
    await recovery.confirm(await recovery.groups());
    const shell = new ShellPage(page);
    await shell.expectSignedIn(admin.displayName);
    await shell.openSettingsTab('Registro attività');
    await expect(page.getByTestId('audit-chain-status')).toHaveAttribute('data-chain-ok', 'true');

    // No input for longer than the idle time: the main process locks, the renderer follows.
    await new LockPage(page).expectShown(admin.username);
    await expect(page.getByTestId('current-user')).toHaveCount(0);
    await expect(page.getByTestId('audit-chain-status')).toHaveCount(0);
  });
});
