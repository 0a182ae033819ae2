// The working-day calendar of the register: whether 24 June (Saint John, Turin's patron saint) is a holiday
// when the monthly summary counts how promptly entries and exits were recorded (docs/summary.md ›
// Timeliness). Admins change it (`settings.setSaintJohnHoliday`, audited); others read it.
import { Alert, Loader, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';

export function CalendarTab() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useChannel('settings.get', {});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (settings.loading && !settings.value) return <Loader aria-label={t('app.loading')} />;
  if (!settings.value) return <FormAlert messageKey={settings.error?.messageKey ?? 'errors.INTERNAL'} />;
  const current = settings.value;
  const holiday = current.saintJohnHoliday;

  if (!can('settings.setSaintJohnHoliday'))
    return (
      <Stack gap="sm" maw={560}>
        <Text data-testid="saint-john-holiday">{holiday ? t('calendar.readOnlyOn') : t('calendar.readOnlyOff')}</Text>
        <Text size="sm" c="dimmed">{t('calendar.description')}</Text>
      </Stack>
    );

  const change = async (next: boolean) => {
    setSaving(true);
    setSaved(false);
    setError(null);
    const result = await call('settings.setSaintJohnHoliday', { holiday: next });
    setSaving(false);
    if (!result.ok) return setError(result.error.messageKey);
    settings.setValue({ ...current, saintJohnHoliday: result.value.saintJohnHoliday });
    setSaved(true);
  };

  return (
    <Stack gap="md" maw={560}>
      <Text>{t('calendar.holidays')}</Text>
      <Switch
        label={t('calendar.saintJohn')}
        description={t('calendar.description')}
        checked={holiday}
        disabled={saving}
        onChange={(event) => void change(event.currentTarget.checked)}
      />
      <FormAlert messageKey={error} />
      {saved && (
        <Alert color="teal" role="status">
          {t('common.saved')}
        </Alert>
      )}
    </Stack>
  );
}
