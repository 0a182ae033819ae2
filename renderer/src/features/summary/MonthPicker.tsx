// The month picker: a year, then its twelve months as buttons, each with its status (open, closed vN,
// amended) from summary.months, so the months still to close stand out. Months after the current one are
// not offered: they have no figures yet.
import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthStatus } from '../../../../electron/shared/channels/summary';
import { useChannel } from '../../ipc/use-channel';
import { monthName } from './summary-rows';

export const STATUS_COLORS: Record<MonthStatus, string> = { open: 'gray', closed: 'teal', amended: 'orange' };

/** Years offered: the ten before the current one, and the current one. */
const YEARS_BACK = 10;

export function MonthPicker({ month, currentMonth, onChange, generation }: {
  month: string;
  /** 'YYYY-MM' of today in Rome: later months are disabled. */
  currentMonth: string;
  onChange: (month: string) => void;
  /** Changes after a close, so the statuses are read again. */
  generation: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const year = Number(month.slice(0, 4));
  const currentYear = Number(currentMonth.slice(0, 4));
  const statuses = useChannel('summary.months', { year });
  const { reload } = statuses;
  // Read again when a month is closed here (the generation changes).
  useReloadOn(generation, reload);
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(currentYear - YEARS_BACK + i));
  const byMonth = new Map((statuses.value ?? []).map((m) => [m.month, m]));

  return (
    <Stack gap="xs" role="group" aria-label={t('summary.monthPicker')} data-testid="month-picker">
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('summary.year')}
          value={String(year)}
          data={years}
          onChange={(event) => {
            const y = event.currentTarget.value;
            const next = `${y}-${month.slice(5, 7)}`;
            onChange(next > currentMonth ? currentMonth : next);
          }}
          w={120}
          data-testid="summary-year"
        />
      </Group>
      <SimpleGrid cols={{ base: 3, sm: 6, xl: 12 }} spacing={6}>
        {Array.from({ length: 12 }, (_, i) => {
          const key = `${year}-${String(i + 1).padStart(2, '0')}`;
          const info = byMonth.get(key);
          const status = info?.status ?? 'open';
          const selected = key === month;
          const statusText = info?.version ? t('summary.statusVersion', { status: t(`summary.status.${status}`), version: info.version }) : t(`summary.status.${status}`);
          return (
            <Button
              key={key}
              variant={selected ? 'filled' : 'default'}
              disabled={key > currentMonth}
              onClick={() => onChange(key)}
              aria-pressed={selected}
              aria-label={`${monthName(key, locale)}${key <= currentMonth ? ` · ${statusText}` : ''}`}
              h="auto"
              py={6}
              px={6}
              data-testid={`month-${key}`}
              data-status={status}
            >
              <Stack gap={2} align="center">
                <span>{monthName(key, locale, 'short').replace(/ \d{4}$/, '')}</span>
                {key <= currentMonth && (
                  <Badge size="xs" variant={selected ? 'white' : 'light'} color={STATUS_COLORS[status]} tt="none">
                    {statusText}
                  </Badge>
                )}
              </Stack>
            </Button>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}


/** Calls `reload` each time `generation` changes after the first render. */
export function useReloadOn(generation: number, reload: () => void) {
  const first = useRef(generation);
  useEffect(() => {
    if (generation !== first.current) reload();
  }, [generation, reload]);
}
