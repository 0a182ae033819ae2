// Restoring a backup (`backup.restore`): which file, then a passphrase of a user in that backup or its
// recovery key. Used on the Backups page (admin), on the first-run screen and after a damaged register.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { restoreInputSchema, type BackupEntry, type RestoreInput } from '../../../../electron/shared/channels/backup';
import { useSession } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { PassphraseInput } from '../../components/PassphraseInput';
import { formatDateTime } from '../../i18n/format';
import { call } from '../../ipc/client';

const OTHER = '';

interface Values {
  kind: 'passphrase' | 'recovery';
  choice: string;
  file: string;
  username: string;
  passphrase: string;
  recoveryKey: string;
}

const payloadOf = (v: Values): RestoreInput => {
  const file = v.choice || v.file;
  return v.kind === 'recovery' ? { kind: 'recovery', file, recoveryKey: v.recoveryKey } : { kind: 'passphrase', file, username: v.username, passphrase: v.passphrase };
};

// The form holds every field of both ways to unlock; the contract's own schema checks the ones that apply.
const formSchema = z.custom<Values>().superRefine((values, ctx) => {
  const parsed = restoreInputSchema.safeParse(payloadOf(values));
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'file' ? (values.choice ? 'choice' : 'file') : String(issue.path[0] ?? 'file');
    ctx.addIssue({ code: 'custom', path: [field], message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' });
  }
});

interface Props {
  /** Verified backups to choose from (may be empty: then a path is typed). */
  backups: readonly BackupEntry[];
  /** Preselected file, e.g. the row the user clicked. */
  initialFile?: string;
  /** Shown when a register would be set aside. */
  replacesCurrent: boolean;
  defaultUsername?: string;
  onCancel?: () => void;
  onRestored?: () => void;
}

export function RestoreForm({ backups, initialFile, replacesCurrent, defaultUsername, onCancel, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      kind: 'passphrase',
      choice: initialFile ?? backups[0]?.file ?? OTHER,
      file: '',
      username: defaultUsername ?? '',
      passphrase: '',
      recoveryKey: '',
    },
  });
  const { formError, setFormError, handle } = useServerErrors(form, {
    BACKUP_INVALID: 'file',
    BACKUP_NOT_FOUND: 'file',
  });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch('kind');
  const choice = form.watch('choice');

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('backup.restore', payloadOf(values));
    if (!result.ok) {
      // The server names the file field; it belongs to the chooser when a listed backup was chosen.
      if (values.choice && result.error.fieldErrors?.file) {
        form.setError('choice', { type: 'server', message: result.error.fieldErrors.file[0] ?? result.error.messageKey });
        return;
      }
      return handle(result.error);
    }
    onRestored?.();
    await session.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="restore-form">
      <Stack gap="md">
        <Text size="sm">{t('backup.restoreIntro')}</Text>
        {backups.length > 0 && (
          <Controller
            control={form.control}
            name="choice"
            render={({ field }) => (
              <Radio.Group label={t('backup.restoreChoose')} value={field.value} onChange={field.onChange} error={fieldError(errors.choice)}>
                <Stack gap={6} mt="xs">
                  {backups.slice(0, 10).map((b) => (
                    <Radio key={b.file} value={b.file} label={formatDateTime(b.createdAt, i18n.language)} />
                  ))}
                  <Radio value={OTHER} label={t('backup.restoreOther')} />
                </Stack>
              </Radio.Group>
            )}
          />
        )}
        {choice === OTHER && (
          <TextInput
            label={t('backup.restoreFile')}
            description={t('backup.restoreFileHint')}
            spellCheck={false}
            autoComplete="off"
            error={fieldError(errors.file)}
            {...form.register('file')}
          />
        )}
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="restore-with">
                {t('backup.restoreWith')}
              </Text>
              <SegmentedControl
                aria-labelledby="restore-with"
                value={field.value}
                onChange={(value) => field.onChange(value)}
                data={[
                  { value: 'passphrase', label: t('backup.withPassphrase') },
                  { value: 'recovery', label: t('backup.withRecoveryKey') },
                ]}
              />
            </Stack>
          )}
        />
        {kind === 'passphrase' ? (
          <>
            <TextInput label={t('common.username')} autoComplete="username" autoCapitalize="off" error={fieldError(errors.username)} {...form.register('username')} />
            <PassphraseInput label={t('common.passphrase')} autoComplete="current-password" error={fieldError(errors.passphrase)} {...form.register('passphrase')} />
          </>
        ) : (
          <TextInput
            label={t('backup.recoveryKey')}
            description={t('recover.recoveryKeyHint')}
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            error={fieldError(errors.recoveryKey)}
            {...form.register('recoveryKey')}
          />
        )}
        {replacesCurrent && (
          <Alert color="orange" variant="light">
            {t('backup.restoreReplaces')}
          </Alert>
        )}
        <FormAlert messageKey={formError} />
        {isSubmitting && (
          <Text size="sm" c="dimmed" role="status">
            {t('backup.restoring')}
          </Text>
        )}
        <Group justify={onCancel ? 'space-between' : 'flex-end'}>
          {onCancel && (
            <Button variant="default" type="button" onClick={onCancel} disabled={isSubmitting}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" color={replacesCurrent ? 'red' : undefined} loading={isSubmitting}>
            {t('backup.restoreSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
