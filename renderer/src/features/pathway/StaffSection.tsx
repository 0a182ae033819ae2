// Personale della struttura: who works in this structure. Operators read the case notes and see the
// reminders of persons placed here (docs/pathway.md); admins and coordinators assign them.
import { Button, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/forms';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';

export function StaffSection({ structureId, canManage }: { structureId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const staff = useChannel('structures.staff', { structureId });
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (staff.value) setChosen(staff.value.assigned.map(String));
  }, [staff.value]);
  if (!staff.value) return <FormAlert messageKey={staff.error?.messageKey ?? null} />;
  const users = staff.value.users;
  const save = async () => {
    setSaving(true);
    setError(null);
    const result = await call('structures.setStaff', { structureId, userIds: chosen.map(Number) });
    setSaving(false);
    if (!result.ok) return setError(result.error.messageKey);
    staff.setValue(result.value);
    setSaved(true);
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="staff-title" data-testid="structure-staff">
      <Title order={2} id="staff-title">{t('staff.title')}</Title>
      <Text size="sm" c="dimmed">{t('staff.hint')}</Text>
      {canManage ? (
        <Group align="flex-end">
          <MultiSelect
            label={t('staff.users')}
            data={users.map((u) => ({ value: String(u.id), label: `${u.displayName} (${t(`roles.${u.role}`)})` }))}
            value={chosen}
            onChange={(v) => {
              setChosen(v);
              setSaved(false);
            }}
            searchable
            w={420}
            data-testid="staff-select"
          />
          <Button onClick={() => void save()} loading={saving} data-testid="staff-save">{t('staff.save')}</Button>
        </Group>
      ) : (
        <Text>{staff.value.assigned.length ? users.filter((u) => staff.value!.assigned.includes(u.id)).map((u) => u.displayName).join(', ') : t('staff.none')}</Text>
      )}
      {saved && <Text role="status" c="teal.8" size="sm">{t('staff.saved')}</Text>}
      <FormAlert messageKey={error} />
    </Stack>
  );
}
