// The contributions of a person's household, on the person page, with a link to start a new one.
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation';
import { formatDate } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { STATUS_COLORS } from './contribution-columns';
import { useEuro } from './money';

export function HouseholdContributions({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const euro = useEuro();
  const read = useChannel('contributions.ofHousehold', { personId });
  const rows = read.value ?? [];
  return (
    <Stack gap="xs" data-testid="household-contributions">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('contributions.ofHousehold')}</Title>
        <Button variant="default" size="xs" onClick={() => navigate({ area: 'contributionNew', personId })} data-testid="new-contribution">
          {t('contributions.newContribution')}
        </Button>
      </Group>
      {rows.length === 0 ? <Text size="sm" c="dimmed">{t('contributions.noneForHousehold')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contributions.colReference')}</Table.Th><Table.Th>{t('contributions.colType')}</Table.Th><Table.Th>{t('contributions.colStatus')}</Table.Th>
              <Table.Th ta="right">{t('contributions.colApproved')}</Table.Th><Table.Th ta="right">{t('contributions.colPaid')}</Table.Th><Table.Th>{t('contributions.colProposedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component="button" ff="monospace" onClick={() => navigate({ area: 'contribution', contributionId: r.id })} aria-label={t('contributions.open', { reference: r.reference })}>
                    {r.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`vocab.contributionTypes.${r.type}`)}</Table.Td>
                <Table.Td><Badge variant="light" tt="none" color={STATUS_COLORS[r.status]}>{t(`vocab.contributionStatuses.${r.status}`)}</Badge></Table.Td>
                <Table.Td ta="right">{euro(r.approvedCents)}</Table.Td>
                <Table.Td ta="right">{euro(r.paidCents)}</Table.Td>
                <Table.Td>{formatDate(r.proposedAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
