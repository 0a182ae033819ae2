// Contributi / Contributions: the list of every contribution, filtered, sorted and paged in SQL, with the
// totals of what the filter selects in the footer.
import { Alert, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTION_SORTS, type ContributionRow } from '../../../../electron/shared/channels/contributions';
import { CONTRIBUTION_STATUSES, CONTRIBUTION_TYPES, type ContributionStatus, type ContributionType } from '../../../../electron/shared/contributions';
import type { ChannelInput } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { useNavigate, type Route } from '../../app/navigation';
import { PageTitle } from '../../components/PageTitle';
import { call } from '../../ipc/client';
import { ContributionsTable } from './ContributionsTable';
import { refusalText } from './money';

const PAGE = 100;
type Sort = (typeof CONTRIBUTION_SORTS)[number];

interface Filters {
  query: string;
  status: ContributionStatus | null;
  type: ContributionType | null;
  year: number | null;
  outstanding: boolean;
}

export function listInput(filters: Filters, sort: { id: string; desc: boolean }, offset: number): ChannelInput<'contributions.list'> {
  const input: ChannelInput<'contributions.list'> = {
    query: filters.query.trim(),
    sort: (CONTRIBUTION_SORTS as readonly string[]).includes(sort.id) ? (sort.id as Sort) : 'proposedAt',
    direction: sort.desc ? 'desc' : 'asc',
    offset,
    limit: PAGE,
  };
  if (filters.status) input.status = filters.status;
  if (filters.type) input.type = filters.type;
  if (filters.year) input.year = filters.year;
  if (filters.outstanding) input.outstanding = true;
  return input;
}

export function ContributionsPage(_: { route: Extract<Route, { area: 'contributions' }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({ query: '', status: null, type: null, year: null, outstanding: false });
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed, 250);
  const [sort, setSort] = useState({ id: 'proposedAt', desc: true });
  const [rows, setRows] = useState<ContributionRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [totals, setTotals] = useState<{ proposedCents: number; approvedCents: number; paidCents: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);
  const loaded = useRef<ContributionRow[]>([]);
  const busy = useRef(false);
  const key = JSON.stringify({ ...filters, query: debounced, sort });

  const fetchPage = useCallback(async (offset: number) => {
    const mine = generation.current;
    busy.current = true;
    setLoading(true);
    const parsed = JSON.parse(key) as Filters & { sort: { id: string; desc: boolean } };
    const result = await call('contributions.list', listInput(parsed, parsed.sort, offset));
    if (mine !== generation.current) return;
    busy.current = false;
    setLoading(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    const seen = new Set(offset === 0 ? [] : loaded.current.map((r) => r.id));
    const next = offset === 0 ? result.value.rows : [...loaded.current, ...result.value.rows.filter((r) => !seen.has(r.id))];
    loaded.current = next;
    setRows(next);
    setTotal(result.value.total);
    setTotals(result.value.totals);
  }, [key]);

  useEffect(() => {
    generation.current += 1;
    loaded.current = [];
    void fetchPage(0);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!busy.current && !error) void fetchPage(loaded.current.length);
  }, [fetchPage, error]);

  const thisYear = Number(todayInRome().slice(0, 4));
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Stack>
      <PageTitle>{t('contributions.title')}</PageTitle>
      <Text c="dimmed" size="sm">{t('contributions.intro')}</Text>
      <Group align="flex-end" role="search" aria-label={t('contributions.filters')}>
        <TextInput label={t('contributions.search')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} data-testid="contributions-search" />
        <Select label={t('contributions.status')} placeholder={t('contributions.anyStatus')} clearable value={filters.status}
          data={CONTRIBUTION_STATUSES.map((s) => ({ value: s, label: t(`vocab.contributionStatuses.${s}`) }))}
          onChange={(v) => setFilters({ ...filters, status: v as ContributionStatus | null })} data-testid="contributions-status" />
        <Select label={t('contributions.type')} placeholder={t('contributions.anyType')} clearable value={filters.type}
          data={CONTRIBUTION_TYPES.map((s) => ({ value: s, label: t(`vocab.contributionTypes.${s}`) }))}
          onChange={(v) => setFilters({ ...filters, type: v as ContributionType | null })} data-testid="contributions-type" />
        <Select label={t('contributions.year')} placeholder={t('contributions.anyYear')} clearable value={filters.year ? String(filters.year) : null}
          data={years} onChange={(v) => setFilters({ ...filters, year: v ? Number(v) : null })} data-testid="contributions-year" w={120} />
        <Switch label={t('contributions.outstanding')} checked={filters.outstanding} onChange={(e) => setFilters({ ...filters, outstanding: e.currentTarget.checked })} />
      </Group>
      {error && <Alert color="red" role="alert">{refusalText(error)}</Alert>}
      <ContributionsTable rows={rows} total={total} totals={totals} loading={loading} sort={sort} onSortChange={setSort}
        onLoadMore={loadMore} onOpen={(id) => navigate({ area: 'contribution', contributionId: id })} queryKey={key} />
    </Stack>
  );
}
