// The safety net end to end: a manual backup to a folder (a USB drive), restored into a fresh register on
// another installation with the recovery key, and the same persons found there.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startHost } from './fixtures';
import { BackupsPage, NewPersonPage, RecoverPage, RecoveryKeyPage, RestorePage, SetupPage, ShellPage } from './pages';

const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };
// Names found nowhere else, so finding them in the backup's bytes could only mean clear text.
const persons = [
  { name: 'Zenobia Quartararo', birthDate: '1988-02-14', gender: 'Donna' as const },
  { name: 'Ilarion Vukovich', birthDate: '1975-11-03', gender: 'Uomo' as const },
];

test('a manual backup restored into a fresh register with the recovery key holds the same persons', async ({ page }) => {
  const usb = mkdtempSync(join(tmpdir(), 'approdo-e2e-usb-'));
  const hostA = await startHost();
  let hostAStopped = false;
  let hostB: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(hostA.url);
    await new SetupPage(page).createRegister(admin);
    const recovery = new RecoveryKeyPage(page);
    const groups = await recovery.groups();
    await recovery.confirm(groups);
    const shell = new ShellPage(page);
    await shell.expectSignedIn(admin.displayName);

    const newPerson = new NewPersonPage(page);
    const codes: string[] = [];
    for (const person of persons) codes.push(await newPerson.register(person));
    expect(new Set(codes).size).toBe(2);

    const backups = new BackupsPage(page);
    await backups.open();
    await backups.backUpToFolder(usb);
    // One finished, verified file in the folder: no temporary file left beside it.
    const written = readdirSync(usb);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^approdo-.+\.approdo-backup$/);
    const file = join(usb, written[0]!);
    await expect(backups.folderNotice()).toContainText(written[0]!);
    await expect(backups.status()).toContainText('Ultima copia di sicurezza verificata:');

    // Encrypted through and through: neither name is in any byte of the file, in UTF-8 or UTF-16.
    const bytes = readFileSync(file);
    for (const { name } of persons) {
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(name, 'utf16le'))).toBe(false);
    }

    await hostA.stop();
    hostAStopped = true;

    // Another installation with no register: restore from the file with the recovery key.
    hostB = await startHost();
    await page.goto(hostB.url);
    const restore = new RestorePage(page);
    await restore.openFromSetup();
    const recoveryKey = groups.join('-');
    await restore.withRecoveryKey(file, recoveryKey);

    // The restored register is locked: the admin opens it with the same recovery key, then chooses a new
    // passphrase; the used key is replaced by a new one to write down.
    const recover = new RecoverPage(page);
    await recover.signIn(admin.username, recoveryKey);
    await recover.choosePassphrase('un ritorno sicuro dopo il ripristino');
    const newGroups = await recovery.groups();
    expect(newGroups.join('')).not.toBe(groups.join(''));
    await recovery.confirm(newGroups);
    await shell.expectSignedIn(admin.displayName);

    await shell.open('Persone');
    await expect(page.getByTestId('persons-total')).toHaveText('2 persone');
    for (const [i, { name, birthDate }] of persons.entries()) {
      await page.getByTestId('persons-search').fill(name);
      const rows = page.getByTestId('person-row');
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(codes[i]!);
      await expect(rows).toContainText(name);
      await expect(rows).toContainText(birthDate.slice(0, 4));
    }
  } finally {
    await hostB?.stop();
    if (!hostAStopped) await hostA.stop();
    rmSync(usb, { recursive: true, force: true });
  }
});
