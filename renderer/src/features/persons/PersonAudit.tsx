// The audit trail of one person (admins and coordinators): who did what, when, to which fields — never values.
import { Stack, Table, Text, Title } from '@mantine/core';
import { auditActionLabel, auditFieldLabel } from '../../../../electron/shared/audit-actions';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../electron/shared/audit-schema';
import { formatDateTime } from '../../i18n/format';

export function PersonAudit({ rows }: { rows: AuditRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="person-audit-title" data-testid="person-audit">
      <Title order={2} id="person-audit-title">
        {t('person.auditTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption>{t('person.auditCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.user')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.fields')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, i18n.language)}</Table.Td>
                  <Table.Td>{row.userName ?? t('audit.system')}</Table.Td>
                  <Table.Td title={row.action}>{auditActionLabel(row.action, i18n.language === 'en' ? 'en' : 'it')}</Table.Td>
                  <Table.Td ff="monospace">{row.entity}</Table.Td>
                  <Table.Td>{row.fields.length ? row.fields.map((f) => auditFieldLabel(f, i18n.language === 'en' ? 'en' : 'it')).join(', ') : t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
