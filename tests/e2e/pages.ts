// Page objects: one per screen, named by what a user sees (Italian, the default language).
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export class SetupPage {
  constructor(private readonly page: Page) {}
  async createRegister(admin: { displayName: string; username: string; passphrase: string }) {
    await this.page.getByRole('button', { name: 'Crea il registro' }).click();
    await this.page.getByLabel('Nome e cognome').fill(admin.displayName);
    await this.page.getByLabel('Nome utente').fill(admin.username);
    await this.page.getByLabel('Passphrase', { exact: true }).fill(admin.passphrase);
    await this.page.getByLabel('Ripeti la passphrase').fill(admin.passphrase);
    await this.page.getByRole('button', { name: 'Crea il registro' }).click();
  }
}

export class RecoveryKeyPage {
  constructor(private readonly page: Page) {}
  async groups(): Promise<string[]> {
    await expect(this.page.getByRole('heading', { name: 'Chiave di recupero' })).toBeVisible({ timeout: 30_000 });
    return Promise.all(Array.from({ length: 8 }, (_, i) => this.page.getByTestId(`recovery-key-group-${i + 1}`).innerText()));
  }
  /** Reads the key, goes to the confirmation and retypes the group it asks for. */
  async confirm(groups: string[], options: { wrongFirst?: boolean } = {}) {
    await this.page.getByRole('button', { name: 'L’ho scritta o stampata: continua' }).click();
    const field = this.page.getByLabel(/Ridigita il gruppo \d/);
    const label = (await this.page.getByText(/Ridigita il gruppo \d/).first().innerText()).match(/\d/)![0];
    const n = Number(label);
    if (options.wrongFirst) {
      await field.fill(groups[n % 8]! === groups[n - 1] ? 'ZZZZ' : groups[n % 8]!);
      await this.page.getByRole('button', { name: 'Ho conservato la chiave' }).click();
      await expect(this.page.getByText('Il gruppo digitato non corrisponde')).toBeVisible();
    }
    await field.fill(groups[n - 1]!.toLowerCase());
    await this.page.getByRole('button', { name: 'Ho conservato la chiave' }).click();
  }
}

export class ShellPage {
  constructor(private readonly page: Page) {}
  async expectSignedIn(displayName: string) {
    await expect(this.page.getByTestId('current-user')).toContainText(displayName, { timeout: 30_000 });
  }
  async lock() {
    await this.page.getByRole('button', { name: 'Blocca', exact: true }).click();
  }
  async open(area: string) {
    await this.page.getByRole('navigation').getByRole('button', { name: area }).click();
  }
  async openSettingsTab(name: string) {
    await this.open('Impostazioni');
    await this.page.getByRole('tab', { name }).click();
  }
}

export class LockPage {
  constructor(private readonly page: Page) {}
  async expectShown(username: string) {
    await expect(this.page.getByRole('heading', { name: 'Registro bloccato' })).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByLabel('Nome utente')).toHaveValue(username);
  }
  async unlock(passphrase: string) {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Sblocca' }).click();
  }
  async anotherUser() {
    await this.page.getByRole('button', { name: 'Accedi con un altro utente' }).click();
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}
  async signIn(username: string, passphrase: string) {
    await expect(this.page.getByRole('heading', { name: 'Accedi al registro' })).toBeVisible();
    await this.page.getByLabel('Nome utente').fill(username);
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Accedi' }).click();
  }
}

export class ChangePassphrasePage {
  constructor(private readonly page: Page) {}
  async change(current: string, next: string) {
    await expect(this.page.getByRole('heading', { name: 'Scegli una nuova passphrase' })).toBeVisible({ timeout: 30_000 });
    await this.page.getByLabel('Passphrase attuale').fill(current);
    await this.page.getByLabel('Nuova passphrase', { exact: true }).fill(next);
    await this.page.getByLabel('Ripeti la nuova passphrase').fill(next);
    await this.page.getByRole('button', { name: 'Cambia passphrase' }).click();
  }
}

export class UsersPage {
  constructor(private readonly page: Page) {}
  async add(user: { displayName: string; username: string; role: 'admin' | 'coordinator' | 'operator'; passphrase: string }) {
    await this.page.getByLabel('Nome e cognome').fill(user.displayName);
    await this.page.getByLabel('Nome utente').fill(user.username);
    await this.page.getByLabel('Ruolo', { exact: true }).selectOption(user.role);
    await this.page.getByLabel('Prima passphrase', { exact: true }).fill(user.passphrase);
    await this.page.getByLabel('Ripeti la prima passphrase').fill(user.passphrase);
    await this.page.getByRole('button', { name: 'Aggiungi utente' }).click();
    await expect(this.page.getByTestId(`user-row-${user.username}`)).toBeVisible({ timeout: 30_000 });
  }
}
