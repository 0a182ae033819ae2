// Forced passphrase change: after a first passphrase given by an admin, or after the recovery key.
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context';
import { AuthLayout } from '../../components/AuthLayout';
import { ChangePassphraseForm } from './ChangePassphraseForm';

export function ChangePassphraseScreen() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <AuthLayout
      title={t('changePassphrase.forcedTitle')}
      actions={
        <Button variant="default" onClick={() => void session.lock()} title={t('shell.lockTitle')}>
          {t('common.lock')}
        </Button>
      }
    >
      <Text>{session.state.recoveredWithKey ? t('changePassphrase.forcedAfterRecovery') : t('changePassphrase.forcedByAdmin')}</Text>
      <ChangePassphraseForm autoFocus />
    </AuthLayout>
  );
}
