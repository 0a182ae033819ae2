// Social accompaniment end to end on the demo register (docs/pathway.md): an operator records a plan with
// three goals for a woman hosted in her structure, two interventions (one a group activity for three women)
// and a note; the coordinator sees the counts in the services register; an operator of another structure
// cannot open the note.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ChangePassphrasePage, LoginPage, ShellPage, UsersPage, openDemoRegister, readChannel, romeToday } from './pages';

const admin = { displayName: 'Anna Demo', username: 'anna', passphrase: 'una frase lunga e segreta' };
const FIRST = 'prima passphrase 2026';
const opa = { displayName: 'Operatrice Alfa', username: 'opa', role: 'operator' as const, passphrase: FIRST };
const opb = { displayName: 'Operatore Beta', username: 'opb', role: 'operator' as const, passphrase: FIRST };
const coord = { displayName: 'Coordinatrice Gamma', username: 'coord', role: 'coordinator' as const, passphrase: FIRST };
const NOTE = 'Colloquio: chiede aiuto per il rinnovo del permesso';

interface Row { id: number; code: string; displayName: string | null; birthYear: number | null; restricted: boolean }


async function signInFirstTime(page: Page, user: { username: string; displayName: string }) {
  await new ShellPage(page).lock();
  await page.getByRole('button', { name: 'Accedi con un altro utente' }).click();
  await new LoginPage(page).signIn(user.username, FIRST);
  await new ChangePassphrasePage(page).change(FIRST, `${user.username} passphrase propria`);
  await new ShellPage(page).expectSignedIn(user.displayName);
}

async function chooseOption(page: Page, field: import('@playwright/test').Locator, name: string | RegExp) {
  await field.click();
  await page.getByRole('option', { name, exact: typeof name === 'string' }).first().click();
}

async function openPerson(page: Page, code: string) {
  await new ShellPage(page).open('Persone');
  await page.getByTestId('persons-search').fill(code);
  await page.getByTestId('person-row').filter({ hasText: code }).first().click();
  await expect(page.getByTestId('person-code')).toHaveText(code);
  await page.getByTestId('tab-pathway').click();
  await expect(page.getByTestId('pathway')).toBeVisible({ timeout: 30_000 });
}

