// After a lock (button, shortcut or idle): the last user's username is all that is kept.
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { useSession } from '../../app/session-context';
import { LoginForm } from './LoginForm';

interface Props {
  username: string;
  onAnotherUser: () => void;
  onUseRecoveryKey: () => void;
}

export function LockScreen({ username, onAnotherUser, onUseRecoveryKey }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  // A damaged register: the sign-in screen explains it and offers the restore.
  const onRefused = (code: string) => {
    if (code !== 'REGISTER_DAMAGED') return;
    onAnotherUser();
    void session.refresh();
  };
  return (
    <AuthLayout title={t('lock.title')} languageSwitch>
      <Text>{t('lock.body')}</Text>
      <LoginForm lockedUsername={username} submitLabel={t('lock.submit')} onRefused={onRefused} />
      <Group justify="space-between">
        <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryKey} data-testid="lock-use-recovery-key">
          {t('login.useRecoveryKey')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onAnotherUser}>
          {t('lock.anotherUser')}
        </Anchor>
      </Group>
    </AuthLayout>
  );
}
