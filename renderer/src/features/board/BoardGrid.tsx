// The bed board grid: virtualised rows (structure › room › place), day columns, placements as positioned
// bars, free nights as buttons, out-of-service nights hatched, a today line, and arrow-key moves.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardBar, BoardPlace, FreeRun } from '../../../../electron/shared/channels/places';
import { daysBetween } from '../../../../electron/shared/dates';
import { BoardRowView, LABEL_WIDTH, ROW_HEIGHT } from './BoardRow';
import { boardDate, boardRows, isWeekend, nightsOf, NIGHT_FREE, placeLines, type BoardData, type NightRange } from './board-model';
import './board.css';

const HEADER_HEIGHT = 44;

interface Props {
  data: BoardData;
  free: ReadonlyMap<number, readonly FreeRun[]>;
  range: NightRange;
  today: string;
  onFree: (place: BoardPlace, date: string) => void;
  onBar: (bar: BoardBar) => void;
}

/** Where keyboard focus sits: a row index and a night column. */
interface Cursor {
  row: number;
  day: number;
}

/** Day lines and weekend shading as one background for every row's track (no element per night). */
function trackBackground(nights: string[], dayWidth: number): string {
  const stops = nights
    .map((d, i) => (isWeekend(d) ? `var(--mantine-color-gray-0) ${i * dayWidth}px ${(i + 1) * dayWidth}px` : `transparent ${i * dayWidth}px ${(i + 1) * dayWidth}px`))
    .join(', ');
  return `repeating-linear-gradient(to right, transparent 0 ${dayWidth - 1}px, var(--mantine-color-gray-2) ${dayWidth - 1}px ${dayWidth}px), linear-gradient(to right, ${stops})`;
}

