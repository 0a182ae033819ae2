// The structure form (admins and coordinators), new or edit: name, type, managing partner (a new partner can be
// added on the spot), the confidential address, flags and the languages staff speak.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { structureInputSchema, type Partner, type StructureDetail } from '../../../../electron/shared/channels/places';
import { STRUCTURE_TYPES } from '../../../../electron/shared/domain';
import { LanguagesSelect } from '../../components/CountrySelect';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { LockIcon } from '../../components/LockIcon';
import { vocabOptions } from '../../components/vocab';
import { translateKey } from '../../i18n';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';

type StructureValues = z.input<typeof structureInputSchema>;
type StructureOut = z.output<typeof structureInputSchema>;

const FLAGS = ['womenOnly', 'childrenAllowed', 'accessible', 'lgbtSafe'] as const;

export function structureValues(detail: StructureDetail | null): Partial<StructureValues> {
  if (!detail) return { name: '', address: '', womenOnly: false, childrenAllowed: true, accessible: false, lgbtSafe: false, languages: [], active: true };
  return {
    id: detail.id,
    partnerId: detail.partnerId,
    name: detail.name,
    type: detail.type,
    address: detail.address ?? '',
    womenOnly: detail.womenOnly,
    childrenAllowed: detail.childrenAllowed,
    accessible: detail.accessible,
    lgbtSafe: detail.lgbtSafe,
    languages: [...detail.languages],
    active: detail.active,
  };
}

interface StructureFormProps {
  detail: StructureDetail | null;
  onSaved: (detail: StructureDetail) => void;
  onCancel: () => void;
  labelledBy: string;
}

export function StructureForm({ detail, onSaved, onCancel, labelledBy }: StructureFormProps) {
  const { t } = useTranslation();
  const partners = useChannel('partners.list', {});
  const form = useForm<StructureValues, unknown, StructureOut>({ resolver: zodResolver(structureInputSchema), defaultValues: structureValues(detail) });
  const { formError, setFormError, handle } = useServerErrors(form, { NAME_TAKEN: 'name' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  // The address is never shown to a role that may not see it, so such a role cannot edit it either.
  const addressVisible = !detail?.addressHidden;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('structures.save', values);
    if (result.ok) onSaved(result.value);
    else handle(result.error);
  });

  const partnerOptions = (partners.value ?? [])
    .filter((p) => p.active || p.id === detail?.partnerId)
    .map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={labelledBy} data-testid="structure-form">
      <Stack gap="md" maw={880}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('structures.name')} withAsterisk autoComplete="off" error={fieldError(errors.name)} data-testid="structure-name" {...form.register('name')} />
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('structures.type')}
                withAsterisk
                data={vocabOptions(t, 'structureTypes', STRUCTURE_TYPES)}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldError(errors.type)}
                data-testid="structure-type"
              />
            )}
          />
          <Controller
            control={form.control}
            name="partnerId"
            render={({ field }) => (
              <Stack gap={4}>
                <Select
                  label={t('structures.partner')}
                  withAsterisk
                  searchable
                  data={partnerOptions}
                  value={field.value ? String(field.value) : null}
                  onChange={(value) => field.onChange(value ? Number(value) : undefined)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldError(errors.partnerId)}
                  nothingFoundMessage={t('structures.noPartners')}
                  data-testid="structure-partner"
                />
                <NewPartner
                  onCreated={(partner) => {
                    partners.setValue([...(partners.value ?? []), partner]);
                    field.onChange(partner.id);
                  }}
                />
              </Stack>
            )}
          />
          <Controller
            control={form.control}
            name="languages"
            render={({ field }) => (
              <LanguagesSelect
                label={t('structures.languages')}
                description={t('structures.languagesHint')}
                value={field.value ?? []}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldError((Array.isArray(errors.languages) ? errors.languages.find(Boolean) : errors.languages) as FieldError | undefined)}
              />
            )}
          />
        </SimpleGrid>
        {addressVisible ? (
          <Textarea
            label={
              <Group gap={6} component="span">
                <LockIcon />
                {t('structures.address')}
              </Group>
            }
            description={t('structures.addressConfidential')}
            autosize
            minRows={2}
            error={fieldError(errors.address)}
            data-testid="structure-address"
            {...form.register('address')}
          />
        ) : (
          <Alert color="gray" variant="light" icon={<LockIcon />}>
            {t('structures.addressHiddenNote')}
          </Alert>
        )}
        <Fieldset legend={t('structures.flags')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {FLAGS.map((flag) => (
              <Controller
                key={flag}
                control={form.control}
                name={flag}
                render={({ field }) => (
                  <Checkbox
                    label={t(`structures.flag.${flag}`)}
                    checked={field.value ?? false}
                    onChange={(event) => field.onChange(event.currentTarget.checked)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    data-testid={`structure-flag-${flag}`}
                  />
                )}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        {detail && (
          <Controller
            control={form.control}
            name="active"
            render={({ field }) => (
              <Switch
                label={t('structures.active')}
                description={t('structures.activeHint')}
                checked={field.value ?? true}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                ref={field.ref}
              />
            )}
          />
        )}
        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" loading={isSubmitting} data-testid="structure-submit">
            {detail ? t('common.save') : t('structures.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A partner association added without leaving the structure form. */
function NewPartner({ onCreated }: { onCreated: (partner: Partner) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button variant="subtle" size="xs" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} data-testid="partner-new">
        {t('structures.partnerNew')}
      </Button>
    );
  }
  const save = async () => {
    setBusy(true);
    const result = await call('partners.save', { name, active: true });
    setBusy(false);
    if (!result.ok) return setError(result.error.fieldErrors?.name?.[0] ?? result.error.messageKey);
    setOpen(false);
    setName('');
    setError(null);
    onCreated(result.value);
  };
  return (
    <Group align="flex-end" gap="xs" role="group" aria-label={t('structures.partnerNew')}>
      <TextInput
        label={t('structures.partnerName')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter here adds the partner; it must not submit the whole structure form.
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          }
        }}
        error={error ? translateKey(error, 'errors.INTERNAL') : undefined}
        autoFocus
        data-testid="partner-name"
      />
      <Button size="sm" variant="light" loading={busy} onClick={() => void save()} data-testid="partner-save">
        {t('structures.partnerAdd')}
      </Button>
      <Button size="sm" variant="default" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
