// Sign-in when the register exists and no session is open.
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { LoginForm } from './LoginForm';
import { RegisterSwitchLink } from '../../components/RegisterKind';

export function LoginScreen({ onUseRecoveryKey }: { onUseRecoveryKey: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('login.title')} languageSwitch>
      <LoginForm submitLabel={t('login.submit')} />
      <Group justify="space-between">
        <RegisterSwitchLink />
        <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryKey}>
          {t('login.useRecoveryKey')}
        </Anchor>
      </Group>
    </AuthLayout>
  );
}
