// Transfer: the person's current placement ends on the date and the next one starts there, in a free place
// chosen as a structure then one of its places. Not a new entry.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import type { BoardPlace } from '../../../../electron/shared/channels/places';
import { contract } from '../../../../electron/shared/contract';
import { addDays, todayInRome } from '../../../../electron/shared/dates';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors, type CodeFields } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useFreePlaces } from '../board/use-free-places';

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
  const [structureId, setStructureId] = useState<number | undefined>(undefined);
  const date = form.watch('date');
  const toPlaceId = form.watch('toPlaceId');
  const current = stay.placements.find((p) => p.endDate === null);
  const range = useMemo(() => {
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    return { from: date, to: stay.plannedEnd && stay.plannedEnd > date ? stay.plannedEnd : addDays(date, 1) };
  }, [date, stay.plannedEnd]);
  const { free, loading } = useFreePlaces(range);
  const candidates = free.filter((p) => p.placeId !== current?.placeId);

  const structures = new Map<number, { name: string; count: number }>();
  for (const place of candidates) {
    const entry = structures.get(place.structureId) ?? { name: place.structureName, count: 0 };
    entry.count += 1;
    structures.set(place.structureId, entry);
  }
  const places = candidates.filter((p) => p.structureId === structureId);
  const label = (p: BoardPlace) => `${p.label} · ${p.roomName}${p.kind === 'cot' ? ` (${t('vocab.placeKinds.cot')})` : ''}`;

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
          <NativeSelect
            label={t('stays.toStructure')}
            data-autofocus
            value={structureId === undefined ? '' : String(structureId)}
            onChange={(event) => {
              setStructureId(event.currentTarget.value ? Number(event.currentTarget.value) : undefined);
              form.setValue('toPlaceId', undefined as unknown as number);
            }}
            data={[{ value: '', label: t('admission.chooseStructure') }, ...[...structures.entries()].map(([id, s]) => ({ value: String(id), label: t('admission.structureOption', { name: s.name, count: s.count }) }))]}
            description={loading ? t('app.loading') : undefined}
          />
          <NativeSelect
            label={t('stays.toPlace')}
            value={toPlaceId === undefined ? '' : String(toPlaceId)}
            onChange={(event) => {
              form.setValue('toPlaceId', (event.currentTarget.value ? Number(event.currentTarget.value) : undefined) as number, { shouldValidate: form.formState.isSubmitted });
              form.clearErrors('toPlaceId');
            }}
            data={[{ value: '', label: structureId === undefined ? t('admission.chooseStructureFirst') : t('admission.choosePlace') }, ...places.map((p) => ({ value: String(p.placeId), label: label(p) }))]}
            disabled={structureId === undefined}
            error={fieldError(errors.toPlaceId)}
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
