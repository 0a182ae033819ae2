// The daily register end to end: a structure with its places, a woman and her two children as a household,
// a referral admitted through matching, the bed board, transfer, extension, discharge; and a bed free only
// until a later booking used for a bounded placement (a placement past the booking refused in Italian).
import { test, expect } from './fixtures';
import {
  addDays, AdmissionPage, typeDate, BoardPage, italianDate, NewPersonPage, openNewRegister, PersonPage, ReferralsPage, romeToday,
  ShellPage, StructuresPage,
} from './pages';

test('a woman and her two children: referral, matching, admission, bed board, transfer, extension, discharge', async ({ page, host }) => {
  const today = romeToday();
  const entry = addDays(today, -3);
  const year = Number(today.slice(0, 4));
  await openNewRegister(page, host.url, { width: 1400, height: 1000 });

  // A protected shelter: three beds in one room, a fourth in another; in service since last week.
  const structure = await new StructuresPage(page).create({ name: 'Casa Aurora', type: 'Rifugio protetto', partner: 'Cooperativa Il Faro', address: 'Via Riservata 1, Torino' });
  await structure.addRoom('Camera A');
  await structure.addRoom('Camera B');
  for (const label of ['Letto 1', 'Letto 2', 'Letto 3']) await structure.addPlace('Camera A', label, { activeFrom: addDays(today, -7) });
  await structure.addPlace('Camera B', 'Letto 4', { activeFrom: addDays(today, -7) });
  await expect(page.getByTestId('capacity-free')).toHaveText('4');

  // A woman and two children (minors), then the household on her page.
  const persons = new NewPersonPage(page);
  const amina = await persons.register({ name: 'Amina', birthDate: '1990-05-12', gender: 'Donna' });
  const samir = await persons.register({ name: 'Samir', birthDate: `${year - 9}-03-15`, gender: 'Uomo' });
  const leila = await persons.register({ name: 'Leila', birthDate: `${year - 6}-07-20`, gender: 'Donna' });
  expect(new Set([amina, samir, leila]).size).toBe(3);
  await new ShellPage(page).open('Persone');
  await page.getByTestId('persons-search').fill('Amina');
  await page.getByTestId('person-row').filter({ hasText: amina }).click();
  const person = new PersonPage(page);
  await person.expectShown('Amina');
  await person.createHousehold();
  await person.addToHousehold('Samir', 'Figlia/o');
  await person.addToHousehold('Leila', 'Figlia/o');

  // The referral about her brings the household along; matching proposes the shelter; admission from there.
  const referrals = new ReferralsPage(page);
  await referrals.create({ receivedOn: entry, source: 'Centro antiviolenza', personName: 'Amina', expectLinked: /Amina · nucleo di 3 persone/ });
  await expect(page.getByTestId('match-panel')).toContainText(/3 persone · 2 minori \([89] anni, [56] anni\)/);
  await referrals.admitHere('Casa Aurora', { from: entry });
  const admission = new AdmissionPage(page);
  await expect(page.getByTestId('admission-referral')).toBeVisible();
  await expect(page.getByTestId('admission-form').getByLabel('Data di ingresso')).toHaveValue(italianDate(entry));
  await expect(page.getByTestId('admission-member')).toHaveCount(3);
  // Matching put the mother and both children in Camera A, the room that holds them all.
  for (const name of ['Amina', 'Samir', 'Leila']) {
    await expect(admission.place(name).locator('option:checked')).toContainText('Camera A');
  }
  await admission.setPlannedEnd(addDays(today, 30));
  const done = await admission.confirmDone();
  await expect(done).toHaveCount(3);
  for (const name of ['Amina', 'Samir', 'Leila']) await expect(done.filter({ hasText: name })).toContainText('Casa Aurora › Camera A › Letto');
  await page.getByRole('button', { name: 'Apri la scheda di Amina' }).click();
  await person.expectShown('Amina');
  await expect(person.openStay()).toBeVisible();
  await expect(person.openStay().getByTestId('placement')).toContainText('Casa Aurora › Camera A');
  await expect(person.openStay().getByTestId('stay-planned-end')).toContainText(italianDate(addDays(today, 30)));

  // On the bed board: three bars tonight, one per person; only the bed in Camera B is still free.
  const board = new BoardPage(page);
  await board.open();
  for (const name of ['Amina', 'Samir', 'Leila']) {
    await expect(board.bars(name)).toHaveCount(1);
    await expect(board.bars(name)).toHaveAttribute('aria-label', new RegExp(`^${name}, Letto [123], dal ${italianDate(entry)}, in corso`));
  }
  await expect(board.freeTonight()).toHaveText('1 posto libero stanotte');
  await expect(board.freeCell('Letto 4', 'Camera B', today)).toBeVisible();
  // The referral is no longer waiting: it was placed by the admission.
  await new ShellPage(page).open('Segnalazioni');
  await expect(page.getByText('Nessuna segnalazione in attesa.')).toBeVisible();
  await board.open();

  // Samir moves to the bed in Camera B from yesterday night: a transfer, not a new entry.
  await board.bars('Samir').click();
  await person.expectShown('Samir');
  await person.transfer({ date: addDays(today, -1), place: 'Letto 4 · Camera B' });
  const samirPlacements = person.openStay().getByTestId('placement');
  await expect(samirPlacements).toHaveCount(2);
  await expect(samirPlacements.filter({ hasText: 'Camera B › Letto 4' })).toContainText(`dal ${italianDate(addDays(today, -1))}`);
  await expect(page.getByTestId('stay')).toHaveCount(1);

  // A proroga of his stay, granted by social services.
  await person.extend({ newPlannedEnd: addDays(today, 60), grantedBy: 'Servizi sociali di Torino' });
  await expect(person.openStay().getByTestId('stay-planned-end')).toContainText(italianDate(addDays(today, 60)));
  await expect(person.openStay().getByTestId('extension')).toContainText('Servizi sociali di Torino');

  // Back on the board, Samir is in Letto 4 tonight.
  await board.open();
  await expect(board.placeRow('Letto 4', 'Camera B').getByTestId('board-bar').filter({ hasText: 'Samir' })).toBeVisible();
  await expect(board.freeTonight()).toHaveText('1 posto libero stanotte');

  // The household leaves together today, with an SAI exit reason.
  await board.bars('Amina').click();
  await person.expectShown('Amina');
  await person.discharge({ exitDate: today, reason: 'Inserimento socio-economico', destination: 'Alloggio in autonomia', together: ['Samir', 'Leila'] });
  await expect(person.openStay()).toHaveCount(0);
  await expect(page.getByTestId('stay').getByTestId('exit')).toContainText('Inserimento socio-economico');
  await expect(page.getByTestId('person-admit')).toBeVisible();
  await person.openMember(leila);
  await person.expectShown('Leila');
  await expect(person.openStay()).toHaveCount(0);
  await expect(page.getByTestId('stay').getByTestId('exit')).toContainText('Inserimento socio-economico');

  // Tonight every place of the shelter is free again, and no bar covers tonight.
  await board.open();
  await expect(board.freeTonight()).toHaveText('4 posti liberi stanotte');
  for (const [label, room] of [['Letto 1', 'Camera A'], ['Letto 2', 'Camera A'], ['Letto 3', 'Camera A'], ['Letto 4', 'Camera B']] as const) {
    await expect(board.freeCell(label, room, today)).toBeVisible();
  }
  for (const bar of await page.getByTestId('board-bar').all()) await expect(bar).not.toHaveAttribute('aria-label', /in corso/);
});

