// Idle minutes before the register locks itself: admins change it (`settings.setAutoLock`), others read it.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Loader, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { useCan } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';

const schema = contract['settings.setAutoLock'].input;

export function AutoLockTab() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useChannel('settings.get', {});

  if (settings.loading && !settings.value) return <Loader aria-label={t('app.loading')} />;
  if (!settings.value) return <FormAlert messageKey={settings.error?.messageKey ?? 'errors.INTERNAL'} />;
  const minutes = settings.value.autoLockMinutes;
  if (!can('settings.setAutoLock'))
    return <Text data-testid="auto-lock-minutes">{t('autoLock.readOnly', { count: minutes })}</Text>;
  return <AutoLockForm minutes={minutes} />;
}

function AutoLockForm({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { minutes } });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const result = await call('settings.setAutoLock', values);
    if (!result.ok) return handle(result.error);
    form.reset({ minutes: result.value.autoLockMinutes });
    setSaved(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={360}>
        <Controller
          control={form.control}
          name="minutes"
          render={({ field }) => (
            <NumberInput
              label={t('autoLock.minutes')}
              description={t('autoLock.description')}
              min={1}
              max={120}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              name={field.name}
              ref={field.ref}
              value={field.value ?? ''}
              onBlur={field.onBlur}
              // An emptied field is "no number", which the schema reports as such.
              onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
              error={fieldError(errors.minutes)}
            />
          )}
        />
        <FormAlert messageKey={formError} />
        {saved && (
          <Alert color="teal" role="status">
            {t('common.saved')}
          </Alert>
        )}
        <Button type="submit" loading={isSubmitting} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
