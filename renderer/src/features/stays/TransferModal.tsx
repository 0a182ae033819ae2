// Transfer: the person's current placement ends on the date and the next one starts there, in a free place
// that takes the person and stays free as long as the next placement runs. Not a new entry.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import { DateField, isIsoDate } from '../../components/DateField';
import { ClosedMonthNotice } from '../month-close/ClosedMonthNotice';
import { FormAlert, useFieldError, useServerErrors, type CodeFields } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useAvailablePlaces } from '../board/use-available-places';
import { takesFrom } from '../../../../electron/shared/availability';

const schema = contract['placements.transfer'].input;
type Values = z.input<typeof schema>;
const PLACE_REFUSALS: CodeFields<Values> = {
  PLACE_OCCUPIED: 'toPlaceId',
  PLACE_OUT_OF_SERVICE: 'toPlaceId',
  PLACE_NOT_ACTIVE: 'toPlaceId',
  WOMEN_ONLY_STRUCTURE: 'toPlaceId',
  CHILDREN_NOT_ALLOWED: 'toPlaceId',
  NO_OPEN_PLACEMENT: 'date',
  PLACEMENT_OUTSIDE_STAY: 'date',
};

interface Props {
  personId: number;
  stay: PersonDetail['stays'][number];
  onClose: () => void;
  onDone: () => void;
}

export function TransferModal({ personId, stay, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { personId, date: todayInRome(), toPlaceId: undefined },
  });
  const { formError, setFormError, handle } = useServerErrors(form, PLACE_REFUSALS);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const date = form.watch('date');
  const toPlaceId = form.watch('toPlaceId');
  const current = stay.placements.find((p) => p.endDate === null) ?? stay.placements.find((p) => p.endDate !== null && p.endDate >= (date ?? ''));
  const from = isIsoDate(date) ? date : null;
  // The next placement runs to the current one's end: a place must stay free that long (open: for good).
  const { places: available, loading } = useAvailablePlaces(from, personId);
  const needsUntil = current?.endDate ?? null;
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const place of available) {
    const takes = from ? takesFrom(place, from) : null;
    if (!takes || place.placeId === current?.placeId || place.refusals.length > 0) continue;
    if (takes.until !== null && (needsUntil === null || takes.until < needsUntil)) continue;
    const items = groups.get(place.structureName) ?? [];
    items.push({ value: String(place.placeId), label: `${place.label} · ${place.roomName}${place.kind === 'cot' ? ` (${t('vocab.placeKinds.cot')})` : ''}` });
    groups.set(place.structureName, items);
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('placements.transfer', values);
    if (!result.ok) return handle(result.error);
    onDone();
  });

  return (
    <Modal opened onClose={onClose} title={t('stays.transferTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid="transfer-form">
        <Stack gap="md">
          {current && (
            <Text size="sm">
              {t('stays.currentPlace', { place: current.placeLabel, room: current.roomName, structure: current.structureName, from: formatDate(current.startDate, i18n.language) })}
            </Text>
          )}
          <Controller
            control={form.control}
            name="date"
            render={({ field }) => (
              <DateField label={t('stays.transferDate')} description={t('stays.transferDateHint')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.date)} />
            )}
          />
          {/* The move changes each structure's figures from its date on, while the stay runs. */}
          <ClosedMonthNotice spans={[{ from: date, untilToday: true }]} />
          <NativeSelect
            label={t('stays.toPlace')}
            data-autofocus
            value={toPlaceId === undefined ? '' : String(toPlaceId)}
            onChange={(event) => {
              form.setValue('toPlaceId', (event.currentTarget.value ? Number(event.currentTarget.value) : undefined) as number, { shouldValidate: form.formState.isSubmitted });
              form.clearErrors('toPlaceId');
            }}
            data={[{ value: '', label: t('admission.choosePlace') }, ...[...groups.entries()].map(([group, items]) => ({ group, items }))]}
            description={loading ? t('app.loading') : t('stays.toPlaceHint')}
            error={fieldError(errors.toPlaceId)}
            data-testid="transfer-place"
          />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('stays.transferSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
