// Sign-in when the register exists and no session is open.
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { LoginForm } from './LoginForm';
import { RegisterSwitchLink } from '../../components/RegisterKind';
import { useState } from 'react';
import { useSession } from '../../app/session-context';
import { useChannel } from '../../ipc/use-channel';
import { DamageNotice } from '../backups/DamageNotice';
import { RestoreForm } from '../backups/RestoreForm';

export function LoginScreen({ onUseRecoveryKey }: { onUseRecoveryKey: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const offer = useChannel('backup.offer', {});
  const [restoring, setRestoring] = useState(false);
  if (restoring && offer.value?.restoreOpen) {
    return (
      <AuthLayout title={t('backup.restoreTitle')} languageSwitch wide>
        <RestoreForm backups={offer.value.backups} replacesCurrent onCancel={() => setRestoring(false)} />
      </AuthLayout>
    );
  }
  // A damaged register found at sign-in is moved to quarantine (the state then says "no register") or, when
  // that cannot be decided safely, left in place: either way the offer is read again.
  const onRefused = (code: string) => {
    if (code !== 'REGISTER_DAMAGED') return;
    offer.reload();
    void session.refresh();
  };
  return (
    <AuthLayout title={t('login.title')} languageSwitch>
      {offer.value && <DamageNotice offer={offer.value} onRestore={() => setRestoring(true)} />}
      <LoginForm submitLabel={t('login.submit')} onRefused={onRefused} />
      <Group justify="space-between">
        <RegisterSwitchLink />
        <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryKey}>
          {t('login.useRecoveryKey')}
        </Anchor>
      </Group>
    </AuthLayout>
  );
}
