// Discharge: exit date, SAI exit reason and destination; closes the open placement on the exit date.
// Household members with an open stay are discharged together by default (each can be unticked).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import { EXIT_REASONS } from '../../../../electron/shared/domain';
import { DateField } from '../../components/DateField';
import { ClosedMonthNotice } from '../month-close/ClosedMonthNotice';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';

const schema = contract['stays.discharge'].input;
type Values = z.input<typeof schema>;

/** A household member's open stay, offered for a discharge together. */
export interface HouseholdStay {
  stayId: number;
  personId: number;
  code: string;
  label: string;
}

interface Props {
  stay: PersonDetail['stays'][number];
  householdStays: HouseholdStay[];
  onClose: () => void;
  onDone: () => void;
}

export function DischargeModal({ stay, householdStays, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    // A household leaves together unless the desk unticks someone: a mother is not discharged while her small children stay.
    defaultValues: { stayIds: [stay.id, ...householdStays.map((h) => h.stayId)], exitDate: todayInRome(), exitReason: '' as Values['exitReason'], destination: '' },
  });
  // The household's stays may arrive after the dialog opened: each one arriving is ticked once (an untick stays).
  const ticked = useRef(new Set(householdStays.map((h) => h.stayId)));
  useEffect(() => {
    const arrived = householdStays.map((h) => h.stayId).filter((id) => !ticked.current.has(id));
    if (arrived.length === 0) return;
    arrived.forEach((id) => ticked.current.add(id));
    form.setValue('stayIds', [...new Set([...(form.getValues('stayIds') ?? []), ...arrived])]);
  }, [householdStays, form]);
  const { formError, setFormError, handle } = useServerErrors(form, { EXIT_BEFORE_ENTRY: 'exitDate', PLACEMENT_OUTSIDE_STAY: 'exitDate', STAY_CLOSED: 'exitDate' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const exitDate = form.watch('exitDate');

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('stays.discharge', values);
    if (!result.ok) return handle(result.error);
    onDone();
  });

  return (
    <Modal opened onClose={onClose} title={t('stays.dischargeTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid="discharge-form">
        <Stack gap="md">
          <Text size="sm">{t('stays.dischargeIntro', { date: formatDate(stay.entryDate, i18n.language) })}</Text>
          <Controller
            control={form.control}
            name="exitDate"
            render={({ field }) => (
              <DateField label={t('stays.exitDate')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.exitDate)} />
            )}
          />
          {/* The stay counted as open from its exit date until today: every month since changes. */}
          <ClosedMonthNotice spans={[{ from: exitDate, untilToday: true }]} />
          <NativeSelect
            label={t('stays.exitReason')}
            required
            data-autofocus
            data={[{ value: '', label: t('stays.choose') }, ...EXIT_REASONS.map((r) => ({ value: r, label: t(`vocab.exitReasons.${r}`) }))]}
            error={fieldError(errors.exitReason)}
            {...form.register('exitReason')}
          />
          <TextInput label={t('stays.destination')} description={t('stays.destinationHint')} error={fieldError(errors.destination)} {...form.register('destination')} />
          {householdStays.length > 0 && (
            <Controller
              control={form.control}
              name="stayIds"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('stays.dischargeTogether')}
                  description={t('stays.dischargeTogetherHint')}
                  value={field.value.filter((id) => id !== stay.id).map(String)}
                  onChange={(checked) => field.onChange([stay.id, ...checked.map(Number)])}
                >
                  <Stack gap={6} mt={6}>
                    {householdStays.map((member) => (
                      <Checkbox key={member.stayId} value={String(member.stayId)} label={member.label === member.code ? member.code : `${member.label} (${member.code})`} data-testid="discharge-member" />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
          )}
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={isSubmitting}>
              {t('stays.dischargeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
