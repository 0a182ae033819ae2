// The monthly summary end to end on the demo register (docs/summary.md): a coordinator opens the summary of
// a past month, reads the charts (captions, each also as a table), sorts a table, closes the month; an
// operator corrects a stay's entry date inside it and is told before saving that it changes a closed month; the
// coordinator sees the amendment figure by figure and closes the month again as version 2. No CSP violation
// is logged on the page throughout (the charts run under the app's policy, no eval). A warning links to the
// places behind it.
import type { ConsoleMessage, Page } from '@playwright/test';
import type { BoardBar, BoardPlace } from '../../electron/shared/channels/places';
import type { MonthSummary } from '../../electron/shared/channels/summary';
import type { PersonDetail } from '../../electron/shared/channels/people';
import { test, expect } from './fixtures';
import { ChangePassphrasePage, LoginPage, ShellPage, UsersPage, addDays, openDemoRegister, readChannel, romeToday, typeDate } from './pages';

const admin = { displayName: 'Anna Demo', username: 'anna', passphrase: 'una frase lunga e segreta' };
const FIRST = 'prima passphrase 2026';
const coord = { displayName: 'Coordinatrice Gamma', username: 'coord', role: 'coordinator' as const, passphrase: FIRST };
const op = { displayName: 'Operatrice Alfa', username: 'opa', role: 'operator' as const, passphrase: FIRST };

/** 'YYYY-MM' of the month before today's (Rome): the page's default, the last complete month. */
const lastCompleteMonth = (): string => previousMonth(romeToday().slice(0, 7));

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

async function signIn(page: Page, user: { username: string; displayName: string }, first: boolean) {
  await new ShellPage(page).lock();
  await page.getByRole('button', { name: 'Accedi con un altro utente' }).click();
  await new LoginPage(page).signIn(user.username, first ? FIRST : `${user.username} passphrase propria`);
  if (first) await new ChangePassphrasePage(page).change(FIRST, `${user.username} passphrase propria`);
  await new ShellPage(page).expectSignedIn(user.displayName);
}

