// Retention review (admins and coordinators): the years identifying data are kept after exit, the persons
// due, and anonymising a selection of them after a confirmation.
import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionDue } from '../../../../electron/shared/channels/privacy';
import { useNavigate, type Route } from '../../app/navigation';
import { useUser } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { RetentionSetting } from './RetentionSetting';

export function RetentionPage(props: { route: Route }) {
  void props;
  const { t } = useTranslation();
  const { locale } = useUser();
  const review = useChannel('privacy.retentionReview', {});
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = review.value?.rows ?? [];
  // Only persons still listed count: a reload may drop some that were selected.
  const chosen = rows.filter((r) => selected.has(r.personId)).map((r) => r.personId);

  const toggle = (personId: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });

  return (
    <Stack gap="xl" data-testid="retention-page">
      <Stack gap="xs">
        <PageTitle>{t('privacy.title')}</PageTitle>
        <Text maw={760}>{t('privacy.intro')}</Text>
      </Stack>
      <RetentionSetting onChanged={review.reload} />

      <Stack gap="sm" component="section" aria-labelledby="due-title">
        <Title order={2} id="due-title">
          {t('privacy.dueTitle')}
        </Title>
        {review.loading && !review.value && <Loader aria-label={t('app.loading')} />}
        <FormAlert messageKey={review.error?.messageKey ?? null} />
        {notice && (
          <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
            {notice}
          </Alert>
        )}
        {review.value && (
          <>
            <Text size="sm" c="dimmed">
              {t('privacy.dueIntro', { date: formatDate(review.value.cutoff, locale) })}
            </Text>
            {review.value.total > rows.length && (
              <Text size="sm">{t('privacy.showingOldest', { shown: rows.length, total: review.value.total })}</Text>
            )}
            {rows.length === 0 ? (
              <Text data-testid="retention-none">{t('privacy.noneDue')}</Text>
            ) : (
              <>
                <Group justify="space-between">
                  <Text size="sm" aria-live="polite">
                    {t('privacy.selected', { count: chosen.length })}
                  </Text>
                  <Button color="red" disabled={chosen.length === 0} onClick={() => setConfirming(true)} data-testid="retention-anonymise">
                    {t('privacy.anonymiseSelected')}
                  </Button>
                </Group>
                <DueTable rows={rows} selected={selected} onToggle={toggle} onToggleAll={(on) => setSelected(new Set(on ? rows.map((r) => r.personId) : []))} />
              </>
            )}
          </>
        )}
      </Stack>

      {confirming && (
        <AnonymiseModal
          personIds={chosen}
          onClose={() => setConfirming(false)}
          onDone={(count) => {
            setConfirming(false);
            setSelected(new Set());
            setNotice(t('privacy.anonymised', { count }));
            review.reload();
          }}
        />
      )}
    </Stack>
  );
}

interface DueTableProps {
  rows: RetentionDue[];
  selected: ReadonlySet<number>;
  onToggle: (personId: number, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}

function DueTable({ rows, selected, onToggle, onToggleAll }: DueTableProps) {
  const { t } = useTranslation();
  const { locale } = useUser();
  const navigate = useNavigate();
  const all = rows.every((r) => selected.has(r.personId));
  const some = rows.some((r) => selected.has(r.personId));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="retention-table">
        <Table.Caption>{t('privacy.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox aria-label={t('privacy.selectAll')} checked={all} indeterminate={some && !all} onChange={(e) => onToggleAll(e.currentTarget.checked)} />
            </Table.Th>
            <Table.Th>{t('privacy.code')}</Table.Th>
            <Table.Th>{t('privacy.name')}</Table.Th>
            <Table.Th>{t('privacy.stays')}</Table.Th>
            <Table.Th>{t('privacy.lastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.personId} data-testid={`retention-row-${row.code}`}>
              <Table.Td>
                <Checkbox
                  aria-label={t('privacy.selectPerson', { code: row.code })}
                  checked={selected.has(row.personId)}
                  onChange={(e) => onToggle(row.personId, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td ff="monospace">
                <Button variant="subtle" size="compact-sm" ff="monospace" onClick={() => navigate({ area: 'person', personId: row.personId })}>
                  {row.code}
                </Button>
              </Table.Td>
              <Table.Td>
                {/* Restricted persons show their code only, as in every list. */}
                {row.displayName ?? '—'}
                {row.anonymisedBefore && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('privacy.again')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.stays}</Table.Td>
              <Table.Td>{formatDate(row.lastActivity, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AnonymiseModal({ personIds, onClose, onDone }: { personIds: number[]; onClose: () => void; onDone: (count: number) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await call('privacy.anonymise', { personIds });
    setBusy(false);
    if (result.ok) onDone(result.value.anonymised);
    else setError(result.error.messageKey);
  };
  return (
    <Modal opened onClose={onClose} title={t('privacy.confirmTitle', { count: personIds.length })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text size="sm">{t('privacy.confirmBody')}</Text>
        <Text size="sm" c="dimmed">
          {t('privacy.backupsNote')}
        </Text>
        <FormAlert messageKey={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="retention-confirm">
            {t('privacy.confirmSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
