// Confirmations for the two irreversible user actions: disabling (with the rekey that makes it revoke), and
// giving a new first passphrase.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type UserRow } from '../../../../electron/shared/contract';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { NewPassphraseInput, PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { useSession } from '../../app/session-context';
import { formatDateTime } from '../../i18n/format';

interface Props {
  user: UserRow;
  onClose: () => void;
  onDone: (row: UserRow) => void;
}

/**
 * Disabling asks to replace the register's key at once (default yes): the user's old key slot, kept in a
 * backup or a copy, then opens nothing current, while the others keep their passphrases. It also says what a
 * rekey cannot do: the backups made before still open with the old key (they are listed with their dates,
 * with the choice to delete the automatic ones), and copies made by hand are out of the app's reach.
 */
export function DisableUserModal({ user, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const backups = useChannel('backup.list', {});
  const [rekey, setRekey] = useState(true);
  const [deleteOldBackups, setDeleteOldBackups] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const before = backups.value?.backups.filter((b) => b.verified) ?? [];

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await call('users.disable', { userId: user.id, rekey, deleteOldBackups: rekey && deleteOldBackups });
    setBusy(false);
    if (!result.ok) return setError(result.error.messageKey);
    onDone(result.value.user);
    // A disabled admin takes the recovery key with her: the new one is shown at once.
    if (result.value.state.recoveryKeyPending) session.update(result.value.state);
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('users.disableTitle', { name: user.displayName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text>{t('users.disableBody')}</Text>
        <Checkbox
          checked={rekey}
          onChange={(event) => setRekey(event.currentTarget.checked)}
          label={t('users.rekeyNow')}
          description={t('users.rekeyNowHint', { name: user.displayName })}
          data-testid="disable-rekey"
        />
        {rekey && (
          <Stack gap="xs" data-testid="disable-backups">
            <Text size="sm">{t('users.rekeyLimits', { name: user.displayName })}</Text>
            {before.length > 0 ? (
              <>
                <List size="sm" spacing={2}>
                  {before.map((b) => (
                    <List.Item key={b.file}>{formatDateTime(b.createdAt, i18n.language)}</List.Item>
                  ))}
                </List>
                <Checkbox
                  checked={deleteOldBackups}
                  onChange={(event) => setDeleteOldBackups(event.currentTarget.checked)}
                  label={t('users.deleteOldBackups', { count: before.length })}
                  description={t('users.deleteOldBackupsHint')}
                  data-testid="disable-delete-backups"
                />
              </>
            ) : (
              <Text size="sm" c="dimmed">{t('users.noOldBackups')}</Text>
            )}
          </Stack>
        )}
        {!rekey && (
          <Alert color="orange" variant="light" data-testid="disable-no-rekey">
            {t('users.noRekeyWarning', { name: user.displayName })}
          </Alert>
        )}
        <FormAlert messageKey={error} />
        {busy && rekey && (
          <Text size="sm" c="dimmed" role="status">
            {t('users.rekeying')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="disable-confirm">
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
