// Shown on the first-run and sign-in screens once a damaged register was detected (`backup.offer`): what
// happened to the file, the latest verified backup, and the way to restore it.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/shared/contract';
import { formatDateTime } from '../../i18n/format';

export type RecoveryOffer = ChannelOutput<'backup.offer'>;

export function DamageNotice({ offer, onRestore }: { offer: RecoveryOffer; onRestore?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!offer.damaged) return null;
  const latest = offer.backups[0];
  return (
    <Alert color="red" variant="light" title={t('backup.damagedTitle')} role="alert" data-testid="damage-notice">
      <Stack gap="xs">
        <Text size="sm">{t('backup.damagedBody')}</Text>
        {offer.quarantinedAt && <Text size="sm">{t('backup.damagedQuarantine', { date: formatDateTime(offer.quarantinedAt, i18n.language) })}</Text>}
        {offer.restoreOpen && (
          <Text size="sm">{latest ? t('backup.damagedLatest', { date: formatDateTime(latest.createdAt, i18n.language) }) : t('backup.damagedNoBackup')}</Text>
        )}
        {offer.restoreOpen && onRestore && (
          <Button color="red" variant="filled" onClick={onRestore} style={{ alignSelf: 'flex-start' }}>
            {t('backup.restoreFromBackup')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
