// The Today page's line about backups (`backup.status`): when the last verified backup was made, and a
// warning when that is more than 7 days ago.
import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation';
import { formatDateTime } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';

export function BackupStatus() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const status = useChannel('backup.status', {}).value;
  if (!status) return null;
  const last = status.lastVerifiedAt ? t('backup.lastVerified', { date: formatDateTime(status.lastVerifiedAt, i18n.language) }) : t('backup.noneVerified');
  const link = (
    <Anchor component="button" type="button" size="sm" onClick={() => navigate({ area: 'backups' })}>
      {t('backup.openBackups')}
    </Anchor>
  );
  if (!status.stale) {
    return (
      <Text size="sm" c="dimmed" data-testid="backup-status">
        {last} {link}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" data-testid="backup-status" title={status.lastVerifiedAt ? t('backup.stale') : undefined}>
      <Text size="sm">
        {last} {link}
      </Text>
    </Alert>
  );
}
