// One row of the bed board: a structure or room header, or a place with its bars, free nights (buttons),
// out-of-service and inactive stretches, each positioned in day columns.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardBar, BoardPlace } from '../../../../electron/shared/channels/places';
import { boardDate, isOverdue, NIGHT_FREE, type BoardRow, type PlaceLine } from './board-model';

export const ROW_HEIGHT = 34;
export const LABEL_WIDTH = 240;

interface Props {
  index: number;
  row: BoardRow;
  line: PlaceLine | undefined;
  top: number;
  width: number;
  dayWidth: number;
  nights: string[];
  /** Per night: the date as shown. */
  nightLabels: string[];
  today: string;
  background: string;
  /** Which night's element is in the Tab order (the one nearest that column), or null for none. */
  tabDay: number | null;
  onFree: (place: BoardPlace, date: string) => void;
  onBar: (bar: BoardBar) => void;
}

type Focusable = { kind: 'free'; start: number; end: number } | { kind: 'bar'; start: number; end: number; index: number };

export const BoardRowView = memo(function BoardRowView(props: Props) {
  const { index, row, line, top, width, dayWidth, nights, nightLabels, today, background, tabDay, onFree, onBar } = props;
  const { t } = useTranslation();
  const style = { top, height: ROW_HEIGHT, width };

  if (row.kind !== 'place') {
    return (
      <div className="approdo-board-row" role="listitem" data-kind={row.kind} style={style}>
        <div className="approdo-board-label" style={{ width: LABEL_WIDTH }} title={row.name}>
          {row.kind === 'structure' ? (
            <>
              <span>{row.name}</span>
              <span style={{ fontWeight: 400, color: 'var(--mantine-color-dimmed)' }}>{t('board.placeCount', { count: row.placeCount })}</span>
            </>
          ) : (
            row.name
          )}
        </div>
      </div>
    );
  }

  const place = row.place;
  const focusables: Focusable[] = [];
  line?.nights.forEach((state, night) => {
    if (state === NIGHT_FREE) focusables.push({ kind: 'free', start: night, end: night + 1 });
  });
  line?.bars.forEach((placed, i) => focusables.push({ kind: 'bar', start: placed.start, end: placed.end, index: i }));
  focusables.sort((a, b) => a.start - b.start);
  const distance = (f: Focusable, day: number) => (day < f.start ? f.start - day : day >= f.end ? day - f.end + 1 : 0);
  const tabbable = tabDay === null ? null : [...focusables].sort((a, b) => distance(a, tabDay) - distance(b, tabDay))[0];
  const tabIndexOf = (f: Focusable) => (f === tabbable ? 0 : -1);
  const kindLabel = t(`vocab.placeKinds.${place.kind}`);

  return (
    <div
      className="approdo-board-row"
      role="listitem"
      data-kind="place"
      data-testid="board-place-row"
      data-place-id={place.placeId}
      aria-label={t('board.rowLabel', { place: place.label, room: place.roomName, structure: place.structureName })}
      style={style}
    >
      <div className="approdo-board-label" style={{ width: LABEL_WIDTH }} title={`${place.structureName} › ${place.roomName} › ${place.label}`}>
        <span>{place.label}</span>
        {place.kind === 'cot' && <span style={{ color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-xs)' }}>({kindLabel})</span>}
      </div>
      <div className="approdo-board-track" style={{ width: nights.length * dayWidth, background }}>
        {line?.inactive.map((span) => (
          <div
            key={`i${span.start}`}
            className="approdo-board-inactive"
            style={{ left: span.start * dayWidth, width: (span.end - span.start) * dayWidth }}
            title={t('board.inactive')}
          />
        ))}
        {line?.outOfService.map((oos) => {
          const label = t('board.outOfServiceLabel', {
            reason: oos.period.reason,
            from: boardDate(oos.period.fromDate),
            to: oos.period.toDate ? boardDate(oos.period.toDate) : t('board.openEnded'),
          });
          return (
            <div
              key={`o${oos.period.id}`}
              className="approdo-board-oos"
              role="img"
              aria-label={label}
              title={label}
              data-testid="board-out-of-service"
              style={{ left: oos.start * dayWidth, width: (oos.end - oos.start) * dayWidth }}
            >
              {(oos.end - oos.start) * dayWidth >= 80 ? oos.period.reason : null}
            </div>
          );
        })}
        {focusables.map((f) => {
          if (f.kind === 'free') {
            const night = nights[f.start] ?? '';
            const until = line?.freeUntil[f.start] ?? null;
            const title = until ? t('board.freeUntil', { date: boardDate(until) }) : t('board.freeCellTitle', { date: nightLabels[f.start] });
            return (
              <button
                key={`f${f.start}`}
                type="button"
                className="approdo-board-free"
                data-testid="board-free-cell"
                data-place-id={place.placeId}
                data-date={night}
                data-row={index}
                data-from={f.start}
                data-to={f.end}
                tabIndex={tabIndexOf(f)}
                aria-label={`${t('board.freeCell', { place: place.label, room: place.roomName, date: nightLabels[f.start] })}${until ? `, ${t('board.freeUntil', { date: boardDate(until) })}` : ''}`}
                title={title}
                data-free-until={until ?? undefined}
                style={{ left: f.start * dayWidth + 1, width: dayWidth - 3 }}
                onClick={() => onFree(place, night)}
              >
                <span aria-hidden="true">{until && dayWidth >= 100 ? `+ ${t('board.freeUntilShort', { date: boardDate(until).slice(0, 5) })}` : '+'}</span>
              </button>
            );
          }
          const placed = line!.bars[f.index]!;
          const bar = placed.bar;
          const overdue = isOverdue(bar, today);
          const parts = [
            bar.endDate
              ? t('board.barPeriod', { label: bar.label, place: place.label, from: boardDate(bar.startDate), to: boardDate(bar.endDate) })
              : t('board.barOpen', { label: bar.label, place: place.label, from: boardDate(bar.startDate) }),
            bar.plannedEnd ? t('board.plannedEnd', { date: boardDate(bar.plannedEnd) }) : null,
            overdue ? t('board.overdue') : null,
          ].filter(Boolean);
          const label = parts.join(', ');
          return (
            <button
              key={`b${bar.placementId}`}
              type="button"
              className="approdo-board-bar"
              data-testid="board-bar"
              data-placement-id={bar.placementId}
              data-person-id={bar.personId}
              data-place-id={place.placeId}
              data-start={bar.startDate}
              data-row={index}
              data-from={f.start}
              data-to={f.end}
              data-overdue={overdue || undefined}
              data-open-start={nights[0] !== undefined && bar.startDate < nights[0] ? true : undefined}
              data-open-end={bar.endDate === null || f.end === nights.length ? true : undefined}
              tabIndex={tabIndexOf(f)}
              aria-label={label}
              title={label}
              style={{ left: placed.start * dayWidth + 1, width: (placed.end - placed.start) * dayWidth - 2 }}
              onClick={() => onBar(bar)}
            >
              {bar.label}
            </button>
          );
        })}
        {line?.bars.map((placed) =>
          placed.plannedEndAt === null ? null : (
            <div
              key={`e${placed.bar.placementId}`}
              className="approdo-board-planned-end"
              data-testid="board-planned-end"
                            style={{ left: placed.plannedEndAt * dayWidth }}
            />
          ),
        )}
      </div>
    </div>
  );
});
