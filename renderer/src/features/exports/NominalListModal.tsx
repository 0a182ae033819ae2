// The nominal list of a month for an audit (exports.nominalList): a reason, which the register keeps, and a
// passphrase for the encrypted ZIP, typed twice. The main process builds the file in memory and saves it
// through the native dialog (Electron) or sends it for a download (browser host).
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import { downloadBase64 } from '../../components/download';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { NewPassphraseInput, PassphraseInput } from '../../components/PassphraseInput';
import { call } from '../../ipc/client';

const schema = contract['exports.nominalList'].input;

interface NominalListModalProps {
  month: string;
  /** The month as the page shows it ("marzo 2026"). */
  monthLabel: string;
  onClose: () => void;
}

export function NominalListModal({ month, monthLabel, onClose }: NominalListModalProps) {
  const { t, i18n } = useTranslation();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { month, reason: '', passphrase: '', passphraseRepeat: '' } });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const [done, setDone] = useState<string | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setDone(null);
    const result = await call('exports.nominalList', { ...values, locale: i18n.language === 'en' ? 'en' : 'it' });
    if (!result.ok) return handle(result.error);
    if (result.value.base64) downloadBase64(result.value.base64, result.value.fileName, 'application/zip');
    setDone(result.value.saved === false ? t('exports.nominal.cancelled') : t('exports.nominal.done', { count: result.value.rows }));
    // The passphrase does not stay in the form once the file exists.
    form.setValue('passphrase', '');
    form.setValue('passphraseRepeat', '');
  });

  return (
    <Modal opened onClose={onClose} title={t('exports.nominal.title', { month: monthLabel })} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form onSubmit={submit} noValidate data-testid="nominal-form">
        <Stack gap="md">
          <Text size="sm">{t('exports.nominal.body')}</Text>
          <Text size="sm" c="dimmed">{t('exports.nominal.restrictedNote')}</Text>
          <Textarea label={t('exports.nominal.reason')} description={t('exports.nominal.reasonHint')} withAsterisk autosize minRows={2} data-autofocus
            error={fieldError(errors.reason)} data-testid="nominal-reason" {...form.register('reason')} />
          <NewPassphraseInput label={t('exports.nominal.passphrase')} typed={form.watch('passphrase')} withAsterisk autoComplete="new-password"
            error={fieldError(errors.passphrase)} data-testid="nominal-passphrase" {...form.register('passphrase')} />
          <PassphraseInput label={t('exports.nominal.passphraseRepeat')} withAsterisk autoComplete="new-password"
            error={fieldError(errors.passphraseRepeat)} data-testid="nominal-passphrase-repeat" {...form.register('passphraseRepeat')} />
          <FormAlert messageKey={formError} />
          {done && <Alert color="green" role="status" data-testid="nominal-done">{done}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>{t('common.close')}</Button>
            <Button type="submit" loading={isSubmitting} data-testid="nominal-submit">{t('exports.nominal.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