test('a bed free until a later booking takes a bounded placement; a placement past the booking is refused and nothing is written', async ({ page, host }) => {
  const today = romeToday();
  await openNewRegister(page, host.url, { width: 1400, height: 1000 });
  const structure = await new StructuresPage(page).create({ name: 'Casa Ginestra', type: 'Coabitazione solidale', partner: 'Associazione Ponte' });
  await structure.addRoom('Camera 1');
  await structure.addPlace('Camera 1', 'Letto 1');
  const persons = new NewPersonPage(page);
  await persons.register({ name: 'Bianca', birthDate: '1985-02-10', gender: 'Donna' });
  const chiara = await persons.register({ name: 'Chiara', birthDate: '1992-09-03', gender: 'Donna' });

  // Bianca is booked into Letto 1 from a night of next week, chosen on the board.
  const board = new BoardPage(page);
  await board.open();
  await page.getByRole('button', { name: 'Settimana successiva' }).click();
  // The current week stays on screen until the next one has loaded: wait for next week's first night.
  const laterCell = board.placeRow('Letto 1', 'Camera 1').getByTestId('board-free-cell').first();
  await expect.poll(async () => ((await laterCell.getAttribute('data-date')) ?? '') > today).toBe(true);
  const later = (await laterCell.getAttribute('data-date'))!;
  await laterCell.click();
  const admission = new AdmissionPage(page);
  await expect(page.getByTestId('admission-form').getByLabel('Data di ingresso')).toHaveValue(italianDate(later));
  await expect(page.getByTestId('admission-cell')).toContainText('Letto 1 · Casa Ginestra › Camera 1');
  await admission.addPerson('Bianca');
  await expect(admission.place('Bianca').locator('option:checked')).toHaveText('Letto 1 · Camera 1');
  await expect(await admission.confirmDone()).toContainText('Bianca');

  // Tonight Letto 1 is free until Bianca's first night: the board says so.
  await board.open();
  await expect(board.freeTonight()).toHaveText('1 posto libero stanotte');
  const tonight = board.freeCell('Letto 1', 'Camera 1', today);
  await expect(tonight).toHaveAttribute('data-free-until', later);
  await expect(tonight).toHaveAttribute('title', `libero fino al ${italianDate(later)}`);
  await tonight.click();
  await admission.addPerson('Chiara');
  const place = admission.place('Chiara');
  await expect(place.locator('option:checked')).toHaveText(`Letto 1 · Camera 1 — libero fino al ${italianDate(later)}`);
  // The admission asks for the placement's end, prefilled with the night the bed is needed again.
  const end = admission.member('Chiara').getByTestId('admission-placement-end-0');
  await expect(end).toHaveValue(italianDate(later));
  await expect(admission.member('Chiara')).toContainText(`ultima notte qui il ${italianDate(addDays(later, -1))}`);

  // A placement past the booking is refused, in Italian, under the field; nothing is written.
  await typeDate(end, addDays(later, 2));
  await admission.confirm();
  await expect(admission.member('Chiara').getByText('Il posto è già occupato in almeno una notte di questo periodo.').first()).toBeVisible();
  await expect(page.getByTestId('intake-done')).toHaveCount(0);

  // Back to the last free night: admitted, the stay left open, the placement ending at Bianca's booking.
  await typeDate(end, later);
  const done = await admission.confirmDone();
  await expect(done).toContainText(`Chiara`);
  await expect(done).toContainText(`fino al ${italianDate(later)}`);
  await page.getByRole('button', { name: 'Apri la scheda di Chiara' }).click();
  const person = new PersonPage(page);
  await person.expectShown('Chiara');
  await expect(person.openStay().getByTestId('placement')).toContainText(`Casa Ginestra › Camera 1 › Letto 1 · dal ${italianDate(today)}`);
  await board.open();
  await expect(page.getByTestId('board-bar').filter({ hasText: 'Chiara' })).toHaveAttribute('aria-label', new RegExp(`^Chiara, Letto 1, dal ${italianDate(today)} al ${italianDate(later)}`));
  void chiara;
});
