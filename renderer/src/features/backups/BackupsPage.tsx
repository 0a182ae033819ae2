// Backups: the automatic backups with their date, size and state, "Back up now" for everyone, and for
// admins a backup to a chosen folder and a restore (which sets the current register aside and locks).
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../../app/navigation';
import { useCan, useUser } from '../../app/session-context';
import { RESTORE_ROLES } from '../../../../electron/shared/channels/backup';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { BackupStatus } from './BackupStatus';
import { BackupToFolderModal } from './BackupToFolderModal';
import { RestoreForm } from './RestoreForm';

const megabytes = (bytes: number, locale: string) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale);

export function BackupsPage(props: { route: Route }) {
  void props;
  const { t, i18n } = useTranslation();
  const user = useUser();
  const can = useCan();
  const mayExport = can('backup.toFolder');
  const mayRestore = RESTORE_ROLES.includes(user.role);
  const list = useChannel('backup.list', {});
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'folder' } | { kind: 'restore'; file?: string } | null>(null);
  // Remounts the status line after a backup, so it reads the new date.
  const [generation, setGeneration] = useState(0);
  const backups = list.value?.backups ?? [];

  const runNow = async () => {
    setRunning(true);
    setNotice(null);
    setError(null);
    const result = await call('backup.run', {});
    setRunning(false);
    if (result.ok) {
      setNotice(t('backup.done'));
      list.reload();
      setGeneration((n) => n + 1);
    } else setError(result.error.messageKey);
  };

  return (
    <Stack gap="lg" data-testid="backups-page">
      <Stack gap="xs">
        <PageTitle>{t('backup.title')}</PageTitle>
        <Text maw={760}>{t('backup.intro')}</Text>
        <BackupStatus key={generation} />
      </Stack>
      <Group gap="sm">
        <Button onClick={() => void runNow()} loading={running} data-testid="backup-run">
          {t('backup.runNow')}
        </Button>
        {mayExport && (
          <Button variant="default" onClick={() => setDialog({ kind: 'folder' })} disabled={running}>
            {t('backup.toFolder')}
          </Button>
        )}
        {mayRestore && (
          <Button variant="default" color="red" onClick={() => setDialog({ kind: 'restore' })} disabled={running}>
            {t('backup.restore')}
          </Button>
        )}
      </Group>
      {running && (
        <Text size="sm" c="dimmed" role="status">
          {t('backup.running')}
        </Text>
      )}
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
          {notice}
        </Alert>
      )}
      <FormAlert messageKey={error ?? list.error?.messageKey ?? null} />
      {list.loading && !list.value && <Loader aria-label={t('app.loading')} />}
      {list.value && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('backup.folder', { folder: list.value.folder })}
          </Text>
          {backups.length === 0 ? (
            <Text data-testid="backups-empty">{t('backup.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing={4} data-testid="backups-table">
                <Table.Caption>{t('backup.listCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('backup.date')}</Table.Th>
                    <Table.Th ta="right">{t('backup.size')}</Table.Th>
                    <Table.Th>{t('backup.verified')}</Table.Th>
                    {mayRestore && (
                      <Table.Th>
                        <VisuallyHidden>{t('backup.restoreThis')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {backups.map((b) => (
                    <Table.Tr key={b.file}>
                      <Table.Td>{formatDateTime(b.createdAt, i18n.language)}</Table.Td>
                      <Table.Td ta="right">{t('backup.sizeMb', { size: megabytes(b.size, i18n.language) })}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={b.verified ? 'teal' : 'red'}>
                          {t(b.verified ? 'backup.verifiedYes' : 'backup.verifiedNo')}
                        </Badge>
                      </Table.Td>
                      {mayRestore && (
                        <Table.Td ta="right">
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            disabled={!b.verified}
                            onClick={() => setDialog({ kind: 'restore', file: b.file })}
                            aria-label={t('backup.restoreThisLabel', { date: formatDateTime(b.createdAt, i18n.language) })}
                          >
                            {t('backup.restoreThis')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
      {dialog?.kind === 'folder' && (
        <BackupToFolderModal
          canPickFolder={list.value?.canPickFolder ?? false}
          onClose={() => setDialog(null)}
          onDone={(entry) => {
            setDialog(null);
            setNotice(t('backup.folderDone', { file: entry.file }));
            setGeneration((n) => n + 1);
          }}
        />
      )}
      {dialog?.kind === 'restore' && (
        <Modal opened size="lg" onClose={() => setDialog(null)} title={t('backup.restoreTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <RestoreForm
            backups={backups.filter((b) => b.verified)}
            initialFile={dialog.file}
            replacesCurrent
            defaultUsername={user.username}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      )}
    </Stack>
  );
}
