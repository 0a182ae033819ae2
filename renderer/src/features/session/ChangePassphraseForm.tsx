// Current passphrase (unless unlocked with the recovery key) and a new one twice → `account.changePassphrase`.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useSession } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { NewPassphraseInput, PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';

const schema = contract['account.changePassphrase'].input;

export function ChangePassphraseForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  // After the recovery key there is no current passphrase to give: the main process expects ''.
  const withCurrent = !session.state.recoveredWithKey;
  const [done, setDone] = useState(false);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { current: '', passphrase: '', passphraseRepeat: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(
    form,
    withCurrent ? { WRONG_CREDENTIALS: ['current', 'validation.wrongPassphrase'], PASSPHRASE_REUSED: 'passphrase' } : { PASSPHRASE_REUSED: 'passphrase' },
  );
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    const result = await call('account.changePassphrase', withCurrent ? values : { ...values, current: '' });
    if (!result.ok) return handle(result.error);
    form.reset();
    setDone(true);
    session.update(result.value);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={480}>
        {withCurrent && (
          <PassphraseInput
            label={t('common.currentPassphrase')}
            autoComplete="current-password"
            autoFocus={autoFocus}
            error={fieldError(errors.current)}
            {...form.register('current')}
          />
        )}
        <NewPassphraseInput
          label={t('common.newPassphrase')}
          typed={form.watch('passphrase')}
          username={session.state.user?.username}
          autoFocus={autoFocus && !withCurrent}
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
        {done && (
          <Alert color="teal" role="status">
            {t('changePassphrase.success')}
          </Alert>
        )}
        <Button type="submit" loading={isSubmitting} style={{ alignSelf: 'flex-start' }}>
          {t('changePassphrase.submit')}
        </Button>
      </Stack>
    </form>
  );
}
