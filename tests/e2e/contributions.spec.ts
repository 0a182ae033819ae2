// Housing contributions end to end, in Italian: a coordinator sets the year's budget, an operator records an
// assessment, the coordinator approves the suggested amount and records two payments, the budget page adds
// up, an approval past the remaining budget is refused and then accepted with an override that the budget
// page lists, and the ledger downloads with totals that match.
import readExcelFile from 'read-excel-file/node';
import { test, expect } from './fixtures';
import {
  ChangePassphrasePage, LockPage, LoginPage, NewPersonPage, RecoveryKeyPage, romeToday, SetupPage, ShellPage, UsersPage,
} from './pages';
import type { Page } from '@playwright/test';

const admin = { displayName: 'Anna Bianchi', username: 'anna', passphrase: 'una frase lunga e segreta' };
const coordinator = { displayName: 'Carla Neri', username: 'carla', role: 'coordinator' as const, passphrase: 'prima frase del coordinamento' };
const operator = { displayName: 'Omar Testa', username: 'omar', role: 'operator' as const, passphrase: 'prima frase dello sportello' };
const later = (user: { displayName: string }) => `una nuova frase tutta mia, ${user.displayName.length} lettere`;

/** it-IT money as the app shows it, whatever space Intl puts before the euro sign. */
const money = (text: string) => new RegExp(text.replace(/\./g, '\\.').replace(' €', '[\\s\\u00a0\\u202f]€'));

async function switchTo(page: Page, user: { username: string; displayName: string; passphrase: string }, first: boolean) {
  const shell = new ShellPage(page);
  await shell.lock();
  await new LockPage(page).anotherUser();
  await new LoginPage(page).signIn(user.username, first ? user.passphrase : later(user));
  if (first) await new ChangePassphrasePage(page).change(user.passphrase, later(user));
  await shell.expectSignedIn(user.displayName);
}

