// Add a user with a first passphrase the admin hands over; the user must change it at first sign-in.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, ROLES, type UserRow } from '../../../../electron/shared/contract';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { NewPassphraseInput, PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';

const schema = contract['users.create'].input;

export function AddUserForm({ onAdded }: { onAdded: (row: UserRow) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', username: '', role: 'operator' as const, passphrase: '', passphraseRepeat: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { USERNAME_TAKEN: 'username' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('users.create', values);
    if (!result.ok) return handle(result.error);
    form.reset();
    onAdded(result.value);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-user-title">
      <Stack gap="md" maw={720}>
        <Title order={2} id="add-user-title">
          {t('users.addTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.addIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('common.displayName')} autoComplete="off" error={fieldError(errors.displayName)} {...form.register('displayName')} />
          <TextInput
            label={t('common.username')}
            description={t('common.usernameHint')}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            error={fieldError(errors.username)}
            {...form.register('username')}
          />
          <NativeSelect
            label={t('common.role')}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            error={fieldError(errors.role)}
            {...form.register('role')}
          />
          <div />
          <NewPassphraseInput
            label={t('users.firstPassphrase')}
            typed={form.watch('passphrase')}
            username={form.watch('username')}
            error={fieldError(errors.passphrase)}
            {...form.register('passphrase')}
          />
          <PassphraseInput
            label={t('users.firstPassphraseRepeat')}
            autoComplete="new-password"
            error={fieldError(errors.passphraseRepeat)}
            {...form.register('passphraseRepeat')}
          />
        </SimpleGrid>
        <FormAlert messageKey={formError} />
        <Button type="submit" loading={isSubmitting} style={{ alignSelf: 'flex-start' }}>
          {t('users.addSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
