// Page objects: one per screen, named by what a user sees (Italian, the default language).
import type { Locator, Page } from '@playwright/test';
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

/** First run: creates the register, reads and confirms the recovery key, and waits for the signed-in shell.
 * Returns the key's groups. */
export async function firstRun(page: Page, url: string, admin: { displayName: string; username: string; passphrase: string }): Promise<string[]> {
  await page.goto(url);
  await new SetupPage(page).createRegister(admin);
  const recovery = new RecoveryKeyPage(page);
  const groups = await recovery.groups();
  await recovery.confirm(groups);
  await new ShellPage(page).expectSignedIn(admin.displayName);
  return groups;
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

// ——— The daily register (issue 3): dates, structures, persons, referrals, admission, bed board, stays.

/** A fresh register with its first admin, signed in, at the window size given (the desk's 1366×768 by default). */
export async function openNewRegister(page: Page, url: string, viewport = { width: 1366, height: 768 }) {
  const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };
  await page.setViewportSize(viewport);
  await page.goto(url);
  await new SetupPage(page).createRegister(admin);
  const recovery = new RecoveryKeyPage(page);
  await recovery.confirm(await recovery.groups());
  await new ShellPage(page).expectSignedIn(admin.displayName);
}

/** Creates the demo register from the first-run screen and signs its first admin in. */
export async function openDemoRegister(page: Page, url: string, admin: { displayName: string; username: string; passphrase: string }) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Prova con un registro demo' }).click();
  await page.getByLabel('Nome e cognome').fill(admin.displayName);
  await page.getByLabel('Nome utente').fill(admin.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(admin.passphrase);
  await page.getByLabel('Ripeti la passphrase').fill(admin.passphrase);
  await page.getByRole('button', { name: 'Crea il registro demo' }).click();
  const recovery = new RecoveryKeyPage(page);
  await recovery.confirm(await recovery.groups());
  await new ShellPage(page).expectSignedIn(admin.displayName);
}

/** Reads the register through the browser host's own endpoint (what the page itself calls), as the user signed
 * in: for a test to choose whom or what to work with, never to check what the screens show. */
export async function readChannel<T>(page: Page, url: string, channel: string, input: unknown): Promise<T> {
  const token = new URL(url).searchParams.get('token')!;
  const response = await page.request.post(new URL(`/ipc/${channel}`, url).toString(), { headers: { 'x-approdo-token': token }, data: input });
  const body = (await response.json()) as { ok: boolean; value: T };
  expect(body.ok, `${channel} answered`).toBe(true);
  return body.value;
}

/** Today in Rome, the register's calendar, as 'YYYY-MM-DD'. */
export function romeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', as dates are typed and shown. */
export function italianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Types a date into a date field the way staff do (dd/mm/yyyy, then Tab to leave the field). */
export async function typeDate(field: Locator, iso: string) {
  await field.fill(italianDate(iso));
  await field.press('Tab');
  // The field parses what is typed as it changes (handing the date to the form) and settles its text on blur:
  // focus gone and the text as typed means both happened (React flushes a key or blur event's update at once).
  await expect(field).not.toBeFocused();
  await expect(field).toHaveValue(italianDate(iso));
}

/** Chooses an option of a native select by (part of) its visible text. */
export async function selectByText(select: Locator, text: string | RegExp) {
  const option = select.locator('option').filter({ hasText: text }).first();
  await expect(option).toBeAttached();
  await select.selectOption((await option.getAttribute('value'))!);
}

export class StructuresPage {
  constructor(private readonly page: Page) {}
  /** Nuova struttura with a managing partner added on the spot; ends on the new structure's page. */
  async create(structure: { name: string; type: string; partner: string; address?: string }) {
    await new ShellPage(this.page).open('Strutture');
    await this.page.getByTestId('structure-new').click();
    const form = this.page.getByTestId('structure-form');
    await form.getByTestId('structure-name').fill(structure.name);
    await form.getByTestId('structure-type').click();
    await this.page.getByRole('option', { name: structure.type, exact: true }).click();
    await form.getByTestId('partner-new').click();
    await form.getByTestId('partner-name').fill(structure.partner);
    await form.getByTestId('partner-save').click();
    await expect(form.getByTestId('structure-partner')).toHaveValue(structure.partner);
    if (structure.address) await form.getByTestId('structure-address').fill(structure.address);
    await form.getByTestId('structure-submit').click();
    await expect(this.page.getByTestId('structure-title')).toHaveText(structure.name);
    return new StructurePage(this.page);
  }
}

