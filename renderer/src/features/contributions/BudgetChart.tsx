// Committed and paid by month, cumulative, as plain SVG: no charting library, so nothing to load from the
// network and nothing that needs `unsafe-eval` under the app's CSP. Two lines (approved, paid) and the budget
// as a dashed line; the same figures are in the table beside it for screen readers.
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BudgetPage } from '../../../../electron/shared/channels/contributions';
import { useEuro } from './money';

const W = 640;
const H = 220;
const PAD = { left: 12, right: 12, top: 12, bottom: 28 };

export function BudgetChart({ page }: { page: BudgetPage }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', { month: 'short', timeZone: 'UTC' });
  const max = Math.max(1, page.totals.budgetCents, ...page.months.map((m) => Math.max(m.cumulativeApprovedCents, m.cumulativePaidCents)));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / 11;
  const y = (cents: number) => H - PAD.bottom - (cents / max) * (H - PAD.top - PAD.bottom);
  const line = (key: 'cumulativeApprovedCents' | 'cumulativePaidCents') => page.months.map((m, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(m[key]).toFixed(1)}`).join(' ');
  return (
    <Box>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('contributions.budget.chartCaption')} data-testid="budget-chart" style={{ maxWidth: W }}>
        {page.totals.budgetCents > 0 && (
          <line x1={PAD.left} x2={W - PAD.right} y1={y(page.totals.budgetCents)} y2={y(page.totals.budgetCents)} stroke="#868e96" strokeDasharray="4 4" />
        )}
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#ced4da" />
        <path d={line('cumulativeApprovedCents')} fill="none" stroke="#e8590c" strokeWidth={2.5} data-testid="chart-approved" />
        <path d={line('cumulativePaidCents')} fill="none" stroke="#0ca678" strokeWidth={2.5} data-testid="chart-paid" />
        {page.months.map((m, i) => (
          <text key={m.month} x={x(i)} y={H - 8} fontSize={11} textAnchor="middle" fill="#495057">
            {monthName.format(new Date(Date.UTC(page.year, i, 1)))}
          </text>
        ))}
      </svg>
      <Group gap="lg" mt={4}>
        <Text size="sm"><span style={{ color: '#e8590c' }}>━</span> {t('contributions.budget.chartApproved')}: {euro(page.months.at(-1)!.cumulativeApprovedCents)}</Text>
        <Text size="sm"><span style={{ color: '#0ca678' }}>━</span> {t('contributions.budget.chartPaid')}: {euro(page.months.at(-1)!.cumulativePaidCents)}</Text>
        <Text size="sm"><span style={{ color: '#868e96' }}>┅</span> {t('contributions.budget.budget')}: {euro(page.totals.budgetCents)}</Text>
      </Group>
    </Box>
  );
}
