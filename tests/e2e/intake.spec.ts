// The one intake, as a night operator meets it at 1366×768: a new mother and her two new children admitted
// from a free cell of the bed board in at most 3 screens and 20 user actions (clicks and fields filled),
// matching keeping the children in her room, two children's beds swapped in one action, and a
// confirmation naming who went where.
import { test, expect } from './fixtures';
import { AdmissionPage, BoardPage, openNewRegister, romeToday, ShellPage, StructuresPage } from './pages';

test('a new mother and two new children from a free board cell: ≤ 3 screens, ≤ 20 actions, a swap, a confirmation', async ({ page, host }) => {
  const today = romeToday();
  const year = Number(today.slice(0, 4));
  await openNewRegister(page, host.url);

  // A shelter with three beds in Camera A and one in Camera B.
  const structure = await new StructuresPage(page).create({ name: 'Casa Aurora', type: 'Rifugio protetto', partner: 'Cooperativa Il Faro' });
  await structure.addRoom('Camera A');
  await structure.addRoom('Camera B');
  for (const label of ['Letto 1', 'Letto 2', 'Letto 3']) await structure.addPlace('Camera A', label);
  await structure.addPlace('Camera B', 'Letto 4');

  const board = new BoardPage(page);
  await board.open();
  // From here every click and every field filled counts; each new screen too.
  let actions = 0;
  const screens: string[] = ['board'];
  const act = async <T>(step: Promise<T>, count = 1): Promise<T> => {
    const result = await step;
    actions += count;
    return result;
  };

  await act(board.freeCell('Letto 1', 'Camera A', today).click());
  await expect(page.getByTestId('admission-form')).toBeVisible();
  screens.push('intake');
  await expect(page.getByTestId('admission-cell')).toContainText('Letto 1 · Casa Aurora › Camera A');

  const intake = new AdmissionPage(page);
  // Three fields each: name, gender, birth date.
  await act(intake.fillNew(0, { name: 'Amina', gender: 'Donna', birthDate: '1990-05-12' }), 3);
  await act(page.getByTestId('intake-add-new').click());
  await act(intake.fillNew(1, { name: 'Samir', gender: 'Uomo', birthDate: `${year - 9}-03-15` }), 3);
  await act(page.getByTestId('intake-add-new').click());
  await act(intake.fillNew(2, { name: 'Leila', gender: 'Donna', birthDate: `${year - 4}-07-20` }), 3);

  // Matching: the clicked bed's structure first, the mother in the bed chosen, the children in her room.
  await act(page.getByTestId('intake-suggest').click());
  const best = page.getByTestId('match-result').first();
  await expect(best).toContainText('Casa Aurora');
  await expect(best).toContainText('Amina → Letto 1 (Camera A)');
  await act(best.getByRole('button', { name: /Usa questi posti/ }).click());
  await expect(intake.place('Amina').locator('option:checked')).toHaveText('Letto 1 · Camera A');
  const samirBefore = (await intake.place('Samir').locator('option:checked').textContent())!;
  const leilaBefore = (await intake.place('Leila').locator('option:checked').textContent())!;
  expect(samirBefore).toContain('Camera A');
  expect(leilaBefore).toContain('Camera A');

  // Leila wants the bed by the window that matching gave Samir: one action swaps them.
  await act(page.getByTestId('admission-swap-1').selectOption({ label: 'Leila' }));
  await expect(intake.place('Samir').locator('option:checked')).toHaveText(leilaBefore);
  await expect(intake.place('Leila').locator('option:checked')).toHaveText(samirBefore);
  // The picker does not hide a bed another row holds: it is listed as chosen for her, and taking it swaps back.
  const samirBed = samirBefore.replace(/ —.*$/, '');
  await expect(intake.place('Samir').locator('option', { hasText: `${samirBed} — scelto per Leila` })).toHaveCount(1);

  const done = await act(intake.confirmDone());
  screens.push('confirmation');
  await expect(done).toHaveCount(3);
  await expect(done.filter({ hasText: 'Amina' })).toContainText('Casa Aurora › Camera A › Letto 1');
  await expect(done.filter({ hasText: 'Samir' })).toContainText(`Casa Aurora › Camera A › ${leilaBefore.replace(' · Camera A', '')}`);
  await expect(done.filter({ hasText: 'Leila' })).toContainText(`Casa Aurora › Camera A › ${samirBed.replace(' · Camera A', '')}`);
  await expect(page.getByTestId('intake-done')).toContainText('3 persone accolte');

  expect(screens).toHaveLength(3);
  expect(actions).toBeLessThanOrEqual(20);

  // The board shows the three of them tonight; the household was built with them.
  await page.getByRole('button', { name: 'Apri il tabellone' }).click();
  for (const name of ['Amina', 'Samir', 'Leila']) await expect(board.bars(name)).toHaveCount(1);
  await expect(board.freeTonight()).toHaveText('1 posto libero stanotte');
  await board.bars('Amina').click();
  await expect(page.getByTestId('household')).toContainText('Samir');
  await expect(page.getByTestId('household')).toContainText('Leila');

  // Today: the shelter's flags beside its free places, and the week's arrivals hold today's.
  await new ShellPage(page).open('Oggi');
  await expect(page.getByTestId('today-free-row').filter({ hasText: 'Casa Aurora' }).getByTestId('today-free-flags')).toHaveText('Minori sì');
  await expect(page.getByTestId('today-arrivals').getByTestId('today-person-row')).toHaveCount(3);
  await expect(page.getByTestId('today-arrivals-week').getByTestId('today-person-row')).toHaveCount(3);
});
