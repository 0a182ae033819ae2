// Correcting a wrongly typed date of a stay or of one of its placements; the reason goes to the audit trail.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { DateField } from '../../components/DateField';
import { ClosedMonthNotice } from '../month-close/ClosedMonthNotice';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';

const schema = contract['stays.correctDate'].input;
type Values = z.input<typeof schema>;
type Target = Values['target'];
type Stay = PersonDetail['stays'][number];

/** The date being corrected as it stands now, to start from. */
function currentDate(stay: Stay, target: Target, id: number): string | null {
  const placement = stay.placements.find((p) => p.id === id);
  switch (target) {
    case 'entry': return stay.entryDate;
    case 'exit': return stay.exitDate;
    case 'plannedEnd': return stay.plannedEnd;
    case 'placementStart': return placement?.startDate ?? null;
    case 'placementEnd': return placement?.endDate ?? null;
  }
}

export function CorrectDateModal({ stay, onClose, onDone }: { stay: Stay; onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { target: 'entry', id: stay.id, date: stay.entryDate, reason: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, {
    EXIT_BEFORE_ENTRY: 'date', INVALID_PERIOD: 'date', PLACEMENT_OUTSIDE_STAY: 'date', PLACE_OCCUPIED: 'date',
    PERSON_ALREADY_PLACED: 'date', PLACE_OUT_OF_SERVICE: 'date', PLACE_NOT_ACTIVE: 'date', STAY_ALREADY_OPEN: 'date',
  });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const target = form.watch('target');
  const id = form.watch('id');
  const placements = [...stay.placements].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const onPlacement = target === 'placementStart' || target === 'placementEnd';
  const targets: Target[] = ['entry', ...(stay.exitDate ? (['exit'] as const) : []), 'plannedEnd', ...(placements.length ? (['placementStart'] as const) : []), ...(placements.some((p) => p.endDate) ? (['placementEnd'] as const) : [])];
  const placementChoices = target === 'placementEnd' ? placements.filter((p) => p.endDate) : placements;

  const choose = (nextTarget: Target, nextId?: number) => {
    const list = nextTarget === 'placementEnd' ? placements.filter((p) => p.endDate) : placements;
    const resolvedId = nextTarget === 'placementStart' || nextTarget === 'placementEnd' ? (nextId ?? list[list.length - 1]?.id ?? stay.id) : stay.id;
    form.setValue('target', nextTarget);
    form.setValue('id', resolvedId);
    form.setValue('date', currentDate(stay, nextTarget, resolvedId) ?? '');
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('stays.correctDate', values);
    if (!result.ok) return handle(result.error);
    onDone();
  });

  const was = currentDate(stay, target, id);
  const date = form.watch('date');
  // Moving a date changes every month between the old and the new one (a planned end that was empty: from
  // the new one on); an unchanged date changes nothing.
  const spans = date && date !== was ? [was ? { from: date, to: was } : { from: date, untilToday: true }] : [];

  return (
    <Modal opened onClose={onClose} title={t('stays.correctTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid="correct-date-form">
        <Stack gap="md">
          <Text size="sm">{t('stays.correctIntro')}</Text>
          <NativeSelect
            label={t('stays.whichDate')}
            value={target}
            onChange={(event) => choose(event.currentTarget.value as Target)}
            data={targets.map((value) => ({ value, label: t(`stays.target.${value}`) }))}
            data-autofocus
          />
          {onPlacement && (
            <NativeSelect
              label={t('stays.whichPlacement')}
              value={String(id)}
              onChange={(event) => choose(target, Number(event.currentTarget.value))}
              data={placementChoices.map((p) => ({
                value: String(p.id),
                label: t('stays.placementOption', { place: p.placeLabel, room: p.roomName, structure: p.structureName, from: formatDate(p.startDate, locale) }),
              }))}
            />
          )}
          <Text size="sm" c="dimmed">
            {t('stays.currentValue', { date: was ? formatDate(was, locale) : t('common.none') })}
          </Text>
          <Controller
            control={form.control}
            name="date"
            render={({ field }) => (
              <DateField label={t('stays.correctedDate')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.date)} />
            )}
          />
          <ClosedMonthNotice spans={spans} />
          <Textarea label={t('stays.correctReason')} description={t('stays.correctReasonHint')} required autosize minRows={2} error={fieldError(errors.reason)} {...form.register('reason')} />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('stays.correctSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
