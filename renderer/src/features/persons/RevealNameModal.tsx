// Showing a restricted person's names: a reason is required and the register records who asked and why.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';

const schema = contract['persons.reveal'].input;

interface RevealNameModalProps {
  personId: number;
  code: string;
  onClose: () => void;
  onRevealed: (detail: PersonDetail) => void;
}

export function RevealNameModal({ personId, code, onClose, onRevealed }: RevealNameModalProps) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { id: personId, reason: '' } });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('persons.reveal', values);
    if (result.ok) onRevealed(result.value);
    else handle(result.error);
  });

  return (
    <Modal opened onClose={onClose} title={t('person.revealTitle', { code })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('person.revealBody')}</Text>
          <Textarea
            label={t('person.revealReason')}
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            error={fieldError(errors.reason)}
            data-testid="reveal-reason"
            {...form.register('reason')}
          />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="reveal-submit">
              {t('person.revealSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
