// A person's consent records (date, text version, scope): add one, withdraw one on a date.
import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';

type Consent = PersonDetail['consents'][number];

interface ConsentsSectionProps {
  personId: number;
  consents: Consent[];
  onChanged: (consent: Consent) => void;
}

export function ConsentsSection({ personId, consents, onChanged }: ConsentsSectionProps) {
  const { t, i18n } = useTranslation();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="consents-title" data-testid="consents">
      <Title order={2} id="consents-title">
        {t('person.consentsTitle')}
      </Title>
      {consents.length === 0 ? (
        <Text c="dimmed">{t('person.noConsents')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption>{t('person.consentsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.consentGivenAt')}</Table.Th>
                <Table.Th scope="col">{t('person.consentTextVersion')}</Table.Th>
                <Table.Th scope="col">{t('person.consentScope')}</Table.Th>
                <Table.Th scope="col">{t('person.consentStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.map((consent) => (
                <Table.Tr key={consent.id} data-testid="consent-row">
                  <Table.Td>{formatDate(consent.givenAt, i18n.language)}</Table.Td>
                  <Table.Td>{consent.textVersion}</Table.Td>
                  <Table.Td>{consent.scope}</Table.Td>
                  <Table.Td>
                    {consent.withdrawnAt ? (
                      <Badge color="gray" variant="light" tt="none">
                        {t('person.consentWithdrawnOn', { date: formatDate(consent.withdrawnAt, i18n.language) })}
                      </Badge>
                    ) : (
                      <Group gap="xs">
                        <Badge color="teal" variant="light" tt="none">
                          {t('person.consentActive')}
                        </Badge>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setWithdrawing(consent)}
                          aria-label={t('person.consentWithdrawScope', { scope: consent.scope })}
                        >
                          {t('person.consentWithdraw')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddConsentForm personId={personId} onAdded={onChanged} />
      {withdrawing && (
        <WithdrawConsentModal
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(consent) => {
            setWithdrawing(null);
            onChanged(consent);
          }}
        />
      )}
    </Stack>
  );
}

const addSchema = contract['consents.add'].input;

function AddConsentForm({ personId, onAdded }: { personId: number; onAdded: (consent: Consent) => void }) {
  const { t } = useTranslation();
  const defaults = () => ({ personId, givenAt: todayInRome(), textVersion: '', scope: '' });
  const form = useForm({ resolver: zodResolver(addSchema), defaultValues: defaults() });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('consents.add', values);
    if (!result.ok) return handle(result.error);
    form.reset(defaults());
    onAdded(result.value);
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="consent-add-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="consent-add-title">
          {t('person.consentAddTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Controller
            control={form.control}
            name="givenAt"
            render={({ field }) => (
              <DateField
                label={t('person.consentGivenAt')}
                withAsterisk
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                ref={field.ref}
                error={fieldError(errors.givenAt)}
              />
            )}
          />
          <TextInput label={t('person.consentTextVersion')} description={t('person.consentTextVersionHint')} withAsterisk error={fieldError(errors.textVersion)} {...form.register('textVersion')} />
          <TextInput label={t('person.consentScope')} description={t('person.consentScopeHint')} withAsterisk error={fieldError(errors.scope)} {...form.register('scope')} />
        </SimpleGrid>
        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" variant="light" loading={isSubmitting} data-testid="consent-add">
            {t('person.consentAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const withdrawSchema = contract['consents.withdraw'].input;

function WithdrawConsentModal({ consent, onClose, onDone }: { consent: Consent; onClose: () => void; onDone: (consent: Consent) => void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(withdrawSchema), defaultValues: { id: consent.id, withdrawnAt: todayInRome() } });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('consents.withdraw', values);
    if (result.ok) onDone(result.value);
    else handle(result.error);
  });

  return (
    <Modal opened onClose={onClose} title={t('person.consentWithdrawTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('person.consentWithdrawBody', { scope: consent.scope })}</Text>
          <Controller
            control={form.control}
            name="withdrawnAt"
            render={({ field }) => (
              <DateField
                label={t('person.consentWithdrawnAt')}
                withAsterisk
                data-autofocus
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                ref={field.ref}
                error={fieldError(errors.withdrawnAt)}
              />
            )}
          />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={isSubmitting}>
              {t('person.consentWithdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
