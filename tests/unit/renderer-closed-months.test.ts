// The closed-month notice of the forms (docs/summary.md › Month close and amendments): which closed months a
// change touches, the shared list read from `summary.closedMonths`, and the sentence shown before saving.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closedMonthsTouched } from '../../renderer/src/features/month-close/closed-months';

const CLOSED = ['2025-12', '2026-02', '2026-03'];
const TODAY = '2026-04-15';

describe('closed months a change touches', () => {
  it('takes a single date’s month, a moved date’s months in between, and an open stay’s months until today', () => {
    expect(closedMonthsTouched(CLOSED, [{ from: '2026-03-31' }], TODAY)).toEqual(['2026-03']);
    expect(closedMonthsTouched(CLOSED, [{ from: '2026-04-01' }], TODAY)).toEqual([]);
    // An entry corrected from 20 January to 5 March changes January (open), February and March.
    expect(closedMonthsTouched(CLOSED, [{ from: '2026-03-05', to: '2026-01-20' }], TODAY)).toEqual(['2026-02', '2026-03']);
    // A stay admitted on 30 November 2025 and still open: every closed month since.
    expect(closedMonthsTouched(CLOSED, [{ from: '2025-11-30', untilToday: true }], TODAY)).toEqual(CLOSED);
    expect(closedMonthsTouched(CLOSED, [{ from: '2026-04-02', untilToday: true }], TODAY)).toEqual([]);
    // Several spans, each counted once.
    expect(closedMonthsTouched(CLOSED, [{ from: '2026-03-10', to: '2026-03-12' }, { from: '2025-12-24' }, { from: '2026-03-01' }], TODAY)).toEqual(['2025-12', '2026-03']);
  });

  it('ignores a date not typed yet or not a date, and nothing is closed: nothing to say', () => {
    expect(closedMonthsTouched(CLOSED, [{ from: null, untilToday: true }, { from: undefined, to: '2026-03-01' }, { from: '31/02/2026' }], TODAY)).toEqual([]);
    expect(closedMonthsTouched([], [{ from: '2020-01-01', untilToday: true }], TODAY)).toEqual([]);
  });
});

/** A fresh copy of the shared list, over a fake preload answering `summary.closedMonths`. */
async function loadStore(answer: () => unknown) {
  const closedMonths = vi.fn(async () => answer());
  vi.stubGlobal('window', { location: { href: 'app://approdo/' }, history: { replaceState: vi.fn() }, approdo: { 'summary.closedMonths': closedMonths } });
  vi.resetModules();
  const store = await import('../../renderer/src/features/month-close/closed-months');
  return { store, closedMonths };
}

describe('the shared list of closed months', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('reads once at a time, tells its listeners when the list changes, and keeps it on a refusal', async () => {
    let answer: unknown = { ok: true, value: ['2026-03'] };
    const { store, closedMonths } = await loadStore(() => answer);
    const listener = vi.fn();
    store.closedMonthsStore.subscribe(listener);
    expect(store.closedMonthsStore.snapshot()).toEqual([]);
    await Promise.all([store.refreshClosedMonths(), store.refreshClosedMonths()]);
    expect(closedMonths).toHaveBeenCalledTimes(1);
    expect(store.closedMonthsStore.snapshot()).toEqual(['2026-03']);
    expect(listener).toHaveBeenCalledTimes(1);
    await store.refreshClosedMonths(); // the same list: no news
    expect(listener).toHaveBeenCalledTimes(1);
    answer = { ok: true, value: ['2026-03', '2026-04'] }; // a month closed meanwhile
    await store.refreshClosedMonths();
    expect(store.closedMonthsStore.snapshot()).toEqual(['2026-03', '2026-04']);
    expect(listener).toHaveBeenCalledTimes(2);
    answer = { ok: false, error: { code: 'LOCKED', messageKey: 'errors.LOCKED' } };
    await store.refreshClosedMonths();
    expect(store.closedMonthsStore.snapshot()).toEqual(['2026-03', '2026-04']);
  });

  it('shows the form the sentence, in Italian and in English, for one month or several', async () => {
    const { store } = await loadStore(() => ({ ok: true, value: ['2026-02', '2026-03'] }));
    await store.refreshClosedMonths();
    const { MantineProvider } = await import('@mantine/core');
    const { I18nextProvider } = await import('react-i18next');
    const { i18n } = await import('../../renderer/src/i18n');
    const { ClosedMonthNotice } = await import('../../renderer/src/features/month-close/ClosedMonthNotice');
    const render = (spans: Parameters<typeof ClosedMonthNotice>[0]['spans']) =>
      renderToStaticMarkup(createElement(MantineProvider, null, createElement(I18nextProvider, { i18n }, createElement(ClosedMonthNotice, { spans }))));

    await i18n.changeLanguage('it');
    const one = render([{ from: '2026-03-12' }]);
    expect(one).toContain('data-testid="closed-month-notice"');
    expect(one).toContain('role="status"');
    expect(one).toContain('Questa modifica cambia i dati di marzo 2026, mese già chiuso: comparirà come rettifica.');
    expect(render([{ from: '2026-02-27', to: '2026-03-02' }])).toContain('Questa modifica cambia i dati di febbraio 2026 e marzo 2026, mesi già chiusi: comparirà come rettifica.');
    expect(render([{ from: '2026-01-12' }])).toBe(renderToStaticMarkup(createElement(MantineProvider, null))); // January is open: nothing
    await i18n.changeLanguage('en');
    expect(render([{ from: '2026-03-12' }])).toContain('This changes the figures of March 2026, already closed: the change will show as an amendment.');
    await i18n.changeLanguage('it');
  });
});