export function BoardGrid({ data, free, range, today, onFree, onBar }: Props) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => boardRows(data.places), [data.places]);
  const lines = useMemo(() => placeLines(data, range, free), [data, range, free]);
  const nights = useMemo(() => nightsOf(range), [range]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientWidth));
    observer.observe(el);
    setViewport(el.clientWidth);
    return () => observer.disconnect();
  }, []);
  // Days fill the width when they can; a month on a narrow window scrolls sideways instead of squeezing.
  const minDay = nights.length <= 7 ? 110 : 40;
  const dayWidth = Math.max(minDay, Math.floor((viewport - LABEL_WIDTH - 2) / Math.max(1, nights.length)) || minDay);
  const width = LABEL_WIDTH + nights.length * dayWidth;
  const background = useMemo(() => trackBackground(nights, dayWidth), [nights, dayWidth]);
  const nightLabels = useMemo(() => nights.map(boardDate), [nights]);
  const [cursor, setCursor] = useState<Cursor | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  /** A row a keyboard user can land on: a place with at least one free night or bar in the range. */
  const focusable = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row?.kind !== 'place') return false;
      const line = lines.get(row.place.placeId);
      return !!line && (line.bars.length > 0 || line.nights.includes(NIGHT_FREE));
    },
    [rows, lines],
  );

  const focusIn = useCallback((row: number, day: number, direction: -1 | 0 | 1) => {
    const root = scrollRef.current;
    if (!root) return;
    const spans = [...root.querySelectorAll<HTMLElement>(`[data-row="${row}"]`)].map((el) => ({ el, from: Number(el.dataset.from), to: Number(el.dataset.to) }));
    let best: HTMLElement | undefined;
    if (direction === -1) best = spans.filter((s) => s.from <= day).sort((a, b) => b.from - a.from)[0]?.el;
    else if (direction === 1) best = spans.filter((s) => s.from >= day).sort((a, b) => a.from - b.from)[0]?.el;
    else {
      const distance = (s: { from: number; to: number }) => (day < s.from ? s.from - day : day >= s.to ? day - s.to + 1 : 0);
      best = spans.sort((a, b) => distance(a) - distance(b))[0]?.el;
    }
    best?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!el) return;
    const row = Number(el.dataset.row);
    const from = Number(el.dataset.from);
    const to = Number(el.dataset.to);
    const day = cursor?.row === row && cursor.day >= from && cursor.day < to ? cursor.day : from;
    const verticalTarget = (step: number, stride: number) => {
      let r = row;
      for (let moved = 0; moved < stride; ) {
        let next = r + step;
        while (next >= 0 && next < rows.length && !focusable(next)) next += step;
        if (next < 0 || next >= rows.length) break;
        r = next;
        moved += 1;
      }
      return r === row ? null : r;
    };
    let target: { row: number; day: number; direction: -1 | 0 | 1 } | null = null;
    switch (event.key) {
      case 'ArrowLeft':
        if (from > 0) target = { row, day: from - 1, direction: -1 };
        break;
      case 'ArrowRight':
        if (to < nights.length) target = { row, day: to, direction: 1 };
        break;
      case 'Home':
        target = { row, day: 0, direction: 1 };
        break;
      case 'End':
        target = { row, day: nights.length - 1, direction: -1 };
        break;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'PageUp':
      case 'PageDown': {
        const step = event.key === 'ArrowUp' || event.key === 'PageUp' ? -1 : 1;
        const next = verticalTarget(step, event.key.startsWith('Page') ? 10 : 1);
        if (next !== null) target = { row: next, day, direction: 0 };
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    if (!target) return;
    const goal = target;
    setCursor({ row: goal.row, day: goal.day });
    if (goal.row !== row) {
      virtualizer.scrollToIndex(goal.row, { align: 'auto' });
      // The target row may only be rendered after the scroll: look for it on the next frames.
      requestAnimationFrame(() => requestAnimationFrame(() => focusIn(goal.row, goal.day, goal.direction)));
    } else focusIn(goal.row, goal.day, goal.direction);
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const el = event.target.closest<HTMLElement>('[data-row]');
    if (!el) return;
    const row = Number(el.dataset.row);
    const from = Number(el.dataset.from);
    const to = Number(el.dataset.to);
    setCursor((c) => (c && c.row === row && c.day >= from && c.day < to ? c : { row, day: from }));
  };

  // A new period opens with tonight in sight when it holds today.
  const todayAt = daysBetween(range.from, today);
  // Tabbing into the board lands on tonight when it is shown.
  const entryDay = todayAt >= 0 && todayAt < nights.length ? todayAt : 0;
  const scrolledFor = useRef('');
  useEffect(() => {
    const el = scrollRef.current;
    const key = `${range.from}|${range.to}`;
    if (!el || viewport === 0 || scrolledFor.current === key) return;
    scrolledFor.current = key;
    el.scrollLeft = todayAt >= 0 && todayAt < nights.length ? Math.max(0, todayAt * dayWidth - (viewport - LABEL_WIDTH) / 3) : 0;
  }, [range, viewport, todayAt, nights.length, dayWidth]);

  const items = virtualizer.getVirtualItems();
  // One element in the grid is in the Tab order: the one under the cursor, or the first visible one.
  const cursorShown = cursor !== null && items.some((item) => item.index === cursor.row);
  const entryRow = cursorShown ? null : (items.find((item) => focusable(item.index))?.index ?? null);
  const locale = i18n.language;
  // The day header changes with the period only, not with every scroll.
  const header = useMemo(() => {
    const weekday = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { weekday: 'short', timeZone: 'UTC' });
    return (
      <div className="approdo-board-header" style={{ height: HEADER_HEIGHT, width }} aria-hidden="true">
        <div className="approdo-board-corner" style={{ width: LABEL_WIDTH }}>
          {t('board.placeColumn')}
        </div>
        {nights.map((night) => (
          <div
            key={night}
            className="approdo-board-day"
            style={{ width: dayWidth }}
            data-weekend={isWeekend(night) || undefined}
            data-today={night === today || undefined}
          >
            {weekday.format(new Date(`${night}T00:00:00Z`))}
            <br />
            {dayWidth >= 100 ? boardDate(night).slice(0, 5) : night.slice(8, 10)}
          </div>
        ))}
      </div>
    );
  }, [nights, dayWidth, width, today, locale, t]);

  return (
    <div ref={scrollRef} className="approdo-board-scroll" data-testid="board-grid" onKeyDown={onKeyDown} onFocus={onFocus}>
      <div style={{ width, position: 'relative' }}>
        {header}
        <div role="list" aria-label={t('board.rowsLabel', { from: boardDate(range.from), to: boardDate(nights[nights.length - 1] ?? range.from) })} style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
          {todayAt >= 0 && todayAt < nights.length && (
            <div className="approdo-board-today" style={{ left: LABEL_WIDTH + todayAt * dayWidth, height: virtualizer.getTotalSize() }} data-testid="board-today-line" aria-hidden="true" />
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <BoardRowView
                key={item.key}
                index={item.index}
                row={row}
                line={row.kind === 'place' ? lines.get(row.place.placeId) : undefined}
                top={item.start - HEADER_HEIGHT}
                width={width}
                dayWidth={dayWidth}
                nights={nights}
                nightLabels={nightLabels}
                today={today}
                background={background}
                tabDay={cursorShown && cursor?.row === item.index ? cursor.day : entryRow === item.index ? entryDay : null}
                onFree={onFree}
                onBar={onBar}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
