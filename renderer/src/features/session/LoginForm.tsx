// Username and passphrase → `session.login`. Shared by the sign-in screen and the lock screen.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useSession } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';
import { AttemptWait, useAttemptWait } from './AttemptWait';

const schema = contract['session.login'].input;

interface Props {
  /** On the lock screen the username is the last user's, shown read-only. */
  lockedUsername?: string;
  submitLabel: string;
  /** Told of every refusal, e.g. so the sign-in screen can offer a restore after REGISTER_DAMAGED. */
  onRefused?: (code: string) => void;
}

export function LoginForm({ lockedUsername, submitLabel, onRefused }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { username: lockedUsername ?? '', passphrase: '' } });
  const { formError, setFormError, handle } = useServerErrors(form, { WRONG_CREDENTIALS: 'passphrase' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const wait = useAttemptWait();

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('session.login', values);
    if (result.ok) session.update(result.value);
    else {
      // The wait is shown on its own, counting down; the typed passphrase stays for the next try.
      if (!wait.refused(result.error)) handle(result.error);
      onRefused?.(result.error.code);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('common.username')}
          autoComplete="username"
          readOnly={lockedUsername !== undefined}
          variant={lockedUsername !== undefined ? 'filled' : 'default'}
          autoFocus={lockedUsername === undefined}
          error={fieldError(errors.username)}
          {...form.register('username')}
        />
        <PassphraseInput
          label={t('common.passphrase')}
          autoComplete="current-password"
          autoFocus={lockedUsername !== undefined}
          error={fieldError(errors.passphrase)}
          {...form.register('passphrase')}
        />
        <FormAlert messageKey={formError} />
        <AttemptWait seconds={wait.seconds} />
        <Button type="submit" loading={isSubmitting} disabled={wait.seconds > 0}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
