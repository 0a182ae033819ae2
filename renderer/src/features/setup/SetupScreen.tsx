// First run: what Approdo is, then the register's creation with its first administrator.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useSession } from '../../app/session-context';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { NewPassphraseInput, PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';
import { RegisterSwitchLink } from '../../components/RegisterKind';
import { useChannel } from '../../ipc/use-channel';
import { DamageNotice } from '../backups/DamageNotice';
import { RestoreForm } from '../backups/RestoreForm';

const schema = contract['register.create'].input;

export function SetupScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const demo = session.state.registerKind === 'demo';
  const [step, setStep] = useState<'welcome' | 'create' | 'restore'>(demo ? 'create' : 'welcome');
  // A damaged register moved to quarantine also lands here: the offer says so and lists the backups.
  const offer = useChannel('backup.offer', {}).value;
  if (step === 'restore') {
    return (
      <AuthLayout title={t('backup.restoreTitle')} languageSwitch wide>
        <RestoreForm backups={offer?.backups ?? []} replacesCurrent={false} onCancel={() => setStep('welcome')} />
      </AuthLayout>
    );
  }
  if (step === 'welcome') {
    return (
      <AuthLayout title={t('setup.welcomeTitle')} languageSwitch>
        {offer && <DamageNotice offer={offer} onRestore={() => setStep('restore')} />}
        <List spacing="sm">
          <List.Item>{t('setup.welcomeBody')}</List.Item>
          <List.Item>{t('setup.welcomeSecurity')}</List.Item>
          <List.Item>{t('setup.welcomeNext')}</List.Item>
        </List>
        <Group justify="space-between">
          <RegisterSwitchLink />
          <Group gap="sm">
            <Button variant="default" onClick={() => setStep('restore')} data-testid="setup-restore">
              {t('backup.restoreFromBackup')}
            </Button>
            <Button autoFocus onClick={() => setStep('create')}>
              {t('setup.start')}
            </Button>
          </Group>
        </Group>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t(demo ? 'setup.demoTitle' : 'setup.createTitle')} languageSwitch>
      <CreateRegisterForm demo={demo} onBack={demo ? () => void backToReal(session) : () => setStep('welcome')} />
    </AuthLayout>
  );
}

async function backToReal(session: ReturnType<typeof useSession>) {
  const result = await call('register.switch', { kind: 'real' });
  if (result.ok) session.update(result.value);
}

function CreateRegisterForm({ onBack, demo }: { onBack: () => void; demo: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', username: '', passphrase: '', passphraseRepeat: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { USERNAME_TAKEN: 'username' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call(demo ? 'register.createDemo' : 'register.create', values);
    if (result.ok) session.showRecoveryKey(result.value);
    else handle(result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {demo && (
          <Alert color="orange" variant="light">
            {t('setup.demoIntro')}
          </Alert>
        )}
        <Text>{t('setup.createIntro')}</Text>
        <TextInput label={t('common.displayName')} autoComplete="name" autoFocus error={fieldError(errors.displayName)} {...form.register('displayName')} />
        <TextInput
          label={t('common.username')}
          description={t('common.usernameHint')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          error={fieldError(errors.username)}
          {...form.register('username')}
        />
        <NewPassphraseInput
          label={t('common.passphrase')}
          typed={form.watch('passphrase')}
          username={form.watch('username')}
          error={fieldError(errors.passphrase)}
          {...form.register('passphrase')}
        />
        <PassphraseInput
          label={t('common.passphraseRepeat')}
          autoComplete="new-password"
          error={fieldError(errors.passphraseRepeat)}
          {...form.register('passphraseRepeat')}
        />
        <FormAlert messageKey={formError} />
        {isSubmitting && (
          <Text size="sm" c="dimmed" role="status">
            {t(demo ? 'setup.demoCreating' : 'setup.creating')}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" type="button" onClick={onBack} disabled={isSubmitting}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t(demo ? 'setup.demoSubmit' : 'setup.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
