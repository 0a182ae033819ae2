// The detailed figures of one level (the whole programme, a structure, a type or a partner): exits by reason,
// length of stay, the breakdowns of the persons served, referrals, extensions, contributions and timeliness.
// Figures that do not exist at a level (contributions per structure, most referral figures per structure)
// show as a dash with the reason.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureBlock, MonthSummary } from '../../../../electron/shared/channels/summary';
import { figureLabel, formatFigure, type FigureUnit } from './figure-labels';
import { contributionColumns, countColumns, figureCell } from './summary-columns';
import { BREAKDOWNS, breakdownRows, contributionRows, declineRows, exitReasonRows, stayBandRows } from './summary-rows';
import { Absent, byNumber, byText, summaryColumnHelper, SummaryTable, type SummaryColumn } from './summary-table';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={`summary-${id}`} data-testid={`section-${id}`}>
      <Title order={3} size="h5" id={`summary-${id}`} mb="xs">{title}</Title>
      {children}
    </Card>
  );
}

interface FigureItem {
  key: string;
  label: string;
  value: number | null;
  unit: FigureUnit;
  /** Why the figure may not exist (shown with the dash); a percentage of nothing when not said. */
  why?: string;
}

const itemHelper = summaryColumnHelper<FigureItem>();

/** A short list of single figures (label, value) as a two-column table, sortable like the others. */
function FigureList({ items, caption, testId }: { items: FigureItem[]; caption: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const columns = useMemo<SummaryColumn<FigureItem>[]>(() => [
    itemHelper.accessor('label', { id: 'label', meta: { label: t('summary.colFigure'), width: 320 }, sortFn: byText(locale) }),
    itemHelper.accessor((row) => row.value ?? undefined, {
      id: 'value', meta: { label: t('summary.colValue'), numeric: true, width: 120 }, sortFn: byNumber, sortUndefined: 'last', sortDescFirst: true,
      cell: (info) => figureCell(info.getValue() as number | undefined, info.row.original.unit, locale, info.row.original.why ?? t('summary.absentPct')),
    }),
  ], [t, locale]);
  return <SummaryTable columns={columns} data={items} getRowId={(row) => row.key} caption={caption} testId={testId} maxWidth={560} />;
}

export function FigureSections({ summary, figures, levelName, monthLabel }: { summary: MonthSummary; figures: FigureBlock; levelName: string; monthLabel: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const caption = (title: string) => t('summary.tableCaption', { title: `${title} · ${levelName}`, month: monthLabel });
  const served = figures.personsServed;
  const countCols = useMemo(() => countColumns(t, locale, served), [t, locale, served]);
  const exitCols = useMemo(() => countColumns(t, locale, figures.exits), [t, locale, figures.exits]);
  const bandCols = useMemo(() => countColumns(t, locale, figures.lengthOfStay.exits), [t, locale, figures.lengthOfStay.exits]);
  const declinedCols = useMemo(() => countColumns(t, locale, figures.referrals.declined ?? 0), [t, locale, figures.referrals.declined]);
  const moneyCols = useMemo(() => contributionColumns(t, locale), [t, locale]);
  const contributions = contributionRows(t, figures);
  const r = figures.referrals;
  const los = figures.lengthOfStay;
  const levelWhy = t('summary.absentReferralLevel');
  const f = (n: number | null, unit: FigureUnit = 'count') => formatFigure(n, unit, locale);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="exits" title={t('summary.sections.exits')}>
          <SummaryTable columns={exitCols} data={exitReasonRows(t, figures)} getRowId={(row) => row.key} caption={caption(t('summary.sections.exits'))} testId="table-exits"
            footer={[t('summary.totalRow'), f(figures.exits), '']} />
        </Section>
        <Section id="length" title={t('summary.sections.lengthOfStay')}>
          <Text size="sm" mb="xs" data-testid="length-line">
            {t('summary.lengthOfStayLine', { count: los.exits, mean: los.meanDays === null ? t('summary.absent') : f(los.meanDays, 'days'), median: los.medianDays === null ? t('summary.absent') : f(los.medianDays, 'days') })}
          </Text>
          <SummaryTable columns={bandCols} data={stayBandRows(t, figures)} getRowId={(row) => row.key} caption={caption(t('summary.sections.lengthOfStay'))} testId="table-length" />
        </Section>
      </SimpleGrid>

      <Section id="breakdowns" title={t('summary.sections.breakdowns')}>
        <Text size="sm" c="dimmed" mb="xs">{t('summary.breakdownNote')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {BREAKDOWNS.map((key) => (
            <Stack key={key} gap={4}>
              <Text fw={600} size="sm">{figureLabel(t, key)}</Text>
              <SummaryTable columns={countCols} data={breakdownRows(t, summary, figures, key, locale)} getRowId={(row) => row.key}
                caption={caption(figureLabel(t, key))} testId={`table-${key}`} initialSorting={key === 'byNationality' || key === 'byPartner' ? [{ id: 'count', desc: true }] : []} />
            </Stack>
          ))}
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="referrals" title={t('summary.sections.referrals')}>
          <FigureList testId="list-referrals" caption={caption(t('summary.sections.referrals'))} items={[
            { key: 'received', label: figureLabel(t, 'received'), value: r.received, unit: 'count', why: levelWhy },
            { key: 'placed', label: figureLabel(t, 'placed'), value: r.placed, unit: 'count' },
            { key: 'declined', label: figureLabel(t, 'declined'), value: r.declined, unit: 'count', why: levelWhy },
            { key: 'withdrawn', label: figureLabel(t, 'withdrawn'), value: r.withdrawn, unit: 'count', why: levelWhy },
            { key: 'pendingAtEnd', label: figureLabel(t, 'pendingAtEnd'), value: r.pendingAtEnd, unit: 'count', why: levelWhy },
            { key: 'medianHoursToAdmission', label: figureLabel(t, 'medianHoursToAdmission'), value: r.medianHoursToAdmission, unit: 'hours', why: t('summary.absentHours') },
          ]} />
          <Text fw={600} size="sm" mt="sm" mb={4}>{figureLabel(t, 'declinedByReason')}</Text>
          {r.declinedByReason ? (
            <SummaryTable columns={declinedCols} data={declineRows(t, r.declinedByReason)} getRowId={(row) => row.key} caption={caption(figureLabel(t, 'declinedByReason'))} testId="table-declined" />
          ) : (
            <Absent why={levelWhy} />
          )}
        </Section>
        <Stack gap="md">
          <Section id="extensions" title={t('summary.sections.extensions')}>
            <FigureList testId="list-extensions" caption={caption(t('summary.sections.extensions'))} items={[
              { key: 'pastPlannedEndAtEnd', label: figureLabel(t, 'pastPlannedEndAtEnd'), value: figures.extensions.pastPlannedEndAtEnd, unit: 'count' },
              { key: 'granted', label: figureLabel(t, 'granted'), value: figures.extensions.granted, unit: 'count' },
            ]} />
          </Section>
          <Section id="timeliness" title={t('summary.sections.timeliness')}>
            <FigureList testId="list-timeliness" caption={caption(t('summary.sections.timeliness'))} items={[
              { key: 'pct', label: figureLabel(t, 'timelinessPct'), value: figures.timeliness.pct, unit: 'pct' },
              { key: 'entriesOnTime', label: figureLabel(t, 'entriesOnTime'), value: figures.timeliness.entriesOnTime, unit: 'count' },
              { key: 'entries', label: figureLabel(t, 'entries'), value: figures.timeliness.entries, unit: 'count' },
              { key: 'exitsOnTime', label: figureLabel(t, 'exitsOnTime'), value: figures.timeliness.exitsOnTime, unit: 'count' },
              { key: 'exits', label: figureLabel(t, 'exits'), value: figures.timeliness.exits, unit: 'count' },
            ]} />
            <Text size="xs" c="dimmed" mt={4}>{t('summary.timelinessNote')}</Text>
          </Section>
        </Stack>
      </SimpleGrid>

      <Section id="contributions" title={t('summary.sections.contributions')}>
        {contributions && figures.contributions ? (
          <>
            <Text size="sm" mb="xs" data-testid="contributions-households">{t('summary.contributions.households', { count: figures.contributions.householdsSupported })}</Text>
            <SummaryTable columns={moneyCols} data={contributions} getRowId={(row) => row.key} caption={caption(t('summary.sections.contributions'))} testId="table-contributions" />
          </>
        ) : (
          <Text size="sm" data-testid="contributions-absent">
            <Absent why={t('summary.absentContributions')} /> {t('summary.absentContributions')}
          </Text>
        )}
      </Section>
    </Stack>
  );
}
