// Registro attività (admin, coordinator): the audit events, 50 a page, and whether the hash chain verifies.
import { Alert, Badge, Box, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { auditActionLabel, auditFieldLabel } from '../../../../electron/shared/audit-actions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainReport } from '../../../../electron/shared/contract';
import { useUser } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { formatDateTime } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';

const PAGE_SIZE = 50;

export function AuditTab() {
  const { t, i18n } = useTranslation();
  const { locale } = useUser();
  const [page, setPage] = useState(1);
  const audit = useChannel('audit.list', { page, pageSize: PAGE_SIZE });
  const data = audit.value;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('audit.title')}</Title>
        {data && <ChainBadge chain={data.chain} />}
      </Group>
      {data && !data.chain.ok && (
        <Alert color="red" role="alert">
          {t('audit.chainBrokenHelp')}
        </Alert>
      )}
      <FormAlert messageKey={audit.error?.messageKey ?? null} />
      {audit.loading && !data && <Loader aria-label={t('app.loading')} />}
      {data && (
        <>
          <Text size="sm" c="dimmed" data-testid="audit-total">
            {t('audit.total', { count: data.total })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" aria-busy={audit.loading}>
              <Table.Caption>{t('audit.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.user')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.record')}</Table.Th>
                  <Table.Th>{t('audit.fields')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('audit.empty')}</Table.Td>
                  </Table.Tr>
                )}
                {data.rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, locale)}</Table.Td>
                    <Table.Td>{row.userName ?? t('audit.system')}</Table.Td>
                    <Table.Td title={row.action}>{auditActionLabel(row.action, i18n.language === 'en' ? 'en' : 'it')}</Table.Td>
                    <Table.Td ff="monospace">{row.entity}</Table.Td>
                    <Table.Td ff="monospace">{row.recordId ?? t('common.none')}</Table.Td>
                    <Table.Td>{row.fields.length ? row.fields.map((f) => auditFieldLabel(f, i18n.language === 'en' ? 'en' : 'it')).join(', ') : t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Box component="nav" aria-label={t('audit.pagination')}>
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) =>
                  control === 'previous' ? { 'aria-label': t('audit.previousPage') } : control === 'next' ? { 'aria-label': t('audit.nextPage') } : {}
                }
              />
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}

function ChainBadge({ chain }: { chain: ChainReport }) {
  const { t } = useTranslation();
  const label = chain.ok
    ? t('audit.chainOk', { count: chain.checked })
    : t('audit.chainBroken', { id: chain.brokenAt ?? '?' });
  return (
    <Badge size="lg" variant="light" color={chain.ok ? 'teal' : 'red'} data-testid="audit-chain-status" data-chain-ok={chain.ok} role="status">
      {label}
    </Badge>
  );
}
