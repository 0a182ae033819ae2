// Full rekey for a suspected compromise (`register.rekey`): a new data key, a new recovery key, and every
// other user's slot gone, so they need a new passphrase from the admin.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, List, Stack, Text, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useSession } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';

const schema = contract['register.rekey'].input;

export function SecurityTab() {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { passphrase: '' } });
  const { formError, setFormError, handle } = useServerErrors(form, { WRONG_CREDENTIALS: ['passphrase', 'validation.wrongPassphrase'] });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('register.rekey', values);
    if (result.ok) session.showRecoveryKey(result.value);
    else handle(result.error);
  });

  return (
    <Stack gap="md" maw={640}>
      <Title order={2}>{t('security.title')}</Title>
      <Text>{t('security.explanation')}</Text>
      <Alert color="orange" variant="light">
        <List spacing="xs">
          <List.Item>{t('security.consequencesUsers')}</List.Item>
          <List.Item>{t('security.consequencesRecovery')}</List.Item>
        </List>
      </Alert>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={420}>
          <PassphraseInput
            label={t('security.passphrase')}
            autoComplete="current-password"
            error={fieldError(errors.passphrase)}
            {...form.register('passphrase')}
          />
          <FormAlert messageKey={formError} />
          {isSubmitting && (
            <Text size="sm" c="dimmed" role="status">
              {t('security.working')}
            </Text>
          )}
          <Button type="submit" color="red" loading={isSubmitting} style={{ alignSelf: 'flex-start' }}>
            {t('security.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
