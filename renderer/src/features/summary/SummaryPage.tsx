// Riepilogo mensile: the month's figures (summary.month), the 12-month charts (summary.series), the tables
// per structure, type and partner, the detailed figures of the level chosen, the warnings with their records,
// and the month close with its versions and amendments (summary.state, summary.close). Coordinators and admins
// only (the channels' access). Loaded on demand (React.lazy in AppLayout): the charting library stays out of
// the bundle every other page loads.
import { Alert, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthSummary } from '../../../../electron/shared/channels/summary';
import { todayInRome } from '../../../../electron/shared/dates';
import type { Route } from '../../app/navigation';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { FigureSections } from './FigureSections';
import { formatFigure, figureLabel, MAIN_FIGURES } from './figure-labels';
import { MonthClose } from './MonthClose';
import { NominalListModal } from '../exports/NominalListModal';
import { useCan } from '../../app/session-context';
import { MonthPicker, STATUS_COLORS } from './MonthPicker';
import { levelColumns, figureCell } from './summary-columns';
import { balanceOf, figuresOf, lastCompleteMonth, levelRows, monthName, type LevelKind } from './summary-rows';
import { SummaryCharts } from './SummaryCharts';
import { SummaryTable } from './summary-table';
import { SummaryWarnings } from './SummaryWarnings';

const SERIES_MONTHS = 12;

