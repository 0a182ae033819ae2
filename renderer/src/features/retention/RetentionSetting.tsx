// How many years identifying data are kept after a person's last exit: admins change it, coordinators read it.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Loader, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../../../../electron/shared/channels/privacy';
import { contract } from '../../../../electron/shared/contract';
import { useCan } from '../../app/session-context';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';

const schema = contract['privacy.setRetentionYears'].input;

export function RetentionSetting({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useChannel('privacy.getSettings', {});

  if (settings.loading && !settings.value) return <Loader aria-label={t('app.loading')} />;
  if (!settings.value) return <FormAlert messageKey={settings.error?.messageKey ?? 'errors.INTERNAL'} />;
  const years = settings.value.retentionYears;
  if (!can('privacy.setRetentionYears')) return <Text data-testid="retention-years">{t('privacy.yearsReadOnly', { count: years })}</Text>;
  return <RetentionYearsForm years={years} onChanged={onChanged} />;
}

function RetentionYearsForm({ years, onChanged }: { years: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { years } });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const result = await call('privacy.setRetentionYears', values);
    if (!result.ok) return handle(result.error);
    form.reset({ years: result.value.retentionYears });
    setSaved(true);
    onChanged();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-end" gap="md">
        <Controller
          control={form.control}
          name="years"
          render={({ field }) => (
            <NumberInput
              label={t('privacy.yearsLabel')}
              description={t('privacy.yearsDescription')}
              min={RETENTION_YEARS_MIN}
              max={RETENTION_YEARS_MAX}
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
              error={fieldError(errors.years)}
              w={280}
              data-testid="retention-years-input"
            />
          )}
        />
        <Button type="submit" loading={isSubmitting}>
          {t('common.save')}
        </Button>
      </Group>
      <FormAlert messageKey={formError} />
      {saved && (
        <Alert color="teal" role="status" mt="sm" maw={480}>
          {t('common.saved')}
        </Alert>
      )}
    </form>
  );
}
