// The summary's charts (@mantine/charts over recharts: SVG drawn by React, nothing fetched, no eval, so it
// runs offline under the app's CSP). An SVG chart has no accessible name of its own: each chart is a
// <figure> named by its <figcaption>, with a "show as table" toggle that shows the very rows it draws.
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Button, Card, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FigureBlock, SeriesPoint } from '../../../../electron/shared/channels/summary';
import { occupancyAxisMax, seriesRows, type SeriesRow } from './chart-rows';
import { formatFigure, figureLabel } from './figure-labels';
import { countColumns, figureCell } from './summary-columns';
import { stayBandRows } from './summary-rows';
import { byNumber, byText, summaryColumnHelper, SummaryTable, type SummaryColumn } from './summary-table';

const CHART_HEIGHT = 240;

export function ChartFigure({ caption, testId, chart, table }: { caption: string; testId: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const captionId = useId();
  return (
    <Card withBorder padding="sm" component="figure" m={0} aria-labelledby={captionId} data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Text component="figcaption" id={captionId} fw={600} size="sm" style={{ flex: 1 }}>
          {caption}
        </Text>
        <Button variant="subtle" size="compact-xs" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable} data-testid={`${testId}-toggle`} style={{ flexShrink: 0 }}>
          {asTable ? t('summary.charts.showChart') : t('summary.charts.showTable')}
        </Button>
      </Group>
      {asTable ? table : <Box data-testid={`${testId}-chart`}>{chart}</Box>}
    </Card>
  );
}

function seriesColumns(t: TFunction, locale: string, kind: 'occupancy' | 'flows'): SummaryColumn<SeriesRow>[] {
  const helper = summaryColumnHelper<SeriesRow>();
  const count = (key: 'availableNights' | 'occupiedNights' | 'entries' | 'exits') =>
    helper.accessor(key, { id: key, meta: { label: figureLabel(t, key), numeric: true, width: 110 }, sortFn: byNumber, sortDescFirst: true, cell: (info) => formatFigure(info.getValue(), 'count', locale) });
  // The month column sorts by its key ('YYYY-MM'), not by its words.
  const month = helper.accessor('month', { id: 'month', meta: { label: t('summary.colMonth'), width: 110 }, sortFn: byText('en'), cell: (info) => info.row.original.label });
  if (kind === 'flows') return [month, count('entries'), count('exits')];
  return [
    month, count('availableNights'), count('occupiedNights'),
    helper.accessor((row) => row.occupancyPct ?? undefined, {
      id: 'occupancyPct', meta: { label: figureLabel(t, 'occupancyPct'), numeric: true, width: 110 }, sortFn: byNumber, sortUndefined: 'last', sortDescFirst: true,
      cell: (info) => figureCell(info.getValue() as number | undefined, 'pct', locale, t('summary.absentPct')),
    }),
  ];
}

export function SummaryCharts({ series, figures, monthLabel }: { series: SeriesPoint[] | null; figures: FigureBlock; monthLabel: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const rows = useMemo(() => (series ? seriesRows(series, locale) : []), [series, locale]);
  const bands = useMemo(() => stayBandRows(t, figures), [t, figures]);
  const occupancyColumns = useMemo(() => seriesColumns(t, locale, 'occupancy'), [t, locale]);
  const flowColumns = useMemo(() => seriesColumns(t, locale, 'flows'), [t, locale]);
  const bandColumns = useMemo(() => countColumns(t, locale, figures.lengthOfStay.exits), [t, locale, figures.lengthOfStay.exits]);
  const pct = (value: number) => formatFigure(value, 'pct', locale);
  const count = (value: number) => formatFigure(value, 'count', locale);
  const loading = <Loader size="sm" aria-label={t('summary.charts.loading')} />;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartFigure
        caption={t('summary.charts.occupancy')}
        testId="chart-occupancy"
        chart={series ? (
          <LineChart
            h={CHART_HEIGHT}
            data={rows}
            dataKey="label"
            series={[{ name: 'occupancyPct', label: figureLabel(t, 'occupancyPct'), color: 'teal.7' }]}
            referenceLines={[
              { y: 65, label: t('summary.charts.low'), color: 'orange.6', strokeDasharray: '4 4' },
              { y: 100, label: t('summary.charts.full'), color: 'red.6', strokeDasharray: '4 4' },
            ]}
            yAxisProps={{ domain: [0, occupancyAxisMax(rows)], tickFormatter: (value: number) => `${value} %`, width: 56 }}
            valueFormatter={pct}
            curveType="linear"
            connectNulls={false}
            tooltipAnimationDuration={0}
          />
        ) : loading}
        table={<SummaryTable columns={occupancyColumns} data={rows} getRowId={(r) => r.month} caption={t('summary.charts.occupancy')} testId="chart-occupancy-table" />}
      />
      <ChartFigure
        caption={t('summary.charts.flows')}
        testId="chart-flows"
        chart={series ? (
          <BarChart
            h={CHART_HEIGHT}
            data={rows}
            dataKey="label"
            series={[
              { name: 'entries', label: figureLabel(t, 'entries'), color: 'teal.6' },
              { name: 'exits', label: figureLabel(t, 'exits'), color: 'orange.6' },
            ]}
            valueFormatter={count}
            withLegend
            tooltipAnimationDuration={0}
          />
        ) : loading}
        table={<SummaryTable columns={flowColumns} data={rows} getRowId={(r) => r.month} caption={t('summary.charts.flows')} testId="chart-flows-table" />}
      />
      <ChartFigure
        caption={`${t('summary.charts.lengthOfStay')} · ${monthLabel}`}
        testId="chart-length"
        chart={
          <BarChart
            h={CHART_HEIGHT}
            data={bands}
            dataKey="label"
            series={[{ name: 'count', label: figureLabel(t, 'exits'), color: 'indigo.6' }]}
            valueFormatter={count}
            tooltipAnimationDuration={0}
          />
        }
        table={<SummaryTable columns={bandColumns} data={bands} getRowId={(r) => r.key} caption={t('summary.charts.lengthOfStay')} testId="chart-length-table" />}
      />
    </SimpleGrid>
  );
}
