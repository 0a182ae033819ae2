// The individual plan of one stay: agreement and review dates, goals with their status and progress, a
// review with the person, and the history of reviews (docs/pathway.md).
import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Goal, Plan } from '../../../../electron/shared/channels/pathway';
import { contract } from '../../../../electron/shared/contract';
import { addDays, todayInRome } from '../../../../electron/shared/dates';
import { GOAL_STATUSES, PATHWAY_AREAS } from '../../../../electron/shared/domain';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { vocabLabel } from '../../components/vocab';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';

const STATUS_COLOURS: Record<(typeof GOAL_STATUSES)[number], string> = { open: 'blue', reached: 'teal', dropped: 'gray' };

const planSchema = contract['plans.save'].input;
const goalSchema = contract['goals.add'].input;
const statusSchema = contract['goals.setStatus'].input;
const reviewSchema = contract['plans.review'].input;

/** Creates the plan of a stay, or changes its dates. */
function PlanDatesForm({ stayId, plan, onSaved, onCancel }: { stayId: number; plan: Plan | null; onSaved: (plan: Plan) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const today = todayInRome();
  const form = useForm<z.input<typeof planSchema>, unknown, z.output<typeof planSchema>>({
    resolver: zodResolver(planSchema),
    defaultValues: { stayId, agreedOn: plan?.agreedOn ?? today, reviewDue: plan?.reviewDue ?? addDays(today, 90) },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'reviewDue' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('plans.save', values);
    if (!result.ok) return handle(result.error);
    onSaved(result.value);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="plan-form">
      <Group align="flex-end" gap="sm">
        <Controller control={form.control} name="agreedOn" render={({ field }) => (
          <DateField label={t('pathway.agreedOn')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.agreedOn)} />
        )} />
        <Controller control={form.control} name="reviewDue" render={({ field }) => (
          <DateField label={t('pathway.reviewDue')} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={fieldError(errors.reviewDue)} />
        )} />
        <Button type="submit" loading={isSubmitting}>{t('pathway.savePlan')}</Button>
        {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
      </Group>
      <FormAlert messageKey={formError} />
    </form>
  );
}

function AddGoalForm({ planId, onSaved }: { planId: number; onSaved: (plan: Plan) => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof goalSchema>, unknown, z.output<typeof goalSchema>>({
    resolver: zodResolver(goalSchema),
    defaultValues: { planId, area: undefined, description: '', targetDate: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'targetDate' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('goals.add', values);
    if (!result.ok) return handle(result.error);
    form.reset({ planId, area: undefined, description: '', targetDate: '' });
    onSaved(result.value);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="goal-form" aria-label={t('pathway.addGoal')}>
      <Group align="flex-start" gap="sm">
        <Controller control={form.control} name="area" render={({ field }) => (
          <Select label={t('pathway.area')} required w={200} data={PATHWAY_AREAS.map((a) => ({ value: a, label: vocabLabel(t, 'pathwayAreas', a) }))}
            value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.area)} data-testid="goal-area" />
        )} />
        <TextInput label={t('pathway.description')} required style={{ flex: 1, minWidth: 220 }} error={fieldError(errors.description)} {...form.register('description')} data-testid="goal-description" />
        <Controller control={form.control} name="targetDate" render={({ field }) => (
          <DateField label={t('pathway.targetDate')} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={fieldError(errors.targetDate)} data-testid="goal-target" />
        )} />
        <Button type="submit" mt={25} loading={isSubmitting} data-testid="goal-submit">{t('pathway.addGoal')}</Button>
      </Group>
      <FormAlert messageKey={formError} />
    </form>
  );
}

/** Reached today, reopened, or dropped with a reason typed in place. */
function GoalActions({ goal, onSaved }: { goal: Goal; onSaved: (plan: Plan) => void }) {
  const { t } = useTranslation();
  const [dropping, setDropping] = useState(false);
  const form = useForm<z.input<typeof statusSchema>, unknown, z.output<typeof statusSchema>>({
    resolver: zodResolver(statusSchema),
    defaultValues: { goalId: goal.id, status: 'dropped', date: todayInRome(), dropReason: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'date' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const set = async (status: 'reached' | 'open') => {
    const result = await call('goals.setStatus', { goalId: goal.id, status, date: todayInRome() });
    if (!result.ok) return setFormError(result.error.messageKey);
    onSaved(result.value);
  };
  const onDrop = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('goals.setStatus', values);
    if (!result.ok) return handle(result.error);
    setDropping(false);
    onSaved(result.value);
  });
  if (dropping)
    return (
      <form onSubmit={onDrop} noValidate aria-label={t('pathway.dropTitle')}>
        <Group gap="xs" align="flex-start">
          <TextInput size="xs" label={t('pathway.dropReason')} required autoFocus error={fieldError(errors.dropReason)} {...form.register('dropReason')} data-testid="goal-drop-reason" />
          <Button size="xs" mt={22} type="submit" color="gray" loading={isSubmitting}>{t('pathway.markDropped')}</Button>
          <Button size="xs" mt={22} variant="default" onClick={() => setDropping(false)}>{t('common.cancel')}</Button>
        </Group>
        <FormAlert messageKey={formError} />
      </form>
    );
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        {goal.status === 'open' ? (
          <>
            <Button size="compact-xs" variant="light" color="teal" onClick={() => void set('reached')} data-testid="goal-reached">{t('pathway.markReached')}</Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDropping(true)}>{t('pathway.markDropped')}</Button>
          </>
        ) : (
          <Button size="compact-xs" variant="subtle" onClick={() => void set('open')}>{t('pathway.reopen')}</Button>
        )}
      </Group>
      <FormAlert messageKey={formError} />
    </Stack>
  );
}

function ReviewForm({ plan, onSaved }: { plan: Plan; onSaved: (plan: Plan) => void }) {
  const { t } = useTranslation();
  const today = todayInRome();
  const form = useForm<z.input<typeof reviewSchema>, unknown, z.output<typeof reviewSchema>>({
    resolver: zodResolver(reviewSchema),
    defaultValues: { planId: plan.id, reviewedOn: today, summary: '', nextReview: addDays(today, 90) },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'reviewedOn' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('plans.review', values);
    if (!result.ok) return handle(result.error);
    onSaved(result.value);
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="review-form" aria-label={t('pathway.reviewTitle')}>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm">
          <Controller control={form.control} name="reviewedOn" render={({ field }) => (
            <DateField label={t('pathway.reviewedOn')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.reviewedOn)} />
          )} />
          <Controller control={form.control} name="nextReview" render={({ field }) => (
            <DateField label={t('pathway.nextReview')} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={fieldError(errors.nextReview)} />
          )} />
        </Group>
        <Textarea label={t('pathway.summary')} autosize minRows={2} error={fieldError(errors.summary)} {...form.register('summary')} />
        <Group>
          <Button type="submit" loading={isSubmitting}>{t('pathway.saveReview')}</Button>
        </Group>
        <FormAlert messageKey={formError} />
      </Stack>
    </form>
  );
}

export function PlanPanel({ stayId, plan, onChanged }: { stayId: number; plan: Plan | null; onChanged: (plan: Plan) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const today = todayInRome();
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);

  if (!plan)
    return (
      <Stack gap="xs">
        <Text c="dimmed" size="sm">{t('pathway.noPlan')}</Text>
        <PlanDatesForm stayId={stayId} plan={null} onSaved={onChanged} />
      </Stack>
    );

  const reached = plan.goals.filter((g) => g.status === 'reached').length;
  return (
    <Stack gap="sm" data-testid="plan">
      <Group justify="space-between">
        <Text size="sm">
          {t('pathway.planAgreed', { date: formatDate(plan.agreedOn, locale) })}
          {plan.reviewDue && (
            <Text span c={plan.reviewDue < today ? 'red.7' : undefined} fw={plan.reviewDue < today ? 600 : undefined}>
              {' · '}
              {t(plan.reviewDue < today ? 'pathway.reviewOverdue' : 'pathway.reviewOn', { date: formatDate(plan.reviewDue, locale) })}
            </Text>
          )}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setEditing((v) => !v)}>{t('pathway.editPlan')}</Button>
          <Button size="xs" variant="light" onClick={() => setReviewing((v) => !v)} data-testid="review-open">{t('pathway.reviewTitle')}</Button>
        </Group>
      </Group>
      {editing && <PlanDatesForm stayId={stayId} plan={plan} onSaved={(p) => { setEditing(false); onChanged(p); }} onCancel={() => setEditing(false)} />}
      {reviewing && <ReviewForm plan={plan} onSaved={(p) => { setReviewing(false); onChanged(p); }} />}

      <Title order={4} size="h5">
        {t('pathway.goals')}{' '}
        <Text span size="sm" c="dimmed" fw={400} data-testid="plan-progress">
          {t('pathway.progress', { count: plan.goals.length, reached })}
        </Text>
      </Title>
      {plan.goals.length === 0 ? (
        <Text size="sm" c="dimmed">{t('pathway.noGoals')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} data-testid="goals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pathway.area')}</Table.Th>
                <Table.Th>{t('pathway.description')}</Table.Th>
                <Table.Th>{t('pathway.targetDate')}</Table.Th>
                <Table.Th>{t('pathway.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.goals.map((g) => (
                <Table.Tr key={g.id} data-testid="goal-row">
                  <Table.Td>{vocabLabel(t, 'pathwayAreas', g.area)}</Table.Td>
                  <Table.Td>{g.description}</Table.Td>
                  <Table.Td>
                    {formatDate(g.targetDate, locale)}
                    {g.status === 'open' && g.targetDate && g.targetDate < today && <Badge ml={4} size="xs" color="red" variant="light">{t('pathway.pastTarget')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[g.status]} variant="light">{vocabLabel(t, 'goalStatuses', g.status)}</Badge>
                    {g.statusDate && (
                      <Text size="xs" c="dimmed">
                        {g.status === 'dropped'
                          ? t('pathway.droppedOn', { date: formatDate(g.statusDate, locale), reason: g.dropReason ?? '' })
                          : t('pathway.reachedOn', { date: formatDate(g.statusDate, locale) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td><GoalActions goal={g} onSaved={onChanged} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddGoalForm planId={plan.id} onSaved={onChanged} />
      {plan.reviews.length > 0 && (
        <Card withBorder padding="xs">
          <Title order={4} size="h6" mb={4}>{t('pathway.history')}</Title>
          <Stack gap={4}>
            {plan.reviews.map((r) => (
              <Text size="sm" key={r.id} data-testid="review-row">
                <b>{t('pathway.historyRow', { date: formatDate(r.reviewedOn, locale), by: r.byName ?? '—' })}</b>
                {' — '}
                {t('pathway.historyGoals', { count: r.goals.length, reached: r.goals.filter((g) => g.status === 'reached').length })}
                {r.summary ? ` — ${r.summary}` : ''}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
