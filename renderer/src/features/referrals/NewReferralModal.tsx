// A new referral: when and from whom it came, the household's needs, urgency, notes, and optionally the
// registered person (and household) it is about. Validated with the contract's own schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, NativeSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../electron/shared/contract';
import type { PersonDetail, PersonRow, Referral } from '../../../../electron/shared/channels/people';
import { REFERRAL_SOURCES, URGENCIES } from '../../../../electron/shared/domain';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';
import { PersonPicker } from '../admission/PersonPicker';
import { languageOptions } from './referral-labels';
import { ageOn, couldBeMinorOn } from '../../../../electron/shared/guest-rules';
import { normaliseTime } from './received-at';
import { romeWallClock, withRomeOffset } from '../../../../electron/shared/dates';

const schema = contract['referrals.create'].input;
type Values = z.input<typeof schema>;

/** The time of day typed as hh:mm (24 h, whatever the system's clock format); kept as typed while editing. */
function TimeText({ value, onChange, error, label }: { value: string; onChange: (time: string) => void; error?: string; label: string }) {
  const [typed, setTyped] = useState(value);
  return (
    <TextInput
      label={label}
      placeholder="hh:mm"
      inputMode="numeric"
      autoComplete="off"
      required
      value={typed}
      error={error}
      onChange={(event) => {
        setTyped(event.currentTarget.value);
        // An unreadable time becomes a placeholder the schema refuses, so the form says so next to this field.
        onChange(normaliseTime(event.currentTarget.value) ?? '--:--');
      }}
    />
  );
}

/** Ages typed as "2, 7": kept as typed while editing; the form holds the numbers (a wrong one fails the schema). */
function ChildrenAgesInput({ value, onChange, error, label, description }: { value: number[]; onChange: (ages: number[]) => void; error?: string; label: string; description: string }) {
  const [typed, setTyped] = useState(value.join(', '));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // Set from outside (a linked household): show it.
    setLastValue(value);
    if (value.join(',') !== typed.split(/[,;\s]+/).filter(Boolean).join(',')) setTyped(value.join(', '));
  }
  return (
    <TextInput
      label={label}
      description={description}
      value={typed}
      error={error}
      inputMode="numeric"
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyped(text);
        const ages = text.split(/[,;\s]+/).filter(Boolean).map((token) => (/^\d{1,2}$/.test(token) ? Number(token) : -1));
        setLastValue(ages);
        onChange(ages);
      }}
    />
  );
}

