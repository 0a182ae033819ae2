// Bilancio / Budget of a year: per type (and partner share where split) the budget, committed (approved, not
// yet paid), paid and remaining, a warning past 90 %; the chart by month; the overrides; the budget's history;
// setting the budget (coordinators, admins) and the accountant's ledger export.
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTION_TYPES, type ContributionType } from '../../../../electron/shared/contributions';
import { todayInRome } from '../../../../electron/shared/dates';
import { useNavigate, type Route } from '../../app/navigation';
import { useCan } from '../../app/session-context';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { BudgetChart } from './BudgetChart';
import { downloadBase64 } from '../../components/download';
import { MoneyInput, readAmount, refusalText, useEuro, useSubmit } from './money';

export function BudgetPage(_: { route: Extract<Route, { area: 'budget' }> }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const navigate = useNavigate();
  const can = useCan();
  const thisYear = Number(todayInRome().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const read = useChannel('budgets.get', { year });
  const [type, setType] = useState<ContributionType | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const partners = useChannel('partners.list', {});
  const submit = useSubmit();
  const [exportNote, setExportNote] = useState<string | null>(null);
  const exporting = useSubmit();
  const page = read.value;

  const setBudget = () => submit.run(async () => {
    const parsed = readAmount(amount, true);
    const local: Record<string, string[]> = {};
    if (!type) local.type = ['validation.required'];
    if (parsed.error) local.amountCents = [parsed.error];
    if (Object.keys(local).length) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: local }, ['type', 'amountCents', 'note']);
    const result = await call('budgets.set', { year, type: type!, partnerId: partnerId ? Number(partnerId) : null, amountCents: parsed.cents!, note });
    if (!result.ok) return submit.fail(result.error, ['type', 'amountCents', 'note']);
    read.setValue(result.value);
    setAmount('');
    setNote('');
    submit.clear();
  });

  const exportLedger = () => exporting.run(async () => {
    setExportNote(null);
    const result = await call('ledger.export', { year });
    if (!result.ok) return exporting.fail(result.error, []);
    exporting.clear();
    if (result.value.base64) downloadBase64(result.value.base64, result.value.fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    setExportNote(result.value.saved === false ? t('contributions.budget.exportCancelled') : t('contributions.budget.exported', { rows: result.value.rows }));
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('contributions.budget.title')} {year}</PageTitle>
        <Select label={t('contributions.budget.year')} w={120} value={String(year)} onChange={(v) => v && setYear(Number(v))}
          data={Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i))} data-testid="budget-year" allowDeselect={false} />
      </Group>
      {read.error && <Alert color="red" role="alert">{refusalText(read.error)}</Alert>}
      {page && (
        <>
          <Table data-testid="budget-table" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contributions.budget.type')}</Table.Th><Table.Th ta="right">{t('contributions.budget.budget')}</Table.Th>
                <Table.Th ta="right">{t('contributions.budget.committed')}</Table.Th><Table.Th ta="right">{t('contributions.budget.paid')}</Table.Th>
                <Table.Th ta="right">{t('contributions.budget.remaining')}</Table.Th><Table.Th ta="right">{t('contributions.budget.used')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.lines.map((l) => (
                <Table.Tr key={`${l.type}-${l.partnerId ?? 'all'}`} data-testid={`budget-line-${l.type}${l.partnerId ? `-${l.partnerId}` : ''}`}>
                  <Table.Td pl={l.partnerId ? 'xl' : undefined}>
                    {l.partnerId ? l.partnerName : t(`vocab.contributionTypes.${l.type}`)}
                    {l.warning && <Badge ml="xs" color="orange" variant="light" tt="none" data-testid="budget-warning">{t('contributions.budget.warning')}</Badge>}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="line-budget">{euro(l.budgetCents)}</Table.Td>
                  <Table.Td ta="right" data-testid="line-committed">{euro(l.committedCents)}</Table.Td>
                  <Table.Td ta="right" data-testid="line-paid">{euro(l.paidCents)}</Table.Td>
                  <Table.Td ta="right" data-testid="line-remaining" c={l.remainingCents < 0 ? 'red' : undefined}>{euro(l.remainingCents)}</Table.Td>
                  <Table.Td ta="right">{l.usedPermille === null ? '—' : `${(l.usedPermille / 10).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'it-IT')} %`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('contributions.budget.total')}</Table.Th><Table.Th ta="right">{euro(page.totals.budgetCents)}</Table.Th>
                <Table.Th ta="right">{euro(page.totals.committedCents)}</Table.Th><Table.Th ta="right" data-testid="total-paid">{euro(page.totals.paidCents)}</Table.Th>
                <Table.Th ta="right">{euro(page.totals.remainingCents)}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Title order={2} size="h4">{t('contributions.budget.chartTitle')}</Title>
          <BudgetChart page={page} />

          <Title order={2} size="h4">{t('contributions.budget.overrides')}</Title>
          {page.overrides.length === 0 ? <Text size="sm" c="dimmed">{t('contributions.budget.noOverrides')}</Text> : (
            <Table data-testid="budget-overrides">
              <Table.Tbody>
                {page.overrides.map((o) => (
                  <Table.Tr key={`${o.contributionId}-${o.date}-${o.amountCents}`} style={{ cursor: 'pointer' }} onClick={() => navigate({ area: 'contribution', contributionId: o.contributionId })}>
                    <Table.Td>{formatDate(o.date, i18n.language)}</Table.Td>
                    <Table.Td ff="monospace">{o.reference}</Table.Td>
                    <Table.Td ff="monospace">{o.householdCode}</Table.Td>
                    <Table.Td>{t(`vocab.contributionTypes.${o.type}`)}</Table.Td>
                    <Table.Td ta="right">{euro(o.amountCents)}</Table.Td>
                    <Table.Td>{t('contributions.remainingAtDecision', { amount: euro(o.remainingCents) })}</Table.Td>
                    <Table.Td>{o.reason}</Table.Td>
                    <Table.Td>{o.byName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          {can('budgets.set') && (
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">{t('contributions.budget.set')}</Title>
              <form onSubmit={(e) => { e.preventDefault(); void setBudget(); }} noValidate>
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <Select label={t('contributions.budget.type')} required value={type} onChange={(v) => setType(v as ContributionType | null)} error={submit.errors.type}
                    data={CONTRIBUTION_TYPES.map((c) => ({ value: c, label: t(`vocab.contributionTypes.${c}`) }))} data-testid="budget-type" />
                  <Select label={t('contributions.budget.partner')} clearable placeholder={t('contributions.budget.wholeType')} value={partnerId} onChange={setPartnerId}
                    data={(partners.value ?? []).map((p) => ({ value: String(p.id), label: p.name }))} />
                  <MoneyInput label={t('contributions.budget.amount')} required value={amount} onChange={setAmount} error={submit.errors.amountCents} data-testid="budget-amount" />
                  <TextInput label={t('contributions.budget.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={submit.errors.note} />
                </SimpleGrid>
                {submit.message && <Alert mt="sm" color="red" role="alert">{submit.message}</Alert>}
                <Button mt="sm" type="submit" loading={submit.busy} data-testid="budget-save">{t('contributions.budget.setButton')}</Button>
              </form>
            </Paper>
          )}

          <Title order={2} size="h4">{t('contributions.budget.history')}</Title>
          {page.history.length === 0 ? <Text size="sm" c="dimmed">{t('contributions.budget.noHistory')}</Text> : (
            <Table data-testid="budget-history">
              <Table.Tbody>
                {page.history.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{formatDate(h.at, i18n.language)}</Table.Td>
                    <Table.Td>{t(`vocab.contributionTypes.${h.type}`)}{h.partnerName ? ` · ${h.partnerName}` : ''}</Table.Td>
                    <Table.Td ta="right">{euro(h.amountCents)}</Table.Td>
                    <Table.Td>{h.note}</Table.Td>
                    <Table.Td>{h.byName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          {can('ledger.export') && (
            <Group>
              <Button variant="default" loading={exporting.busy} onClick={() => void exportLedger()} data-testid="ledger-export">{t('contributions.budget.export')}</Button>
              {exportNote && <Text size="sm" role="status">{exportNote}</Text>}
              {exporting.message && <Alert color="red" role="alert">{exporting.message}</Alert>}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