function Headline({ summary }: { summary: MonthSummary }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const total = summary.total;
  const { expected, balanced } = balanceOf(total);
  const n = (value: number) => formatFigure(value, 'count', locale);
  return (
    <Stack gap="sm" component="section" aria-labelledby="summary-headline">
      <Title order={2} size="h4" id="summary-headline">{t('summary.headline')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="sm">
        {MAIN_FIGURES.map((figure) => (
          <Card key={figure.key} withBorder padding="xs" data-testid={`headline-${figure.key}`}>
            <Text size="xs" c="dimmed">{figureLabel(t, figure.key)}</Text>
            <Text fw={700} size="xl">{figureCell(figure.get(total), figure.unit, locale, t('summary.absentPct'))}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Alert color={balanced ? 'teal' : 'red'} variant="light" title={t('summary.balance.title')} data-testid="balance-check" data-balanced={balanced}>
        <Text size="sm">{t('summary.balance.equation', { start: n(total.openAtStart), entries: n(total.entries), exits: n(total.exits), expected: n(expected) })}</Text>
        <Text size="sm" fw={700}>
          {balanced ? `✓ ${t('summary.balance.ok', { end: n(total.openAtEnd) })}` : `✗ ${t('summary.balance.broken', { end: n(total.openAtEnd), expected: n(expected) })}`}
        </Text>
      </Alert>
    </Stack>
  );
}

function LevelTables({ summary, monthLabel }: { summary: MonthSummary; monthLabel: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [kind, setKind] = useState<LevelKind>('structures');
  const columns = useMemo(() => levelColumns(t, locale, kind), [t, locale, kind]);
  const rows = useMemo(() => levelRows(t, summary, kind), [t, summary, kind]);
  // The totals row: the programme's figures, under every level's columns (per-structure entries and exits can
  // add up to more, transfers counting at both structures: docs/summary.md).
  const footer = [
    t('summary.totalRow'),
    ...(kind === 'structures' ? ['', ''] : []),
    ...MAIN_FIGURES.map((figure) => figureCell(figure.get(summary.total), figure.unit, locale, t('summary.absentPct'))),
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="summary-levels">
      <Title order={2} size="h4" id="summary-levels">{t(`summary.levels.${kind}`)}</Title>
      <Text size="sm" c="dimmed">{t('summary.levelsIntro')}</Text>
      <Tabs value={kind} onChange={(value) => value && setKind(value as LevelKind)} keepMounted={false}>
        <Tabs.List>
          {(['structures', 'types', 'partners'] as const).map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`levels-${k}`}>{t(`summary.levels.${k}`)}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SummaryTable key={kind} columns={columns} data={rows} getRowId={(row) => row.key} footer={footer}
        caption={t('summary.tableCaption', { title: t(`summary.levels.${kind}`), month: monthLabel })} testId={`table-${kind}`} />
    </Stack>
  );
}

export function SummaryPage({ route }: { route: Extract<Route, { area: 'summary' }> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const today = todayInRome();
  const currentMonth = today.slice(0, 7);
  const [month, setMonth] = useState(route.month ?? lastCompleteMonth(today));
  const [level, setLevel] = useState('total');
  /** Counts the closes made here: the picker's statuses are read again after each. */
  const [closes, setCloses] = useState(0);
  const [nominal, setNominal] = useState(false);
  const can = useCan();
  const read = useChannel('summary.month', { month });
  const series = useChannel('summary.series', { to: month, months: SERIES_MONTHS });
  const state = useChannel('summary.state', { month });
  // The previous month's figures stay on screen while the next month's load; never another month's under this name.
  const summary = read.value?.month === month ? read.value : null;
  const monthLabel = monthName(month, locale);
  const chosen = summary ? figuresOf(t, summary, level) : null;
  const levelOptions = useMemo(() => {
    if (!summary) return [];
    const group = (kind: LevelKind, label: 'summary.levelStructure' | 'summary.levelType' | 'summary.levelPartner') =>
      ({ group: t(`summary.levels.${kind}`), items: levelRows(t, summary, kind).map((r) => ({ value: r.key, label: t(label, { name: r.name }) })) });
    return [
      { group: t('summary.levelOf.total'), items: [{ value: 'total', label: t('summary.levelTotal') }] },
      group('structures', 'summary.levelStructure'), group('types', 'summary.levelType'), group('partners', 'summary.levelPartner'),
    ];
  }, [summary, t]);

  return (
    <Stack gap="lg" data-testid="summary-page">
      <div>
        <PageTitle>{t('summary.title')}</PageTitle>
        <Text c="dimmed" maw={900}>{t('summary.intro')}</Text>
      </div>
      <MonthPicker month={month} currentMonth={currentMonth} onChange={(next) => { setMonth(next); setLevel('total'); }} generation={closes} />

      <Group gap="sm" align="center">
        <Title order={2} size="h3" data-testid="summary-month">{monthLabel}</Title>
        {state.value?.month === month && (
          <Badge color={STATUS_COLORS[state.value.status]} variant="light" tt="none" data-testid="summary-status">
            {t(`summary.status.${state.value.status}`)}
          </Badge>
        )}
        {(read.loading || !summary) && !read.error && <Loader size="sm" aria-label={t('summary.loadingMonth')} />}
        {can('exports.nominalList') && (
          <Button variant="default" size="xs" ml="auto" onClick={() => setNominal(true)} data-testid="nominal-open">{t('exports.nominal.open')}</Button>
        )}
      </Group>
      {nominal && <NominalListModal month={month} monthLabel={monthLabel} onClose={() => setNominal(false)} />}
      <FormAlert messageKey={read.error?.messageKey ?? null} />

      {summary && chosen && (
        <>
          <Text size="sm" c="dimmed">{t('summary.period', { from: formatDate(summary.from, locale), to: formatDate(summary.to, locale), count: summary.days })}</Text>
          {month === currentMonth && <Alert color="blue" variant="light">{t('summary.incomplete')}</Alert>}
          <SummaryWarnings key={month} summary={summary} />
          <Headline summary={summary} />
          <SummaryCharts series={series.value} figures={summary.total} monthLabel={monthLabel} />
          <LevelTables summary={summary} monthLabel={monthLabel} />
          <Stack gap="xs">
            <Select label={t('summary.levelPicker')} data={levelOptions} value={chosen.key} onChange={(value) => setLevel(value ?? 'total')}
              allowDeselect={false} searchable maw={420} data-testid="level-picker" />
            <Text size="sm" c="dimmed">{t('summary.showingLevel', { name: chosen.name })}</Text>
          </Stack>
          <FigureSections summary={summary} figures={chosen.figures} levelName={chosen.name} monthLabel={monthLabel} />
          {state.value?.month === month && (
            <MonthClose state={state.value} summary={summary} over={month < currentMonth} onStale={state.reload}
              onClosed={(next) => { state.setValue(next); setCloses((n) => n + 1); }} />
          )}
          <FormAlert messageKey={state.error?.messageKey ?? null} />
        </>
      )}
    </Stack>
  );
}
