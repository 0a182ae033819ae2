// The person form, for a new person and for an edit: every field of the contract's personFieldsSchema, validated
// by that same schema; the register's refusals land next to their field.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button, Checkbox, Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Textarea, TextInput,
} from '@mantine/core';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { personFieldsSchema } from '../../../../electron/shared/channels/people';
import { GENDERS, PERMIT_TYPES, REFERRAL_SOURCES, VULNERABILITIES } from '../../../../electron/shared/domain';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { CountrySelect, LanguagesSelect } from '../../components/CountrySelect';
import { DateField, isIsoDate } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { vocabOptions } from '../../components/vocab';
import type { PersonFormValues } from './person-form-values';

export type PersonFieldsOut = z.output<typeof personFieldsSchema>;

interface PersonFormProps {
  defaultValues: Partial<PersonFormValues>;
  submitLabel: string;
  /** Saves; on a refusal calls `fail`, which puts the error on its field or above the buttons. */
  onSubmit: (fields: PersonFieldsOut, fail: (error: ErrorBody) => void) => Promise<void>;
  onCancel?: () => void;
  /** The id of the heading that names the form. */
  labelledBy: string;
}

export function PersonForm({ defaultValues, submitLabel, onSubmit, onCancel, labelledBy }: PersonFormProps) {
  const { t } = useTranslation();
  const form = useForm<PersonFormValues, unknown, PersonFieldsOut>({ resolver: zodResolver(personFieldsSchema), defaultValues });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const firstError = (error: unknown) => fieldError((Array.isArray(error) ? error.find(Boolean) : error) as FieldError | undefined);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    await onSubmit(values, handle);
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} data-testid="person-form">
      <Stack gap="lg" maw={960}>
        <Fieldset legend={t('person.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('person.displayName')}
              description={t('person.displayNameHint')}
              withAsterisk
              autoComplete="off"
              error={fieldError(errors.displayName)}
              {...form.register('displayName')}
            />
            <Controller
              control={form.control}
              name="gender"
              render={({ field }) => (
                <Radio.Group
                  label={t('person.gender')}
                  withAsterisk
                  value={field.value ?? null}
                  onChange={(value) => field.onChange(value)}
                  error={fieldError(errors.gender)}
                  data-testid="person-gender"
                >
                  <Group gap="md" mt={6}>
                    {vocabOptions(t, 'genders', GENDERS).map((option) => (
                      <Radio key={option.value} value={option.value} label={option.label} ref={option.value === GENDERS[0] ? field.ref : undefined} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            <TextInput label={t('person.givenNames')} autoComplete="off" error={fieldError(errors.givenNames)} {...form.register('givenNames')} />
            <TextInput label={t('person.familyNames')} autoComplete="off" error={fieldError(errors.familyNames)} {...form.register('familyNames')} />
            <Controller
              control={form.control}
              name="birthDate"
              render={({ field }) => (
                <DateField
                  label={t('person.birthDate')}
                  value={field.value ?? null}
                  onChange={(value) => {
                    field.onChange(value);
                    // A known date settles the year; the two must agree.
                    if (isIsoDate(value)) form.setValue('birthYear', Number(value.slice(0, 4)), { shouldValidate: form.formState.isSubmitted });
                  }}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldError(errors.birthDate)}
                  data-testid="person-birth-date"
                />
              )}
            />
            <Controller
              control={form.control}
              name="birthYear"
              render={({ field }) => (
                <NumberInput
                  label={t('person.birthYear')}
                  description={t('person.birthYearHint')}
                  value={field.value ?? ''}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  min={1900}
                  max={2100}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  error={fieldError(errors.birthYear)}
                />
              )}
            />
            <Controller
              control={form.control}
              name="nationality"
              render={({ field }) => (
                <CountrySelect
                  label={t('person.nationality')}
                  value={field.value ?? null}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldError(errors.nationality)}
                  data-testid="person-nationality"
                />
              )}
            />
            <Controller
              control={form.control}
              name="languages"
              render={({ field }) => (
                <LanguagesSelect
                  label={t('person.languages')}
                  value={field.value ?? []}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={firstError(errors.languages)}
                  data-testid="person-languages"
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('person.documents')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="permitType"
              render={({ field }) => (
                <Select
                  label={t('person.permitType')}
                  clearable
                  searchable
                  data={vocabOptions(t, 'permitTypes', PERMIT_TYPES)}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldError(errors.permitType)}
                />
              )}
            />
            <TextInput label={t('person.permitNumber')} autoComplete="off" error={fieldError(errors.permitNumber)} {...form.register('permitNumber')} />
            <Controller
              control={form.control}
              name="permitExpiry"
              render={({ field }) => (
                <DateField
                  label={t('person.permitExpiry')}
                  value={field.value ?? null}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldError(errors.permitExpiry)}
                />
              )}
            />
            <TextInput
              label={t('person.fiscalCode')}
              description={t('person.fiscalCodeHint')}
              autoComplete="off"
              spellCheck={false}
              maxLength={16}
              styles={{ input: { textTransform: 'uppercase', fontFamily: 'var(--mantine-font-family-monospace)' } }}
              error={fieldError(errors.fiscalCode)}
              data-testid="person-fiscal-code"
              {...form.register('fiscalCode')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('person.situation')}>
          <Stack gap="md">
            <Controller
              control={form.control}
              name="referralSource"
              render={({ field }) => (
                <Select
                  label={t('person.referralSource')}
                  clearable
                  data={vocabOptions(t, 'referralSources', REFERRAL_SOURCES)}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldError(errors.referralSource)}
                  maw={420}
                />
              )}
            />
            <Controller
              control={form.control}
              name="vulnerabilities"
              render={({ field }) => (
                <Checkbox.Group
                  label={t('person.vulnerabilities')}
                  description={t('person.vulnerabilitiesHint')}
                  value={field.value ?? []}
                  onChange={(value) => field.onChange(value)}
                  error={firstError(errors.vulnerabilities)}
                  data-testid="person-vulnerabilities"
                >
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
                    {vocabOptions(t, 'vulnerabilities', VULNERABILITIES).map((option) => (
                      <Checkbox key={option.value} value={option.value} label={option.label} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('person.privacy')}>
          <Stack gap="md">
            <Controller
              control={form.control}
              name="restricted"
              render={({ field }) => (
                <Switch
                  label={t('person.restricted')}
                  description={t('person.restrictedHint')}
                  checked={field.value ?? false}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  data-testid="person-restricted"
                />
              )}
            />
            <Textarea label={t('person.notes')} autosize minRows={2} maxRows={8} error={fieldError(errors.notes)} {...form.register('notes')} />
          </Stack>
        </Fieldset>

        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" loading={isSubmitting} data-testid="person-submit">
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
