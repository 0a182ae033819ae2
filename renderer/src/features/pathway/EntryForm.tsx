// One short form on the Pathway tab: record an intervention (or a group activity, from the services
// register) or a case note. The same contract schemas validate here and in the main process.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Goal, StaffOption } from '../../../../electron/shared/channels/pathway';
import { contract } from '../../../../electron/shared/contract';
import { todayInRome } from '../../../../electron/shared/dates';
import { INTERVENTION_TYPES, PATHWAY_AREAS } from '../../../../electron/shared/domain';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { vocabLabel } from '../../components/vocab';
import { call } from '../../ipc/client';

const interventionSchema = contract['interventions.add'].input;
const noteSchema = contract['notes.add'].input;
export type InterventionValues = z.input<typeof interventionSchema>;

interface InterventionFormProps {
  personIds: number[];
  staff: StaffOption[];
  goals?: Goal[];
  /** Where the participants are chosen, for a group activity (rendered above the fields). */
  participants?: ReactNode;
  onSaved: (count: number) => void;
  submitLabel: string;
}

export function InterventionForm({ personIds, staff, goals = [], participants, onSaved, submitLabel }: InterventionFormProps) {
  const { t } = useTranslation();
  const form = useForm<InterventionValues, unknown, z.output<typeof interventionSchema>>({
    resolver: zodResolver(interventionSchema),
    defaultValues: { personIds, date: todayInRome(), area: undefined, type: undefined, staffUserId: null, provider: '', minutes: 60, goalId: null, outcome: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { NO_STAY_ON_DATE: 'date', INVALID_PERIOD: 'date', GOAL_NOT_IN_PLAN: 'goalId', USER_NOT_FOUND: 'staffUserId' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  // The participants live outside the form (group activity): the form follows their list.
  const participantKey = personIds.join(',');
  useEffect(() => {
    form.setValue('personIds', participantKey ? participantKey.split(',').map(Number) : []);
  }, [form, participantKey]);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('interventions.add', values);
    if (!result.ok) return handle(result.error);
    form.reset({ ...form.getValues(), outcome: '', goalId: null });
    onSaved(result.value.ids.length);
  });
  const openGoals = goals.filter((g) => g.status === 'open');
  return (
    <form onSubmit={onSubmit} noValidate data-testid="intervention-form">
      <Stack gap="sm">
        {participants}
        {errors.personIds && <FormAlert messageKey={errors.personIds.message ?? null} />}
        <Group align="flex-start" gap="sm" grow>
          <Controller control={form.control} name="date" render={({ field }) => (
            <DateField label={t('pathway.date')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.date)} data-testid="intervention-date" />
          )} />
          <Controller control={form.control} name="area" render={({ field }) => (
            <Select label={t('pathway.area')} required data={PATHWAY_AREAS.map((a) => ({ value: a, label: vocabLabel(t, 'pathwayAreas', a) }))}
              value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.area)} data-testid="intervention-area" />
          )} />
          <Controller control={form.control} name="type" render={({ field }) => (
            <Select label={t('pathway.type')} required data={INTERVENTION_TYPES.map((a) => ({ value: a, label: vocabLabel(t, 'interventionTypes', a) }))}
              value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.type)} data-testid="intervention-type" />
          )} />
        </Group>
        <Group align="flex-start" gap="sm" grow>
          <Controller control={form.control} name="staffUserId" render={({ field }) => (
            <Select label={t('pathway.staff')} clearable data={staff.map((s) => ({ value: String(s.id), label: s.displayName }))}
              value={field.value ? String(field.value) : null} onChange={(v) => field.onChange(v ? Number(v) : null)} error={fieldError(errors.staffUserId)} data-testid="intervention-staff" />
          )} />
          <TextInput label={t('pathway.provider')} description={t('pathway.providerHint')} error={fieldError(errors.provider)} {...form.register('provider')} data-testid="intervention-provider" />
          <Controller control={form.control} name="minutes" render={({ field }) => (
            <NumberInput label={t('pathway.minutes')} required min={1} max={1440} allowDecimal={false} value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)} error={fieldError(errors.minutes)} data-testid="intervention-minutes" />
          )} />
        </Group>
        {openGoals.length > 0 && (
          <Controller control={form.control} name="goalId" render={({ field }) => (
            <Select label={t('pathway.goal')} clearable placeholder={t('pathway.noGoal')}
              data={openGoals.map((g) => ({ value: String(g.id), label: `${vocabLabel(t, 'pathwayAreas', g.area)} — ${g.description}` }))}
              value={field.value ? String(field.value) : null} onChange={(v) => field.onChange(v ? Number(v) : null)} error={fieldError(errors.goalId)} />
          )} />
        )}
        <TextInput label={t('pathway.outcome')} error={fieldError(errors.outcome)} {...form.register('outcome')} data-testid="intervention-outcome" />
        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" loading={isSubmitting} data-testid="intervention-submit">{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function NoteForm({ personId, onSaved }: { personId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof noteSchema>, unknown, z.output<typeof noteSchema>>({
    resolver: zodResolver(noteSchema),
    defaultValues: { personId, date: todayInRome(), body: '', confidential: false },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'date', FORBIDDEN: 'body' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('notes.add', values);
    if (!result.ok) return handle(result.error);
    form.reset({ personId, date: todayInRome(), body: '', confidential: false });
    onSaved();
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="note-form">
      <Stack gap="sm">
        <Controller control={form.control} name="date" render={({ field }) => (
          <DateField label={t('pathway.date')} required maw={220} value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.date)} />
        )} />
        <Textarea label={t('pathway.noteBody')} required autosize minRows={3} error={fieldError(errors.body)} {...form.register('body')} data-testid="note-body" />
        <Checkbox label={t('pathway.confidential')} {...form.register('confidential')} data-testid="note-confidential" />
        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" loading={isSubmitting} data-testid="note-submit">{t('pathway.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The Pathway tab's one short form: a service or a note, chosen with a switch. */
export function EntryForm({ personId, staff, goals, canWriteNotes, onSaved }: { personId: number; staff: StaffOption[]; goals: Goal[]; canWriteNotes: boolean; onSaved: (kind: 'intervention' | 'note') => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'intervention' | 'note'>('intervention');
  return (
    <Stack gap="sm">
      {canWriteNotes && (
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'intervention' | 'note')}
          data={[{ value: 'intervention', label: t('pathway.kindIntervention') }, { value: 'note', label: t('pathway.kindNote') }]}
          w="fit-content"
          data-testid="entry-kind"
        />
      )}
      {kind === 'intervention' || !canWriteNotes ? (
        <InterventionForm personIds={[personId]} staff={staff} goals={goals} onSaved={() => onSaved('intervention')} submitLabel={t('pathway.save')} />
      ) : (
        <NoteForm personId={personId} onSaved={() => onSaved('note')} />
      )}
    </Stack>
  );
}
