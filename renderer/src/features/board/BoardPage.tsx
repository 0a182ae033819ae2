// Tabellone posti: who sleeps where, night by night, for a week or a month; a free night opens the
// admission for that place and date, a bar opens the person.
import { Alert, Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardBar, BoardPlace, FreeRun } from '../../../../electron/shared/channels/places';
import { addDays, todayInRome } from '../../../../electron/shared/dates';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { useNavigate, type Route } from '../../app/navigation';
import { DateField, isIsoDate } from '../../components/DateField';
import { FormAlert } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { BoardGrid } from './BoardGrid';
import { shiftAnchor, viewRange, type BoardData, type BoardView, type NightRange } from './board-model';
import { useAvailablePlaces } from './use-available-places';
import { takesFrom } from '../../../../electron/shared/availability';

interface Loaded {
  range: NightRange;
  structureId: number | undefined;
  data: BoardData;
  /** The free runs of each place over the range (places.available: the answer the pickers use too). */
  free: Map<number, FreeRun[]>;
}

/** The board for a range; the previous board stays on screen while the next one loads. */
function useBoard(range: NightRange, structureId: number | undefined) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let current = true;
    setLoading(true);
    const scope = structureId === undefined ? { from: range.from, to: range.to } : { from: range.from, to: range.to, structureId };
    void Promise.all([call('board.get', scope), call('places.available', scope)]).then(([board, available]) => {
      if (!current) return;
      setLoading(false);
      if (board.ok && available.ok) {
        setLoaded({ range, structureId, data: board.value, free: new Map(available.value.places.map((p) => [p.placeId, p.free])) });
        setError(null);
      } else setError(board.ok ? (available.ok ? null : available.error) : board.error);
    });
    return () => {
      current = false;
    };
  }, [range, structureId]);
  return { loaded, error, loading };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function Swatch({ className, style }: { className?: string; style?: CSSProperties }) {
  return <span className={`approdo-board-legend ${className ?? ''}`} style={style} aria-hidden="true" />;
}

export function BoardPage({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const today = todayInRome();
  const from = route.area === 'board' ? route : undefined;
  const [view, setView] = useState<BoardView>(from?.view ?? 'week');
  const [anchor, setAnchor] = useState(from?.date ?? today);
  const [structureId, setStructureId] = useState<number | undefined>(from?.structureId);
  const range = useMemo(() => viewRange(view, anchor), [view, anchor]);
  const structures = useChannel('structures.list', { includeInactive: false });
  const { loaded, error, loading } = useBoard(range, structureId);

  const periodLabel =
    view === 'month'
      ? capitalised(new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${range.from}T00:00:00Z`)))
      : t('board.weekOf', { from: formatDate(range.from, locale), to: formatDate(addDays(range.to, -1), locale) });

  const tonight = useAvailablePlaces(today, undefined, null, structureId);
  const freeTonight = tonight.loading ? null : tonight.places.filter((p) => takesFrom(p, today)).length;

  const onFree = (place: BoardPlace, date: string) => navigate({ area: 'admission', placeId: place.placeId, date });
  const onBar = (bar: BoardBar) => navigate({ area: 'person', personId: bar.personId });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('board.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('board.intro')}
          </Text>
        </div>
        <Group gap="md">
          {freeTonight !== null && (
            <Text fw={600} data-testid="board-free-tonight">
              {t('board.freeTonight', { count: freeTonight })}
            </Text>
          )}
          <Button onClick={() => navigate({ area: 'admission' })} data-testid="board-new-admission">
            {t('board.newAdmission')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="toolbar" aria-label={t('board.toolbar')}>
        <Button variant="default" onClick={() => setAnchor(shiftAnchor(view, anchor, -1))} aria-label={t(view === 'week' ? 'board.previousWeek' : 'board.previousMonth')}>
          ‹ {t('board.previous')}
        </Button>
        <Button variant="default" onClick={() => setAnchor(today)}>
          {t('board.today')}
        </Button>
        <Button variant="default" onClick={() => setAnchor(shiftAnchor(view, anchor, 1))} aria-label={t(view === 'week' ? 'board.nextWeek' : 'board.nextMonth')}>
          {t('board.next')} ›
        </Button>
        <SegmentedControl
          aria-label={t('board.view')}
          value={view}
          onChange={(value) => setView(value === 'month' ? 'month' : 'week')}
          data={[
            { value: 'week', label: t('board.week') },
            { value: 'month', label: t('board.month') },
          ]}
        />
        <DateField label={t('board.goTo')} value={anchor} onChange={(value) => isIsoDate(value) && setAnchor(value)} clearable={false} w={150} />
        <NativeSelect
          label={t('board.structure')}
          value={structureId === undefined ? '' : String(structureId)}
          onChange={(event) => setStructureId(event.currentTarget.value ? Number(event.currentTarget.value) : undefined)}
          data={[{ value: '', label: t('board.allStructures') }, ...(structures.value ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
          miw={220}
        />
        {loading && <Loader size="sm" aria-label={t('app.loading')} />}
      </Group>
      <Text fw={600} aria-live="polite" data-testid="board-period">
        {periodLabel}
      </Text>
      <Group gap="lg" wrap="wrap" aria-label={t('board.legend')} role="group">
        <Text size="xs"><Swatch style={{ border: '1px dashed var(--mantine-color-teal-6)' }} /> {t('board.legendFree')}</Text>
        <Text size="xs"><Swatch style={{ background: 'var(--mantine-color-teal-6)' }} /> {t('board.legendOccupied')}</Text>
        <Text size="xs"><Swatch style={{ background: 'var(--mantine-color-orange-7)' }} /> {t('board.legendOverdue')}</Text>
        <Text size="xs"><Swatch style={{ background: 'var(--mantine-color-dark-7)', width: 3 }} /> {t('board.legendPlannedEnd')}</Text>
        <Text size="xs"><Swatch className="approdo-board-oos" style={{ position: 'static' }} /> {t('board.legendOutOfService')}</Text>
        <Text size="xs"><Swatch style={{ background: 'var(--mantine-color-gray-2)' }} /> {t('board.legendInactive')}</Text>
        <Text size="xs"><Swatch style={{ background: 'var(--mantine-color-red-6)', width: 2 }} /> {t('board.legendToday')}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('board.keyboardHint')}
      </Text>
      <FormAlert messageKey={error?.messageKey ?? null} />
      {loaded && loaded.data.places.length === 0 && (
        <Alert color="gray" variant="light">
          {t('board.empty')}
        </Alert>
      )}
      {loaded && loaded.data.places.length > 0 && (
        <BoardGrid data={loaded.data} free={loaded.free} range={loaded.range} today={today} onFree={onFree} onBar={onBar} />
      )}
    </Stack>
  );
}
