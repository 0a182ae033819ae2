// Closes a pending referral without a placement: declined (with a reason) or withdrawn.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NativeSelect, Radio, Stack, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../electron/shared/contract';
import type { Referral } from '../../../../electron/shared/channels/people';
import { DECLINE_REASONS } from '../../../../electron/shared/domain';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { formatDateTime } from '../../i18n/format';
import { call } from '../../ipc/client';

// The contract's schema, plus the one thing a declined referral needs for the monthly figures: its reason.
const schema = contract['referrals.close'].input.superRefine((value, ctx) => {
  if (value.outcome === 'declined' && !value.declineReason) ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'validation.required' });
});
type Values = z.input<typeof schema>;

export function CloseReferralModal({ referral, onClose, onClosed }: { referral: Referral; onClose: () => void; onClosed: (referral: Referral) => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { id: referral.id, outcome: 'declined', declineReason: null, declineNote: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch('outcome');

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('referrals.close', values.outcome === 'withdrawn' ? { ...values, declineReason: null } : values);
    if (!result.ok) return handle(result.error);
    onClosed(result.value);
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('referrals.closeTitle', { date: formatDateTime(referral.receivedAt, i18n.language) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate data-testid="referral-close-form">
        <Stack gap="md">
          <Controller
            control={form.control}
            name="outcome"
            render={({ field }) => (
              <Radio.Group label={t('referrals.outcome')} value={field.value} onChange={(next) => field.onChange(next)}>
                <Group gap="lg" mt={6}>
                  <Radio value="declined" label={t('vocab.referralOutcomes.declined')} />
                  <Radio value="withdrawn" label={t('vocab.referralOutcomes.withdrawn')} />
                </Group>
              </Radio.Group>
            )}
          />
          {outcome === 'declined' && (
            <NativeSelect
              label={t('referrals.declineReason')}
              required
              data={[{ value: '', label: t('referrals.choose') }, ...DECLINE_REASONS.map((r) => ({ value: r, label: t(`vocab.declineReasons.${r}`) }))]}
              error={fieldError(errors.declineReason)}
              {...form.register('declineReason', { setValueAs: (v: string) => (v ? v : null) })}
            />
          )}
          <Textarea label={t('referrals.declineNote')} autosize minRows={2} error={fieldError(errors.declineNote)} {...form.register('declineNote')} />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={isSubmitting}>
              {t('referrals.closeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
