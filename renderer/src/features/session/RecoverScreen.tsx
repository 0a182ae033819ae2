// Username and recovery key → `session.recover`; the app then asks for a new passphrase.
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useSession } from '../../app/session-context';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';
import { AttemptWait, useAttemptWait } from './AttemptWait';

const schema = contract['session.recover'].input;

export function RecoverScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: '', recoveryKey: '' } });
  // A wrong key has its own message next to the key (from the main process); a right key with an unknown or
  // disabled username is about the username.
  const { formError, setFormError, handle } = useServerErrors(form, { WRONG_CREDENTIALS: ['username', 'errors.USER_NOT_FOUND'] });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const wait = useAttemptWait();

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('session.recover', values);
    if (result.ok) session.update(result.value);
    else if (!wait.refused(result.error)) handle(result.error);
  });

  return (
    <AuthLayout title={t('recover.title')} languageSwitch>
      <Text>{t('recover.intro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('common.username')}
            autoComplete="username"
            autoFocus
            error={fieldError(errors.username)}
            {...form.register('username')}
          />
          <TextInput
            label={t('recover.recoveryKey')}
            description={t('recover.recoveryKeyHint')}
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            error={fieldError(errors.recoveryKey)}
            {...form.register('recoveryKey')}
          />
          <FormAlert messageKey={formError} />
          <AttemptWait seconds={wait.seconds} />
          <Button type="submit" loading={isSubmitting} disabled={wait.seconds > 0}>
            {t('recover.submit')}
          </Button>
        </Stack>
      </form>
      <Group justify="flex-end">
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('recover.backToLogin')}
        </Anchor>
      </Group>
    </AuthLayout>
  );
}