test('plan, interventions (one a group activity) and a note by an operator; counts for the coordinator; the note closed to another structure', async ({ page, host }) => {
  test.setTimeout(300_000);
  const year = Number(romeToday().slice(0, 4));
  await page.setViewportSize({ width: 1400, height: 1000 });
  // The demo register, created from the first-run screen.
  await openDemoRegister(page, host.url, admin);

  // Whom to work with: a structure hosting at least three adult women now (not restricted), and another structure.
  const structures = await readChannel<{ id: number; name: string; active: boolean }[]>(page, host.url, 'structures.list', { includeInactive: false });
  let chosen: { id: number; name: string; women: Row[] } | null = null;
  for (const s of structures) {
    const found = await readChannel<{ rows: Row[] }>(page, host.url, 'persons.search', { structureId: s.id, status: 'present', gender: 'female', limit: 50 });
    const women = found.rows.filter((r) => !r.restricted && r.displayName && r.birthYear !== null && r.birthYear <= year - 20);
    if (women.length >= 3) {
      chosen = { id: s.id, name: s.name, women: women.slice(0, 3) };
      break;
    }
  }
  expect(chosen, 'a demo structure with three women hosted now').not.toBeNull();
  const other = structures.find((s) => s.id !== chosen!.id)!;
  const [woman, second, third] = chosen!.women as [Row, Row, Row];

  // Users, and who works where.
  const shell = new ShellPage(page);
  await shell.openSettingsTab('Utenti');
  const users = new UsersPage(page);
  for (const user of [opa, opb, coord]) await users.add(user);
  for (const [structure, user] of [[chosen!, opa], [other, opb]] as const) {
    await shell.open('Strutture');
    await page.getByTestId('structure-row').filter({ hasText: structure.name }).getByRole('button', { name: structure.name }).click();
    const staff = page.getByTestId('structure-staff');
    await chooseOption(page, staff.getByTestId('staff-select'), new RegExp(user.displayName));
    await page.keyboard.press('Escape');
    await staff.getByTestId('staff-save').click();
    await expect(staff.getByText('Personale aggiornato.')).toBeVisible();
  }

  // The operator of the woman's structure: a plan with three goals.
  await signInFirstTime(page, opa);
  await openPerson(page, woman.code);
  const stay = page.getByTestId('pathway-stay').first();
  const planForm = stay.getByTestId('plan-form');
  if (await planForm.isVisible()) {
    await planForm.getByRole('button', { name: 'Registra il progetto' }).click();
  }
  await expect(stay.getByTestId('plan')).toBeVisible();
  const before = await stay.getByTestId('goal-row').count();
  const goals: [string, string][] = [['Lingua italiana', 'Livello A2 entro l’estate'], ['Lavoro e formazione', 'Tirocinio in cucina'], ['Abitare', 'Cercare una stanza in affitto']];
  for (const [area, description] of goals) {
    const form = stay.getByTestId('goal-form');
    await chooseOption(page, form.getByTestId('goal-area'), area);
    await form.getByTestId('goal-description').fill(description);
    await form.getByTestId('goal-submit').click();
    await expect(stay.getByTestId('goal-row').filter({ hasText: description })).toBeVisible();
  }
  await expect(stay.getByTestId('goal-row')).toHaveCount(before + 3);

  // One intervention for her, from the Pathway tab.
  const entry = page.getByTestId('intervention-form');
  await chooseOption(page, entry.getByTestId('intervention-area'), 'Status legale e documenti');
  await chooseOption(page, entry.getByTestId('intervention-type'), 'Consulenza legale');
  await chooseOption(page, entry.getByTestId('intervention-staff'), opa.displayName);
  await entry.getByTestId('intervention-minutes').fill('60');
  await entry.getByTestId('intervention-submit').click();
  await expect(page.getByText('Intervento registrato.')).toBeVisible();

  // A note about her, from the same short form.
  await page.getByTestId('entry-kind').getByText('Nota').click();
  await page.getByTestId('note-body').fill(NOTE);
  await page.getByTestId('note-submit').click();
  await expect(page.getByTestId('timeline-note').filter({ hasText: NOTE })).toBeVisible();

  // A group activity for three women of her structure, from the services register.
  await shell.open('Interventi');
  await page.getByTestId('group-activity').click();
  const dialog = page.getByRole('dialog');
  for (const participant of [woman, second, third]) {
    await dialog.getByTestId('group-picker').fill(participant.code);
    await page.getByRole('option', { name: new RegExp(participant.code) }).first().click();
    await expect(dialog.getByTestId('group-participants')).toContainText(participant.code);
  }
  await chooseOption(page, dialog.getByTestId('intervention-area'), 'Lingua italiana');
  await chooseOption(page, dialog.getByTestId('intervention-type'), 'Corso di italiano');
  await chooseOption(page, dialog.getByTestId('intervention-staff'), opa.displayName);
  await dialog.getByTestId('intervention-minutes').fill('120');
  await dialog.getByTestId('intervention-submit').click();
  await expect(page.getByText('Registrato per 3 persone.')).toBeVisible();

  // The coordinator: the services register for the month, by member of staff, counts and hours per type.
  await signInFirstTime(page, coord);
  await shell.open('Interventi');
  await chooseOption(page, page.getByTestId('services-structure'), chosen!.name);
  await chooseOption(page, page.getByTestId('services-staff'), opa.displayName);
  await expect(page.getByTestId('services-total')).toHaveText('4 interventi');
  await expect(page.getByTestId('services-hours')).toHaveText('7 ore');
  await expect(page.getByTestId('services-persons')).toHaveText('3 persone raggiunte');
  await expect(page.getByTestId('by-type-italian_course')).toContainText(/Corso di italiano\s*3\s*6/);
  await expect(page.getByTestId('by-type-legal_counselling')).toContainText(/Consulenza legale\s*1\s*1/);
  await expect(page.getByTestId('services-row')).toHaveCount(4);
  // The figures of the period, per structure: the chosen structure counts at least these four.
  await expect(page.getByTestId('pathway-figures')).toContainText(chosen!.name);
  // Notes are in no list.
  await expect(page.getByTestId('services-page')).not.toContainText(NOTE);

  // An operator of another structure opens the woman's pathway: the note stays closed.
  await signInFirstTime(page, opb);
  await openPerson(page, woman.code);
  await expect(page.getByTestId('notes-hidden')).toBeVisible();
  await expect(page.getByTestId('timeline-intervention').first()).toBeVisible();
  await expect(page.getByTestId('pathway')).not.toContainText(NOTE);
  await expect(page.getByTestId('timeline-note')).toHaveCount(0);
});