export class StructurePage {
  constructor(private readonly page: Page) {}
  room(name: string) {
    return this.page.getByTestId('room').and(this.page.locator(`[data-room-name="${name}"]`));
  }
  async addRoom(name: string) {
    await this.page.getByTestId('room-add').click();
    await this.page.getByTestId('room-name').fill(name);
    await this.page.getByTestId('dialog-submit').click();
    await expect(this.room(name)).toBeVisible();
  }
  /** A bed in the room, active from today unless told otherwise. */
  async addPlace(roomName: string, label: string, options: { activeFrom?: string } = {}) {
    const room = this.room(roomName);
    await room.getByTestId('place-add').click();
    const form = this.page.getByTestId('place-form');
    await form.getByTestId('place-label').fill(label);
    if (options.activeFrom) await typeDate(form.getByLabel('Attivo dal'), options.activeFrom);
    await this.page.getByTestId('dialog-submit').click();
    await expect(room.locator(`[data-testid="place"][data-place-label="${label}"]`)).toBeVisible();
  }
}

export class NewPersonPage {
  constructor(private readonly page: Page) {}
  /** Persone → Nuova persona → the person's page; returns the person's register code. */
  async register(person: { name: string; birthDate: string; gender: 'Donna' | 'Uomo' }): Promise<string> {
    await new ShellPage(this.page).open('Persone');
    await this.page.getByTestId('person-new').click();
    const form = this.page.getByTestId('person-form');
    await form.getByLabel('Nome o alias').fill(person.name);
    await form.getByRole('radio', { name: person.gender, exact: true }).check();
    await typeDate(form.getByLabel('Data di nascita'), person.birthDate);
    await expect(form.getByLabel('Anno di nascita')).toHaveValue(person.birthDate.slice(0, 4));
    await form.getByTestId('person-submit').click();
    await expect(this.page.getByTestId('person-name')).toContainText(person.name);
    return (await this.page.getByTestId('person-code').innerText()).trim();
  }
}

export class PersonPage {
  constructor(private readonly page: Page) {}
  async expectShown(name: string) {
    await expect(this.page.getByTestId('person-name')).toContainText(name);
  }
  async createHousehold() {
    const household = this.page.getByTestId('household');
    await household.getByTestId('household-create').click();
    await expect(household.getByTestId('household-member')).toHaveCount(1);
  }
  async addToHousehold(name: string, relationship: string) {
    const household = this.page.getByTestId('household');
    const before = await household.getByTestId('household-member').count();
    await household.getByTestId('household-pick').fill(name);
    await this.page.getByRole('option', { name: new RegExp(`· ${name}$`) }).click();
    await household.getByTestId('household-relationship').click();
    await this.page.getByRole('option', { name: relationship, exact: true }).click();
    await household.getByTestId('household-add').click();
    await expect(household.getByTestId('household-member')).toHaveCount(before + 1);
    await expect(household.getByTestId('household-member').filter({ hasText: name })).toContainText(relationship);
  }
  /** Opens another member's page from the household table. */
  async openMember(code: string) {
    await this.page.getByTestId('household').getByRole('button', { name: code, exact: true }).click();
  }
  openStay() {
    return this.page.getByTestId('stays').locator('[data-testid="stay"][data-open="true"]');
  }
  async transfer(options: { date: string; place: string }) {
    await this.openStay().getByTestId('stay-transfer').click();
    const form = this.page.getByTestId('transfer-form');
    await typeDate(form.getByLabel('Data del trasferimento'), options.date);
    await selectByText(form.getByLabel('Nuovo posto'), options.place);
    await form.getByRole('button', { name: 'Trasferisci' }).click();
    await expect(form).toHaveCount(0);
  }
  async extend(options: { newPlannedEnd: string; grantedBy: string }) {
    await this.openStay().getByTestId('stay-extend').click();
    const form = this.page.getByTestId('extend-form');
    await typeDate(form.getByLabel('Nuova fine prevista'), options.newPlannedEnd);
    await form.getByLabel('Concessa da').fill(options.grantedBy);
    await form.getByRole('button', { name: 'Registra la proroga' }).click();
    await expect(form).toHaveCount(0);
  }
  /** Dimissione, with the household members named (by alias) discharged together. */
  async discharge(options: { exitDate: string; reason: string; destination?: string; together?: string[] }) {
    await this.openStay().getByTestId('stay-discharge').click();
    const form = this.page.getByTestId('discharge-form');
    await typeDate(form.getByLabel('Data di uscita'), options.exitDate);
    await form.getByLabel('Motivo di uscita').selectOption({ label: options.reason });
    if (options.destination) await form.getByLabel('Destinazione').fill(options.destination);
    // The household's other members are ticked by default: those listed in `together` must be.
    for (const name of options.together ?? []) await expect(form.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) })).toBeChecked();
    await form.getByRole('button', { name: 'Conferma la dimissione' }).click();
    await expect(form).toHaveCount(0);
  }
}