export function NewReferralModal({ onClose, onCreated }: { onClose: () => void; onCreated: (referral: Referral) => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      receivedAt: romeWallClock(),
      source: '' as Values['source'],
      needs: { people: 1, childrenAges: [], womenOnly: false, accessibility: false, lgbtSafe: false, language: null },
      urgency: 'normal',
      notes: '',
      personId: null,
      householdId: null,
    },
  });
  const { formError, setFormError, handle } = useServerErrors(form);
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const [linked, setLinked] = useState<{ row: PersonRow; detail: PersonDetail | null } | null>(null);

  const link = async (row: PersonRow) => {
    setLinked({ row, detail: null });
    form.setValue('personId', row.id);
    const result = await call('persons.get', { id: row.id });
    if (!result.ok) return;
    setLinked({ row, detail: result.value });
    const household = result.value.household;
    form.setValue('householdId', household?.id ?? null);
    if (household) {
      // The household list carries the birth year only: the shared rules read it as an estimate (a possible minor counts).
      const on = form.getValues('receivedAt').slice(0, 10);
      const ages = household.members.flatMap((m) => {
        const facts = { birthDate: null, birthYear: m.birthYear };
        return couldBeMinorOn(facts, on) ? [Math.min(17, Math.max(0, ageOn(facts, on) ?? 0))] : [];
      });
      form.setValue('needs.people', household.members.length);
      form.setValue('needs.childrenAges', ages);
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const receivedAt = withRomeOffset(values.receivedAt) ?? values.receivedAt;
    const result = await call('referrals.create', { ...values, receivedAt });
    if (!result.ok) return handle(result.error);
    onCreated(result.value);
  });

  const needsError = errors.needs;
  const household = linked?.detail?.household ?? null;

  return (
    <Modal opened onClose={onClose} size="lg" title={t('referrals.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate data-testid="referral-form">
        <Stack gap="md">
          <Controller
            control={form.control}
            name="receivedAt"
            render={({ field }) => {
              // "date T time"; the date part may be a typed text that is not a date (kept by DateField).
              const at = field.value.lastIndexOf('T');
              const date = (at < 0 ? field.value : field.value.slice(0, at)) || null;
              const time = at < 0 ? '' : field.value.slice(at + 1);
              const timeWrong = normaliseTime(time) === null;
              return (
                <SimpleGrid cols={2}>
                  <DateField
                    label={t('referrals.receivedDate')}
                    value={date}
                    onChange={(next) => field.onChange(`${next ?? ''}T${time}`)}
                    error={timeWrong ? undefined : fieldError(errors.receivedAt)}
                    required
                  />
                  <TimeText
                    label={t('referrals.receivedTime')}
                    value={time}
                    onChange={(next) => field.onChange(`${date ?? ''}T${next}`)}
                    error={timeWrong ? fieldError(errors.receivedAt) : undefined}
                  />
                </SimpleGrid>
              );
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('referrals.source')}
              required
              data-autofocus
              data={[{ value: '', label: t('referrals.choose') }, ...REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`vocab.referralSources.${s}`) }))]}
              error={fieldError(errors.source)}
              {...form.register('source')}
            />
            <NativeSelect
              label={t('referrals.urgency')}
              data={URGENCIES.map((u) => ({ value: u, label: t(`vocab.urgencies.${u}`) }))}
              error={fieldError(errors.urgency)}
              {...form.register('urgency')}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <PersonPicker label={t('referrals.linkPerson')} description={t('referrals.linkPersonHint')} onPick={(row) => void link(row)} />
            {linked && (
              <Group gap="sm" data-testid="referral-linked-person">
                <Text size="sm">
                  {t('referrals.linkedTo', { person: linked.row.displayName ?? linked.row.code })}
                  {household ? ` · ${t('referrals.withHousehold', { count: household.members.length })}` : ''}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => {
                    setLinked(null);
                    form.setValue('personId', null);
                    form.setValue('householdId', null);
                  }}
                >
                  {t('referrals.unlink')}
                </Button>
              </Group>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name="needs.people"
              render={({ field }) => (
                <NumberInput
                  label={t('referrals.people')}
                  min={1}
                  max={20}
                  allowDecimal={false}
                  required
                  value={field.value ?? ''}
                  onChange={(next) => field.onChange(typeof next === 'number' ? next : undefined)}
                  onBlur={field.onBlur}
                  error={fieldError(needsError?.people)}
                />
              )}
            />
            <Controller
              control={form.control}
              name="needs.childrenAges"
              render={({ field, fieldState }) => (
                <ChildrenAgesInput
                  label={t('referrals.childrenAgesLabel')}
                  description={t('referrals.childrenAgesHint')}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  error={fieldState.invalid ? t('referrals.childrenAgesInvalid') : undefined}
                />
              )}
            />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox label={t('referrals.womenOnly')} {...form.register('needs.womenOnly')} />
            <Checkbox label={t('referrals.accessibility')} {...form.register('needs.accessibility')} />
            <Checkbox label={t('referrals.lgbtSafe')} {...form.register('needs.lgbtSafe')} />
          </Group>
          <Controller
            control={form.control}
            name="needs.language"
            render={({ field }) => (
              <Select
                label={t('referrals.language')}
                placeholder={t('referrals.anyLanguage')}
                searchable
                clearable
                data={languageOptions(i18n.language)}
                value={field.value ?? null}
                onChange={(next) => field.onChange(next)}
                error={fieldError(needsError?.language)}
              />
            )}
          />
          <Textarea label={t('referrals.notes')} description={t('referrals.notesHint')} autosize minRows={2} maxRows={6} error={fieldError(errors.notes)} {...form.register('notes')} />
          <FormAlert messageKey={formError} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('referrals.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