/** Collects what the browser logs about the Content-Security-Policy (a violation is a console error). */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy|unsafe-eval|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** An open stay of a person shown by name that began inside the month, before its last day, in one place at
 * least two nights: its entry can move one day later and stay inside the month. (Only open stays offer the
 * correction on the person's page.) */
async function stayBeganIn(page: Page, url: string, month: string): Promise<{ code: string; stayId: number; entryDate: string }> {
  const from = `${month}-01`;
  const board = await readChannel<{ bars: BoardBar[] }>(page, url, 'board.get', { from, to: addDays(from, 40) });
  const beginning = board.bars.filter((b) => b.startDate.slice(0, 7) === month && b.endDate === null);
  for (const bar of beginning) {
    const person = await readChannel<PersonDetail>(page, url, 'persons.get', { id: bar.personId });
    const stay = person.stays.find((s) => s.id === bar.stayId);
    const first = stay?.placements[0];
    if (!person.namesShown || !stay || stay.exitDate !== null || stay.entryDate !== bar.startDate || !first) continue;
    const later = addDays(stay.entryDate, 1);
    if (later.slice(0, 7) === month && (first.endDate === null || first.endDate > later)) return { code: person.code, stayId: stay.id, entryDate: stay.entryDate };
  }
  throw new Error(`no open stay of a person shown by name began inside ${month} in the demo register (${beginning.length} open placements began in it)`);
}

async function openSummary(page: Page, month: string) {
  await new ShellPage(page).open('Riepilogo mensile');
  await expect(page.getByTestId('summary-page')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId(`month-${month}`).click();
  await expect(page.getByTestId(`month-${month}`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('balance-check')).toBeVisible({ timeout: 60_000 });
}

test('a coordinator reads and closes a month; an operator is told a correction changes it; the amendment, then version 2', async ({ page, host }) => {
  test.setTimeout(400_000);
  const violations = cspViolations(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openDemoRegister(page, host.url, admin);
  await new ShellPage(page).openSettingsTab('Utenti');
  await new UsersPage(page).add(coord);
  await new UsersPage(page).add(op);
  const month = lastCompleteMonth();
  const target = await stayBeganIn(page, host.url, month);

  // ——— The coordinator opens the summary: the last complete month by default, balanced.
  await signIn(page, coord, true);
  await new ShellPage(page).open('Riepilogo mensile');
  await expect(page.getByTestId(`month-${month}`)).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('balance-check')).toHaveAttribute('data-balanced', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('month-close')).toHaveAttribute('data-status', 'open');

  // The charts: each a figure named by its caption, drawn as SVG, and the same rows as a table on demand.
  for (const [id, caption] of [
    ['chart-occupancy', /Occupazione dei posti negli ultimi 12 mesi/],
    ['chart-flows', /Ingressi e uscite per mese/],
    ['chart-length', /Uscite del mese per durata della permanenza/],
  ] as const) {
    const figure = page.getByRole('figure', { name: caption });
    await expect(figure).toHaveAttribute('data-testid', id);
    await expect(figure.locator('svg.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
    await figure.getByRole('button', { name: 'Mostra come tabella' }).click();
    await expect(figure.getByRole('table')).toBeVisible();
    await expect(figure.locator('svg.recharts-surface')).toHaveCount(0);
  }
  // The occupancy table holds the twelve months up to the one chosen, the last one this month.
  const occupancy = page.getByTestId('chart-occupancy-table-row');
  await expect(occupancy).toHaveCount(12);
  await expect(occupancy.last()).toHaveAttribute('data-key', month);
  // Back to the chart: the 65 % and 100 % lines are drawn.
  const chart = page.getByTestId('chart-occupancy');
  await chart.getByRole('button', { name: 'Mostra come grafico' }).click();
  await expect(chart.locator('.recharts-reference-line')).toHaveCount(2);

  // The structures' table sorts by a figure, both ways.
  const structures = page.getByTestId('table-structures');
  expect(await page.getByTestId('table-structures-row').count()).toBeGreaterThan(1);
  // The column under the header that sorts by entries, read as numbers (it-IT groups thousands with a dot).
  const entries = () => structures.evaluate((table) => {
    const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.querySelector('[data-testid="sort-entries"]'));
    return [...table.querySelectorAll('tbody tr')].map((tr) => Number((tr.children[column]?.textContent ?? '').replace(/\D/g, '')));
  });
  await structures.getByTestId('sort-entries').click();
  await expect(structures.locator('th[aria-sort]')).toHaveAttribute('aria-sort', 'descending');
  const down = await entries();
  expect(down).toEqual([...down].sort((a, b) => b - a));
  await structures.getByTestId('sort-entries').click();
  await expect(structures.locator('th[aria-sort]')).toHaveAttribute('aria-sort', 'ascending');
  const up = await entries();
  expect(up).toEqual([...up].sort((a, b) => a - b));

  // ——— The coordinator closes the month: version 1, in her name.
  const close = page.getByTestId('month-close');
  await close.getByTestId('month-close-button').click();
  await page.getByTestId('month-close-confirm').click();
  await expect(close).toHaveAttribute('data-status', 'closed');
  await expect(close.getByTestId('month-status')).toHaveText('Chiuso · v1');
  await expect(close.getByTestId('month-state-line')).toContainText(coord.displayName);
  await expect(page.getByTestId(`month-${month}`)).toHaveAttribute('data-status', 'closed');
  await expect(close.getByTestId('versions-table-row')).toHaveCount(1);

  // ——— An operator corrects the stay's entry one day later, inside the closed month: told before saving.
  await signIn(page, op, true);
  await new ShellPage(page).open('Persone');
  await page.getByTestId('persons-search').fill(target.code);
  await page.getByTestId('person-row').filter({ hasText: target.code }).first().click();
  await expect(page.getByTestId('person-code')).toHaveText(target.code);
  const stay = page.locator(`[data-testid="stay"][data-stay-id="${target.stayId}"]`);
  await stay.getByTestId('stay-correct').click();
  const form = page.getByTestId('correct-date-form');
  await form.getByLabel('Data da correggere').selectOption('entry');
  await typeDate(form.getByLabel('Data corretta'), addDays(target.entryDate, 1));
  // The notice names the month ("novembre 2026"), before anything is saved.
  const words = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  await expect(form.getByTestId('closed-month-notice')).toContainText(`${words}, mese già chiuso`);
  await form.getByLabel('Motivo della correzione').fill('Data di ingresso digitata male');
  await form.getByRole('button', { name: 'Correggi' }).click();
  await expect(form).toHaveCount(0);

  // ——— The coordinator sees the month amended, figure by figure, and closes it again as version 2.
  await signIn(page, coord, false);
  await openSummary(page, month);
  await expect(page.getByTestId(`month-${month}`)).toHaveAttribute('data-status', 'amended');
  await expect(close).toHaveAttribute('data-status', 'amended');
  const amendments = close.getByTestId('amendments-table-row');
  await expect(amendments.first()).toBeVisible();
  // Named in words, never as a path: the occupied nights of the programme went down by one.
  await expect(close.getByTestId('amendments-table')).not.toContainText('total.');
  const occupied = amendments.filter({ hasText: 'Notti occupate' }).filter({ hasText: 'Totale' });
  await expect(occupied).toHaveCount(1);
  const [closedNights, currentNights] = (await occupied.locator('td').allTextContents()).slice(2).map((text) => Number(text.replace(/\D/g, '')));
  expect(currentNights).toBe(closedNights! - 1);
  await close.getByRole('button', { name: 'Chiudi di nuovo come versione 2' }).click();
  await page.getByTestId('month-close-confirm').click();
  await expect(close).toHaveAttribute('data-status', 'closed');
  await expect(close.getByTestId('month-status')).toHaveText('Chiuso · v2');
  await expect(close.getByTestId('versions-table-row')).toHaveCount(2);
  await expect(close.getByTestId('amendments')).toHaveCount(0);
  await expect(page.getByTestId(`month-${month}`)).toHaveAttribute('data-status', 'closed');

  expect(violations, 'no CSP violation logged on the page').toEqual([]);
});

test('a warning of the summary links to the records behind it: a place opens the board at that month and structure', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openDemoRegister(page, host.url, admin);
  // A month of the last year with a warning naming places (the demo register's history has low months).
  let found: { month: string; warning: MonthSummary['warnings'][number] } | null = null;
  for (let month = lastCompleteMonth(), i = 0; i < 12 && !found; i += 1, month = previousMonth(month)) {
    const summary = await readChannel<MonthSummary>(page, host.url, 'summary.month', { month });
    const warning = summary.warnings.find((w) => w.placeIds.length > 0);
    if (warning) found = { month, warning };
  }
  expect(found, 'a month of the last twelve has a warning naming places').not.toBeNull();
  const { month, warning } = found!;
  const board = await readChannel<{ places: BoardPlace[] }>(page, host.url, 'board.get', { from: `${month}-01`, to: addDays(`${month}-01`, 31) });
  const place = board.places.find((p) => p.placeId === warning.placeIds[0])!;

  await new ShellPage(page).open('Riepilogo mensile');
  await page.getByTestId('summary-year').selectOption(month.slice(0, 4));
  await page.getByTestId(`month-${month}`).click();
  const alert = page.getByTestId('summary-warning').filter({ has: page.getByTestId('warning-place') }).first();
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await alert.getByTestId('warning-place').first().click();
  // The bed board, a month's view of that month, filtered to the place's structure.
  const monthWords = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  await expect(page.getByTestId('board-period')).toHaveText(new RegExp(`^${monthWords}$`, 'i'));
  await expect(page.getByLabel('Struttura', { exact: true })).toHaveValue(String(place.structureId));
});