export class ReferralsPage {
  constructor(private readonly page: Page) {}
  /** Segnalazioni → Nuova segnalazione about a registered person (their household comes along); the match panel opens. */
  async create(referral: { receivedOn?: string; source: string; personName: string; expectLinked?: RegExp }) {
    await new ShellPage(this.page).open('Segnalazioni');
    await this.page.getByRole('button', { name: 'Nuova segnalazione' }).click();
    const form = this.page.getByTestId('referral-form');
    if (referral.receivedOn) await typeDate(form.getByLabel('Ricevuta il'), referral.receivedOn);
    await form.getByLabel('Inviata da').selectOption({ label: referral.source });
    await form.getByTestId('person-search').fill(referral.personName);
    await form.getByTestId('person-search-result').filter({ hasText: referral.personName }).click();
    await expect(form.getByTestId('referral-linked-person')).toContainText(referral.expectLinked ?? referral.personName);
    await form.getByRole('button', { name: 'Registra la segnalazione' }).click();
    await expect(form).toHaveCount(0);
    await expect(this.page.getByTestId('match-panel')).toBeVisible();
  }
  /** In the match panel: search the nights wanted again, then "Accogli qui" for the structure; ends on the admission. */
  async admitHere(structure: string, nights?: { from: string; to?: string }) {
    const panel = this.page.getByTestId('match-panel');
    if (nights) {
      await typeDate(panel.getByRole('textbox', { name: 'Dal', exact: true }), nights.from);
      if (nights.to) await typeDate(panel.getByLabel('Al (facoltativo)'), nights.to);
      await panel.getByRole('button', { name: 'Cerca di nuovo' }).click();
    }
    await expect(panel.getByTestId('match-result').filter({ hasText: structure })).toBeVisible();
    await panel.getByRole('button', { name: `Accogli qui: ${structure}` }).click();
    await expect(this.page.getByTestId('admission-form')).toBeVisible();
  }
}

export class AdmissionPage {
  constructor(private readonly page: Page) {}
  member(name: string) {
    return this.page.getByTestId('admission-member').filter({ hasText: name });
  }
  async addPerson(name: string) {
    const form = this.page.getByTestId('admission-form');
    await form.getByTestId('person-search').fill(name);
    await form.getByTestId('person-search-result').filter({ hasText: name }).click();
    await expect(this.member(name)).toBeVisible();
  }
  async setPlannedEnd(iso: string) {
    await typeDate(this.page.getByTestId('admission-form').getByLabel('Fine prevista'), iso);
  }
  place(name: string) {
    return this.member(name).getByLabel(`Posto per ${name}`);
  }
  /** Fills a new person's line (the n-th line of the intake, 0 = the head). */
  async fillNew(index: number, person: { name: string; gender: string; birthDate: string }) {
    const form = this.page.getByTestId('admission-form');
    await form.getByTestId(`intake-name-${index}`).fill(person.name);
    await form.getByTestId(`intake-gender-${index}`).selectOption({ label: person.gender });
    await typeDate(form.getByTestId(`intake-birth-${index}`), person.birthDate);
  }
  async confirm() {
    await this.page.getByTestId('admission-submit').click();
  }
  /** Confirms and waits for the confirmation naming who went where. */
  async confirmDone() {
    await this.confirm();
    await expect(this.page.getByTestId('intake-done')).toBeVisible();
    return this.page.getByTestId('intake-done-person');
  }
}

