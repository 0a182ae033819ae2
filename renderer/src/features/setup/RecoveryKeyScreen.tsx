// The recovery key, shown once (after creating the register or a full rekey), then confirmed by
// retyping one group with the key hidden, so it was really written down.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useSession } from '../../app/session-context';
import { AuthLayout } from '../../components/AuthLayout';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';

const schema = contract['setup.confirmRecoveryKey'].input;

interface Props {
  groups: string[];
  confirmGroup: number;
}

export function RecoveryKeyScreen({ groups, confirmGroup }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const lockButton = (
    <Button variant="default" onClick={() => void session.lock()} title={t('shell.lockTitle')}>
      {t('common.lock')}
    </Button>
  );

  if (step === 'confirm') {
    return (
      <AuthLayout title={t('recoveryKey.confirmTitle')} actions={lockButton}>
        <ConfirmGroupForm confirmGroup={confirmGroup} onBack={() => setStep('show')} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('recoveryKey.title')} wide actions={lockButton}>
      <Text>{t('recoveryKey.intro')}</Text>
      <Alert color="orange" variant="light" title={t('recoveryKey.warningTitle')}>
        {t('recoveryKey.warningBody')}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="list" aria-label={t('recoveryKey.keyLabel')}>
        {groups.map((group, index) => (
          <Paper key={index} withBorder p="sm" role="listitem" className="approdo-key-group">
            <Text size="xs" c="dimmed">
              {t('recoveryKey.group', { n: index + 1 })}
            </Text>
            <Text ff="monospace" fz={28} fw={600} lts={2} data-testid={`recovery-key-group-${index + 1}`}>
              {group}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text className="approdo-print-only" size="sm">
        {t('app.name')} — {t('recoveryKey.printedOn', { date: formatDate(new Date().toISOString(), session.state.user?.locale ?? 'it') })}
      </Text>
      <Group justify="space-between" className="approdo-no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('recoveryKey.print')}
        </Button>
        <Button onClick={() => setStep('confirm')}>{t('recoveryKey.written')}</Button>
      </Group>
    </AuthLayout>
  );
}

function ConfirmGroupForm({ confirmGroup, onBack }: { confirmGroup: number; onBack: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { group: confirmGroup, value: '' } });
  const { formError, setFormError, handle } = useServerErrors(form, { RECOVERY_GROUP_MISMATCH: 'value' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('setup.confirmRecoveryKey', values);
    if (result.ok) session.update(result.value);
    else handle(result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text>{t('recoveryKey.confirmHelp', { n: confirmGroup })}</Text>
        <TextInput
          label={t('recoveryKey.confirmLabel', { n: confirmGroup })}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          ff="monospace"
          maxLength={20}
          error={fieldError(errors.value ?? errors.group)}
          {...form.register('value')}
        />
        <FormAlert messageKey={formError} />
        <Group justify="space-between">
          <Button variant="default" type="button" onClick={onBack}>
            {t('recoveryKey.showAgain')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('recoveryKey.confirmSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
