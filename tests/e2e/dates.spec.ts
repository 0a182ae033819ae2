// Dates are never lost: an impossible or incomplete date stays in the field with a message and nothing is
// saved; a birth date in the future is refused with its own message; Escape inside a date picker closes the
// picker only, never the dialog with what was typed in it.
import { test, expect } from './fixtures';
import { openNewRegister, ShellPage } from './pages';

test.beforeEach(async ({ page, host }) => {
  await openNewRegister(page, host.url);
});

test('an impossible or partial birth date stays typed with its message, and the person is not saved without it', async ({ page }) => {
  await new ShellPage(page).open('Persone');
  await page.getByTestId('person-new').click();
  const form = page.getByTestId('person-form');
  await form.getByLabel('Nome o alias').fill('Data Sbagliata');
  await form.getByRole('radio', { name: 'Donna', exact: true }).check();
  const birth = form.getByLabel('Data di nascita');
  await birth.fill('31/02/1994');
  await birth.press('Tab');
  await expect(birth).toHaveValue('31/02/1994');
  await expect(form.getByText('31/02/1994 non esiste: controlla giorno e mese.')).toBeVisible();
  await form.getByTestId('person-submit').click();
  await expect(form).toBeVisible();
  await expect(birth).toHaveValue('31/02/1994');
  await expect(page.getByTestId('person-name')).toHaveCount(0);

  // A partial date: kept too, with the format to use.
  await birth.fill('12/3/19');
  await birth.press('Tab');
  await expect(birth).toHaveValue('12/3/19');
  await expect(form.getByText('«12/3/19» non è una data completa: scrivi gg/mm/aaaa.')).toBeVisible();

  // A birth date in the future is refused by the register, next to the field.
  await birth.fill('01/01/2099');
  await birth.press('Tab');
  await expect(form.getByText('non esiste')).toHaveCount(0);
  await form.getByTestId('person-submit').click();
  await expect(form.getByText('La data di nascita non può essere nel futuro.')).toBeVisible();
  await expect(birth).toHaveValue('01/01/2099');

  // Corrected, it saves.
  await birth.fill('28/02/1994');
  await birth.press('Tab');
  await form.getByTestId('person-submit').click();
  await expect(page.getByTestId('person-name')).toContainText('Data Sbagliata');
});

test('Escape in a date picker closes the picker and keeps the dialog and what was typed', async ({ page }) => {
  await new ShellPage(page).open('Segnalazioni');
  await page.getByRole('button', { name: 'Nuova segnalazione' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const notes = dialog.getByLabel('Note');
  await notes.fill('Telefonata del centro antiviolenza');
  const date = dialog.getByLabel('Ricevuta il');
  await date.click();
  // The calendar is open: its days are buttons in a table.
  const calendar = page.locator('table').filter({ has: page.locator('button[data-today]') }).first();
  await expect(calendar).toBeVisible();
  await date.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(notes).toHaveValue('Telefonata del centro antiviolenza');
  // With the picker closed, Escape closes the dialog as usual.
  await date.press('Escape');
  await expect(dialog).toBeHidden();
});