export class BoardPage {
  constructor(private readonly page: Page) {}
  async open() {
    await new ShellPage(this.page).open('Tabellone posti');
    await expect(this.page.getByTestId('board-grid')).toBeVisible();
  }
  /** A place's row, by its label and room (as the row is named: "Letto 1, Camera A, Casa …"). */
  placeRow(label: string, room: string) {
    return this.page.getByTestId('board-place-row').and(this.page.getByRole('listitem', { name: new RegExp(`^${label}, ${room}, `) }));
  }
  freeCell(label: string, room: string, date: string) {
    return this.placeRow(label, room).locator(`[data-testid="board-free-cell"][data-date="${date}"]`);
  }
  bars(name: string) {
    return this.page.getByTestId('board-bar').filter({ hasText: new RegExp(`^${name}$`) });
  }
  freeTonight() {
    return this.page.getByTestId('board-free-tonight');
  }
}

// ——— The safety net (issue 4): backups and restore.

export class BackupsPage {
  constructor(private readonly page: Page) {}
  async open() {
    await new ShellPage(this.page).open('Copie di sicurezza');
    await expect(this.page.getByTestId('backups-page')).toBeVisible();
  }
  /** "Copia in una cartella…" with the folder's full path typed; ends when the verified copy is announced. */
  async backUpToFolder(folder: string) {
    await this.page.getByRole('button', { name: 'Copia in una cartella…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Copia in una cartella' });
    await dialog.getByLabel('Cartella di destinazione').fill(folder);
    await dialog.getByRole('button', { name: 'Copia e verifica' }).click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  }
  /** The notice a verified copy to a folder leaves on the page ("Copia salvata e verificata: <file>"). */
  folderNotice() {
    return this.page.getByRole('status').filter({ hasText: 'Copia salvata e verificata:' });
  }
  status() {
    return this.page.getByTestId('backup-status');
  }
}

export class RestorePage {
  constructor(private readonly page: Page) {}
  /** From the first-run welcome screen of a folder with no register. */
  async openFromSetup() {
    await expect(this.page.getByRole('heading', { name: 'Benvenuti in Approdo' })).toBeVisible({ timeout: 30_000 });
    await this.page.getByTestId('setup-restore').click();
    await expect(this.page.getByRole('heading', { name: 'Ripristina da una copia di sicurezza' })).toBeVisible();
  }
  /** A backup file typed by its full path, unlocked with the register's recovery key (groups, with dashes). */
  async withRecoveryKey(file: string, recoveryKey: string) {
    const form = this.page.getByTestId('restore-form');
    await form.getByRole('textbox', { name: 'File della copia' }).fill(file);
    await form.getByText('Chiave di recupero', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Chiave di recupero' }).fill(recoveryKey);
    await form.getByRole('button', { name: 'Verifica e ripristina' }).click();
  }
}

export class RecoverPage {
  constructor(private readonly page: Page) {}
  /** From the sign-in screen: "Usa la chiave di recupero", then username and recovery key. */
  async signIn(username: string, recoveryKey: string) {
    await expect(this.page.getByRole('heading', { name: 'Accedi al registro' })).toBeVisible({ timeout: 60_000 });
    await this.page.getByRole('button', { name: 'Usa la chiave di recupero' }).click();
    await expect(this.page.getByRole('heading', { name: 'Accesso con la chiave di recupero' })).toBeVisible();
    await this.page.getByLabel('Nome utente').fill(username);
    await this.page.getByRole('textbox', { name: 'Chiave di recupero' }).fill(recoveryKey);
    await this.page.getByRole('button', { name: 'Apri con la chiave di recupero' }).click();
  }
  /** The forced new passphrase after the recovery key: no current passphrase is asked. */
  async choosePassphrase(next: string) {
    await expect(this.page.getByRole('heading', { name: 'Scegli una nuova passphrase' })).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByText('Hai aperto il registro con la chiave di recupero.', { exact: false })).toBeVisible();
    await expect(this.page.getByLabel('Passphrase attuale')).toHaveCount(0);
    await this.page.getByLabel('Nuova passphrase', { exact: true }).fill(next);
    await this.page.getByLabel('Ripeti la nuova passphrase').fill(next);
    await this.page.getByRole('button', { name: 'Cambia passphrase' }).click();
  }
}
