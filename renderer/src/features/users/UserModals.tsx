// Confirmations for the two irreversible user actions: disabling, and giving a new first passphrase.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type UserRow } from '../../../../electron/shared/contract';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { NewPassphraseInput, PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';

interface Props {
  user: UserRow;
  onClose: () => void;
  onDone: (row: UserRow) => void;
}

export function DisableUserModal({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await call('users.disable', { userId: user.id });
    setBusy(false);
    if (result.ok) onDone(result.value.user);
    else setError(result.error.messageKey);
  };

  return (
    <Modal opened onClose={onClose} title={t('users.disableTitle', { name: user.displayName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text>{t('users.disableBody')}</Text>
        <FormAlert messageKey={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('users.disableConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const resetSchema = contract['users.resetPassphrase'].input;

export function ResetPassphraseModal({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(resetSchema),
    defaultValues: { userId: user.id, passphrase: '', passphraseRepeat: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('users.resetPassphrase', values);
    if (result.ok) onDone(result.value);
    else handle(result.error);
  });

  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { name: user.displayName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.resetBody')}</Text>
          <NewPassphraseInput
            label={t('common.newPassphrase')}
            typed={form.watch('passphrase')}
            username={user.username}
            data-autofocus
            error={fieldError(errors.passphrase)}
            {...form.register('passphrase')}
          />
          <PassphraseInput
            label={t('common.newPassphraseRepeat')}
            autoComplete="new-password"
            error={fieldError(errors.passphraseRepeat)}
            {...form.register('passphraseRepeat')}
          />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
