// Extension (proroga): a new planned end, who granted it and when.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import { DateField } from '../../components/DateField';
import { ClosedMonthNotice } from '../month-close/ClosedMonthNotice';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';

const schema = contract['stays.extend'].input;
type Values = z.input<typeof schema>;

interface Props {
  stay: PersonDetail['stays'][number];
  onClose: () => void;
  onDone: () => void;
}

export function ExtendModal({ stay, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { stayId: stay.id, newPlannedEnd: undefined, grantedBy: '', grantedAt: todayInRome() },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'newPlannedEnd', STAY_CLOSED: 'newPlannedEnd' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const newPlannedEnd = form.watch('newPlannedEnd');
  const grantedAt = form.watch('grantedAt');
  // "Open past its planned end" changes in the months between the old and the new planned end (from the new
  // one on when there was none); "extensions granted" in the month it was granted.
  const spans = newPlannedEnd
    ? [stay.plannedEnd ? { from: newPlannedEnd, to: stay.plannedEnd } : { from: newPlannedEnd, untilToday: true }, { from: grantedAt }]
    : [{ from: grantedAt }];

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('stays.extend', values);
    if (!result.ok) return handle(result.error);
    onDone();
  });

  return (
    <Modal opened onClose={onClose} title={t('stays.extendTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid="extend-form">
        <Stack gap="md">
          <Text size="sm">
            {stay.plannedEnd ? t('stays.currentPlannedEnd', { date: formatDate(stay.plannedEnd, i18n.language) }) : t('stays.noPlannedEnd')}
          </Text>
          <Controller
            control={form.control}
            name="newPlannedEnd"
            render={({ field }) => (
              <DateField label={t('stays.newPlannedEnd')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.newPlannedEnd)} />
            )}
          />
          <TextInput label={t('stays.grantedBy')} description={t('stays.grantedByHint')} required error={fieldError(errors.grantedBy)} {...form.register('grantedBy')} />
          <Controller
            control={form.control}
            name="grantedAt"
            render={({ field }) => (
              <DateField label={t('stays.grantedAt')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.grantedAt)} />
            )}
          />
          <ClosedMonthNotice spans={spans} />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('stays.extendSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
