// A short list of people for the Today page (code, name or alias, a date, structure); each opens the person.
import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation';
import { formatDate } from '../../i18n/format';

export interface CountRow {
  personId: number;
  code: string;
  label: string;
  date: string;
  structureName: string | null;
  stayId: number | null;
}

/** `expiredFrom`: dates on or before it are marked expired (a permit's expiry day counts as expired, as on the person page). */
export function PersonRows({ rows, dateLabel, caption, expiredFrom }: { rows: CountRow[]; dateLabel: string; caption: string; expiredFrom?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('today.nobody')}
      </Text>
    );
  return (
    <Table verticalSpacing={4} highlightOnHover>
      <Table.Caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('today.person')}</Table.Th>
          <Table.Th>{dateLabel}</Table.Th>
          <Table.Th>{t('today.structure')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.personId}-${row.stayId ?? ''}-${row.date}`} data-testid="today-person-row">
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => navigate({ area: 'person', personId: row.personId })}>
                {row.label}
              </Anchor>
              {row.label !== row.code && (
                <Text span size="xs" c="dimmed" ff="monospace" ml={6}>
                  {row.code}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {formatDate(row.date, i18n.language)}
              {expiredFrom !== undefined && row.date <= expiredFrom && (
                <Badge ml={6} size="sm" color="red" variant="light" tt="none" data-testid="today-expired">
                  {t('today.expired')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{row.structureName ?? t('common.none')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
