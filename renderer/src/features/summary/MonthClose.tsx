// The month close (docs/summary.md, "Month close and amendments"): the month's state (open, closed vN on a
// date by a name, amended), every version closed so far, and when amended the figures that changed, closed
// value beside current value, named in words. Coordinators and admins close the month, or close it again as
// the next version, after a confirmation; the version they saw goes with the request so two closing at once
// do not both win.
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MonthState, MonthSummary } from '../../../../electron/shared/channels/summary';
import { useCan } from '../../app/session-context';
import { formatDate, formatDateTime } from '../../i18n/format';
import { translateKey } from '../../i18n';
import { call } from '../../ipc/client';
import { describePath, formatFigure, type FigureUnit } from './figure-labels';
import { STATUS_COLORS } from './MonthPicker';
import { monthName } from './summary-rows';
import { byNumber, byText, summaryColumnHelper, SummaryTable, type SummaryColumn } from './summary-table';
import { figureCell } from './summary-columns';

export interface AmendmentRow {
  path: string;
  level: string;
  figure: string;
  unit: FigureUnit;
  closed: number | null;
  current: number | null;
}

/** The amendments in words; a path this page does not know shows as it is, as the figure. */
export function amendmentRows(t: TFunction, state: MonthState, summary: MonthSummary, locale: string): AmendmentRow[] {
  return state.amendments.map((a) => {
    const words = describePath(t, a.path, summary, locale);
    return { path: a.path, level: words?.level ?? '', figure: words?.figure ?? a.path, unit: words?.unit ?? 'count', closed: a.closed, current: a.current };
  });
}

function amendmentColumns(t: TFunction, locale: string): SummaryColumn<AmendmentRow>[] {
  const helper = summaryColumnHelper<AmendmentRow>();
  const text = byText(locale);
  const value = (key: 'closed' | 'current', label: string) =>
    helper.accessor((row) => row[key] ?? undefined, {
      id: key, meta: { label, numeric: true, width: 120 }, sortFn: byNumber, sortUndefined: 'last', sortDescFirst: true,
      cell: (info) => figureCell(info.getValue() as number | undefined, info.row.original.unit, locale, t('summary.absentPct')),
    });
  return [
    helper.accessor('level', { id: 'level', meta: { label: t('summary.colLevel'), width: 200 }, sortFn: text }),
    helper.accessor('figure', { id: 'figure', meta: { label: t('summary.colFigure'), width: 320 }, sortFn: text }),
    value('closed', t('summary.close.colClosed')),
    value('current', t('summary.close.colCurrent')),
  ];
}

const versionHelper = summaryColumnHelper<MonthState['versions'][number]>();

export function MonthClose({ state, summary, over, onClosed, onStale }: {
  state: MonthState;
  summary: MonthSummary;
  /** False for the current month: it can be closed from the day after its last day. */
  over: boolean;
  onClosed: (next: MonthState) => void;
  /** Someone else closed the month meanwhile: read its state again. */
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const can = useCan();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const last = state.versions.at(-1);
  const nextVersion = (last?.version ?? 0) + 1;
  const month = monthName(state.month, locale);
  const rows = useMemo(() => amendmentRows(t, state, summary, locale), [t, state, summary, locale]);
  const columns = useMemo(() => amendmentColumns(t, locale), [t, locale]);
  const versionColumns = useMemo<SummaryColumn<MonthState['versions'][number]>[]>(() => [
    versionHelper.accessor('version', { id: 'version', meta: { label: t('summary.close.colVersion'), numeric: true, width: 120 }, sortFn: byNumber, cell: (info) => `v${info.getValue()}` }),
    versionHelper.accessor('closedAt', { id: 'closedAt', meta: { label: t('summary.close.colClosedAt'), width: 160 }, sortFn: byText('en'), cell: (info) => formatDateTime(info.getValue(), locale) }),
    versionHelper.accessor((row) => row.closedByName ?? t('summary.close.unknownUser'), { id: 'closedBy', meta: { label: t('summary.close.colClosedBy'), width: 180 }, sortFn: byText(locale) }),
    versionHelper.accessor('sha256', { id: 'sha256', enableSorting: false, meta: { label: t('summary.close.colSha'), width: 200 },
      cell: (info) => <Text span ff="monospace" size="xs" title={info.getValue()}>{info.getValue().slice(0, 16)}…</Text> }),
  ], [t, locale]);
  const canClose = over && can('summary.close') && (state.status === 'open' || state.status === 'amended');

  const close = async () => {
    setBusy(true);
    setError(null);
    const result = await call('summary.close', { month: state.month, expectedVersion: last?.version ?? 0 });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      setNotice(t('summary.close.closed', { month, version: result.value.versions.at(-1)?.version ?? nextVersion }));
      onClosed(result.value);
    } else {
      setError(translateKey(result.error.messageKey, 'errors.INTERNAL'));
      if (result.error.code === 'MONTH_CLOSE_CONFLICT') onStale();
    }
  };

  const who = (name: string | null) => name ?? t('summary.close.unknownUser');
  const stateLine =
    state.status === 'open' || !last
      ? t('summary.close.stateOpen')
      : t(state.status === 'amended' ? 'summary.close.stateAmended' : 'summary.close.stateClosed', { version: last.version, date: formatDate(last.closedAt, locale), name: who(last.closedByName) });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="month-close-title" data-testid="month-close" data-status={state.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="month-close-title">{t('summary.close.title')}</Title>
            <Text size="sm" c="dimmed" maw={720}>{t('summary.close.intro')}</Text>
          </div>
          <Badge size="lg" color={STATUS_COLORS[state.status]} variant="light" tt="none" data-testid="month-status">
            {last ? t('summary.statusVersion', { status: t(`summary.status.${state.status}`), version: last.version }) : t(`summary.status.${state.status}`)}
          </Badge>
        </Group>
        <Text size="sm" data-testid="month-state-line">{stateLine}</Text>
        {notice && <Text role="status" c="teal.8" fw={600} data-testid="month-close-notice">{notice}</Text>}
        {error && <Alert color="red" role="alert" data-testid="month-close-error">{error}</Alert>}

        {state.status === 'amended' && (
          <Stack gap={4} data-testid="amendments">
            <Text fw={600} size="sm">{t('summary.close.amendments', { count: rows.length })}</Text>
            <SummaryTable columns={columns} data={rows} getRowId={(r) => r.path} caption={t('summary.close.amendments', { count: rows.length })} testId="amendments-table" />
          </Stack>
        )}

        {canClose ? (
          <Group>
            <Button onClick={() => setConfirming(true)} color={state.status === 'amended' ? 'orange' : undefined} data-testid="month-close-button">
              {state.status === 'amended' ? t('summary.close.closeAgain', { version: nextVersion }) : t('summary.close.closeMonth')}
            </Button>
          </Group>
        ) : (
          !over && <Text size="sm" c="dimmed" data-testid="month-not-over">{t('summary.close.notOver')}</Text>
        )}

        {state.versions.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">{t('summary.close.versions')}</Text>
            <SummaryTable columns={versionColumns} data={state.versions} getRowId={(v) => String(v.version)} caption={t('summary.close.versions')}
              testId="versions-table" initialSorting={[{ id: 'version', desc: true }]} maxWidth={720} />
          </Stack>
        )}
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('summary.close.confirmTitle', { month })} centered>
        <Stack>
          <Text size="sm">{t('summary.close.confirmBody', { month, version: nextVersion })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('summary.close.cancel')}</Button>
            <Button loading={busy} onClick={() => void close()} data-testid="month-close-confirm">{t('summary.close.confirm', { version: nextVersion })}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