async function choose(page: Page, field: ReturnType<Page['getByTestId']>, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('budget, assessment, approval of the suggestion, payments, override and the ledger', async ({ page, host }) => {
  test.setTimeout(240_000);
  const year = Number(romeToday().slice(0, 4));
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(host.url);
  await new SetupPage(page).createRegister(admin);
  const recovery = new RecoveryKeyPage(page);
  await recovery.confirm(await recovery.groups());
  const shell = new ShellPage(page);
  await shell.expectSignedIn(admin.displayName);
  await shell.openSettingsTab('Utenti');
  const users = new UsersPage(page);
  await users.add(coordinator);
  await users.add(operator);
  const persons = new NewPersonPage(page);
  const fatima = await persons.register({ name: 'Fatima', birthDate: '1988-02-03', gender: 'Donna' });
  const grace = await persons.register({ name: 'Grace', birthDate: '1992-09-30', gender: 'Donna' });

  // The coordinator sets this year's budget for rental starts: € 5.000,00.
  await switchTo(page, coordinator, true);
  await shell.open('Bilancio');
  await choose(page, page.getByTestId('budget-type'), 'Avvio locazione');
  await page.getByTestId('budget-amount').fill('5000');
  await page.getByTestId('budget-save').click();
  await expect(page.getByTestId('budget-line-rental_start').getByTestId('line-budget')).toHaveText(money('5.000,00 €'));

  // The operator records the assessment on Fatima's page; the suggestion is explained and taken.
  await switchTo(page, operator, true);
  await shell.open('Persone');
  await page.getByTestId('persons-search').fill('Fatima');
  await page.getByTestId('person-row').filter({ hasText: fatima }).click();
  await page.getByTestId('new-contribution').click();
  await choose(page, page.getByTestId('assessment-type'), 'Avvio locazione');
  await page.getByTestId('assessment-income').fill('850');
  await page.getByTestId('assessment-isee').fill('5.000,00');
  await choose(page, page.getByTestId('assessment-housing'), 'Accolta nel programma');
  await choose(page, page.getByTestId('assessment-emergency'), 'Alta');
  // A typing mistake is refused next to the field, and the typed value stays.
  await page.getByTestId('assessment-proposed').fill('1.50,00');
  await page.getByTestId('assessment-submit').click();
  await expect(page.getByText('Importo non valido: scrivi ad esempio 1.234,50.')).toBeVisible();
  await expect(page.getByTestId('assessment-proposed')).toHaveValue('1.50,00');
  await expect(page.getByTestId('suggested-amount')).toHaveText(money('1.500,00 €'), { timeout: 15_000 });
  await expect(page.getByTestId('suggestion')).toContainText('Fascia 1 della tabella');
  await page.getByTestId('use-suggestion').click();
  await expect(page.getByTestId('assessment-proposed')).toHaveValue('1500,00');
  await page.getByTestId('assessment-submit').click();
  await expect(page.getByTestId('contribution-status')).toHaveText('Proposto');
  await expect(page.getByTestId('approve')).toHaveCount(0);

  // The coordinator approves the suggested amount and records two payments.
  await switchTo(page, coordinator, false);
  await shell.open('Contributi');
  await page.getByTestId('contribution-row').first().click();
  await expect(page.getByTestId('decision-amount')).toHaveValue('1500,00');
  await page.getByTestId('decision-motivation').fill('Conforme alla tabella');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('contribution-status')).toHaveText('Approvato');
  for (const [amount, receipt] of [['500', 'BON-1'], ['333,33', 'BON-2']] as const) {
    await page.getByTestId('payment-amount').fill(amount);
    await page.getByTestId('payment-receipt').fill(receipt);
    await page.getByTestId('record-payment').click();
    await expect(page.getByTestId('payment').filter({ hasText: receipt })).toBeVisible();
  }
  await expect(page.getByTestId('payment-balance').last()).toHaveText(money('666,67 €'));
  await expect(page.getByTestId('figure-paid')).toHaveText(money('833,33 €'));

  // The budget page: committed 666,67, paid 833,33, remaining 3.500,00.
  await shell.open('Bilancio');
  const line = page.getByTestId('budget-line-rental_start');
  await expect(line.getByTestId('line-committed')).toHaveText(money('666,67 €'));
  await expect(line.getByTestId('line-paid')).toHaveText(money('833,33 €'));
  await expect(line.getByTestId('line-remaining')).toHaveText(money('3.500,00 €'));
  await expect(page.getByTestId('budget-chart')).toBeVisible();

  // A proposal for Grace past what remains: refused with the remaining amount, then approved with an override.
  await shell.open('Persone');
  await page.getByTestId('persons-search').fill('Grace');
  await page.getByTestId('person-row').filter({ hasText: grace }).click();
  await page.getByTestId('new-contribution').click();
  await choose(page, page.getByTestId('assessment-type'), 'Avvio locazione');
  await page.getByTestId('assessment-income').fill('0');
  await choose(page, page.getByTestId('assessment-housing'), 'Senza dimora');
  await choose(page, page.getByTestId('assessment-emergency'), 'Critica');
  await page.getByTestId('assessment-proposed').fill('4.000');
  await page.getByTestId('assessment-submit').click();
  await expect(page.getByTestId('contribution-status')).toHaveText('Proposto');
  await page.getByTestId('decision-amount').fill('4.000');
  await page.getByTestId('decision-motivation').fill('Sfratto imminente');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('over-budget')).toContainText(money('restano 3.500,00 €'));
  await expect(page.getByTestId('contribution-status')).toHaveText('Proposto');
  await page.getByTestId('override-reason').fill('Nucleo senza dimora in pieno inverno');
  await page.getByTestId('approve-override').click();
  await expect(page.getByTestId('contribution-status')).toHaveText('Approvato');
  await expect(page.getByTestId('decision-override')).toContainText('Nucleo senza dimora in pieno inverno');

  await shell.open('Bilancio');
  await expect(page.getByTestId('budget-overrides')).toContainText('Nucleo senza dimora in pieno inverno');
  await expect(line.getByTestId('line-remaining')).toHaveText(money('-500,00 €'));
  await expect(line.getByTestId('budget-warning')).toBeVisible();

  // The ledger downloads; its totals match the budget page.
  const download = page.waitForEvent('download');
  await page.getByTestId('ledger-export').click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe(`registro-contributi-${year}.xlsx`);
  const [payments, totals] = await readExcelFile(file);
  expect(payments!.data.slice(1).map((row) => row[5])).toEqual([500, 333.33]);
  const rental = totals!.data.find((row) => row[0] === 'Avvio locazione')!;
  expect(rental[4]).toBe(833.33);
  expect(rental[1]).toBe(5000);
  expect(JSON.stringify(payments!.data)).not.toMatch(/Fatima|Grace/);
});
