// A host family's page section (structures of type host family): the host household's vetting status and
// renewal, the placement agreements, the placements, and the monthly reimbursements recorded among the
// housing contributions of each household hosted (docs/pathway.md).
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { HostFamily } from '../../../../electron/shared/channels/pathway';
import type { PersonRow } from '../../../../electron/shared/channels/people';
import type { contributionRowSchema } from '../../../../electron/shared/channels/contributions';
import { contract } from '../../../../electron/shared/contract';
import { addDays, todayInRome } from '../../../../electron/shared/dates';
import { VETTING_OUTCOMES } from '../../../../electron/shared/domain';
import { formatEuro } from '../../../../electron/shared/money';
import { useNavigate } from '../../app/navigation';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { PersonPicker, personLabel } from '../../components/PersonPicker';
import { vocabLabel } from '../../components/vocab';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';

const vettingSchema = contract['hostFamily.addVetting'].input;
const agreementSchema = contract['hostFamily.saveAgreement'].input;
type ContributionRow = z.infer<typeof contributionRowSchema>;

function VettingForm({ structureId, onSaved }: { structureId: number; onSaved: (value: HostFamily) => void }) {
  const { t } = useTranslation();
  const today = todayInRome();
  const form = useForm<z.input<typeof vettingSchema>, unknown, z.output<typeof vettingSchema>>({
    resolver: zodResolver(vettingSchema),
    defaultValues: { structureId, vettedOn: today, outcome: undefined, vettedBy: '', renewalDue: addDays(today, 365), notes: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'renewalDue' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('hostFamily.addVetting', values);
    if (!result.ok) return handle(result.error);
    onSaved(result.value);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('hostFamily.addVetting')} data-testid="vetting-form">
      <Stack gap="xs">
        <Group align="flex-start" grow>
          <Controller control={form.control} name="vettedOn" render={({ field }) => (
            <DateField label={t('hostFamily.vettedOn')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.vettedOn)} />
          )} />
          <Controller control={form.control} name="outcome" render={({ field }) => (
            <Select label={t('hostFamily.outcome')} required data={VETTING_OUTCOMES.map((o) => ({ value: o, label: vocabLabel(t, 'vettingOutcomes', o) }))}
              value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.outcome)} />
          )} />
          <TextInput label={t('hostFamily.vettedBy')} required error={fieldError(errors.vettedBy)} {...form.register('vettedBy')} />
          <Controller control={form.control} name="renewalDue" render={({ field }) => (
            <DateField label={t('hostFamily.renewalDue')} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={fieldError(errors.renewalDue)} />
          )} />
        </Group>
        <Textarea label={t('hostFamily.notes')} autosize minRows={2} error={fieldError(errors.notes)} {...form.register('notes')} />
        <FormAlert messageKey={formError} />
        <Group><Button type="submit" loading={isSubmitting}>{t('hostFamily.addVetting')}</Button></Group>
      </Stack>
    </form>
  );
}

function AgreementForm({ structureId, onSaved }: { structureId: number; onSaved: (value: HostFamily) => void }) {
  const { t } = useTranslation();
  const today = todayInRome();
  const [person, setPerson] = useState<PersonRow | null>(null);
  const form = useForm<z.input<typeof agreementSchema>, unknown, z.output<typeof agreementSchema>>({
    resolver: zodResolver(agreementSchema),
    defaultValues: { structureId, personId: undefined, signedOn: today, startDate: today, endDate: '', conditions: '' },
  });
  const { formError, setFormError, handle } = useServerErrors(form, { INVALID_PERIOD: 'endDate' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('hostFamily.saveAgreement', values);
    if (!result.ok) return handle(result.error);
    onSaved(result.value);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('hostFamily.addAgreement')} data-testid="agreement-form">
      <Stack gap="xs">
        <PersonPicker label={t('hostFamily.person')} required value={person} error={fieldError(errors.personId)}
          onChange={(p) => { setPerson(p); form.setValue('personId', p?.id as number, { shouldValidate: false }); }} />
        <Group align="flex-start" grow>
          <Controller control={form.control} name="signedOn" render={({ field }) => (
            <DateField label={t('hostFamily.signedOn')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.signedOn)} />
          )} />
          <Controller control={form.control} name="startDate" render={({ field }) => (
            <DateField label={t('hostFamily.startDate')} required value={field.value || null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldError(errors.startDate)} />
          )} />
          <Controller control={form.control} name="endDate" render={({ field }) => (
            <DateField label={t('hostFamily.endDate')} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} error={fieldError(errors.endDate)} />
          )} />
        </Group>
        <Textarea label={t('hostFamily.conditions')} autosize minRows={2} error={fieldError(errors.conditions)} {...form.register('conditions')} />
        <FormAlert messageKey={formError} />
        <Group><Button type="submit" loading={isSubmitting}>{t('hostFamily.addAgreement')}</Button></Group>
      </Stack>
    </form>
  );
}

/** The host-family reimbursements of the households of the persons hosted here (housing contributions). */
function Reimbursements({ personIds }: { personIds: number[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'it';
  const [rows, setRows] = useState<ContributionRow[] | null>(null);
  const key = [...new Set(personIds)].join(',');
  useEffect(() => {
    let current = true;
    const ids = key ? key.split(',').map(Number) : [];
    void Promise.all(ids.map((personId) => call('contributions.ofHousehold', { personId }))).then((results) => {
      if (!current) return;
      const seen = new Set<number>();
      setRows(results.flatMap((r) => (r.ok ? r.value : [])).filter((c) => c.type === 'host_family_reimbursement' && !seen.has(c.id) && seen.add(c.id)));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return (
    <Stack gap="xs" data-testid="host-reimbursements">
      <Title order={3} size="h5">{t('hostFamily.reimbursements')}</Title>
      <Text size="sm" c="dimmed">{t('hostFamily.reimbursementsHint')}</Text>
      {rows && rows.length > 0 && (
        <Table verticalSpacing={4} maw={720}>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td ff="monospace">{c.reference}</Table.Td>
                <Table.Td>{c.householdCode}</Table.Td>
                <Table.Td>{vocabLabel(t, 'contributionStatuses', c.status)}</Table.Td>
                <Table.Td ta="right">{formatEuro(c.approvedCents ?? c.proposedCents, locale)}</Table.Td>
                <Table.Td ta="right">{formatEuro(c.paidCents, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function HostFamilySection({ structureId, canManage }: { structureId: number; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const host = useChannel('hostFamily.get', { structureId });
  const [adding, setAdding] = useState<'vetting' | 'agreement' | null>(null);
  const value = host.value;
  if (!value) return <FormAlert messageKey={host.error?.messageKey ?? null} />;
  const today = todayInRome();
  const current = value.vettings[0];
  const saved = (next: HostFamily) => {
    setAdding(null);
    host.setValue(next);
  };
  const name = (p: { code: string; displayName: string | null }) => personLabel(p, t('persons.restricted'));
  return (
    <Stack gap="md" component="section" aria-labelledby="host-title" data-testid="host-family">
      <Title order={2} id="host-title">{t('hostFamily.title')}</Title>
      <Card withBorder padding="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">{t('hostFamily.vetting')}</Title>
          {canManage && <Button size="xs" variant="light" onClick={() => setAdding(adding === 'vetting' ? null : 'vetting')}>{t('hostFamily.addVetting')}</Button>}
        </Group>
        {current ? (
          <Stack gap={2} data-testid="vetting-current">
            <Group gap="xs">
              <Badge color={current.outcome === 'not_approved' ? 'red' : current.outcome === 'approved' ? 'teal' : 'yellow'} variant="light">
                {vocabLabel(t, 'vettingOutcomes', current.outcome)}
              </Badge>
              <Text size="sm">{formatDate(current.vettedOn, locale)} · {current.vettedBy}</Text>
            </Group>
            {current.renewalDue && (
              <Text size="sm" c={current.renewalDue < today ? 'red.7' : undefined} fw={current.renewalDue < today ? 600 : undefined}>
                {t(current.renewalDue < today ? 'hostFamily.renewalOverdue' : 'hostFamily.renewalOn', { date: formatDate(current.renewalDue, locale) })}
              </Text>
            )}
            {current.notes && <Text size="sm" c="dimmed">{current.notes}</Text>}
            {value.vettings.length > 1 && (
              <Text size="xs" c="dimmed">
                {t('hostFamily.vettingHistory')}: {value.vettings.slice(1).map((v) => `${formatDate(v.vettedOn, locale)} ${vocabLabel(t, 'vettingOutcomes', v.outcome)}`).join(' · ')}
              </Text>
            )}
          </Stack>
        ) : (
          <Alert color="yellow" variant="light">{t('hostFamily.notVetted')}</Alert>
        )}
        {adding === 'vetting' && <VettingForm structureId={structureId} onSaved={saved} />}
      </Card>

      <Card withBorder padding="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">{t('hostFamily.agreements')}</Title>
          {canManage && <Button size="xs" variant="light" onClick={() => setAdding(adding === 'agreement' ? null : 'agreement')}>{t('hostFamily.addAgreement')}</Button>}
        </Group>
        {value.agreements.length === 0 && <Text size="sm" c="dimmed">{t('hostFamily.noAgreements')}</Text>}
        {value.agreements.map((a) => (
          <Text size="sm" key={a.id}>
            <Anchor component="button" type="button" onClick={() => navigate({ area: 'person', personId: a.personId })}>{name(a)}</Anchor>
            {' · '}{t('hostFamily.signedOn')} {formatDate(a.signedOn, locale)} · {formatDate(a.startDate, locale)} → {a.endDate ? formatDate(a.endDate, locale) : '…'}
            {a.conditions ? ` · ${a.conditions}` : ''}
          </Text>
        ))}
        {adding === 'agreement' && <AgreementForm structureId={structureId} onSaved={saved} />}
      </Card>

      <Card withBorder padding="sm">
        <Title order={3} size="h5" mb={4}>{t('hostFamily.placements')}</Title>
        {value.placements.length === 0 && <Text size="sm" c="dimmed">{t('hostFamily.noPlacements')}</Text>}
        {value.placements.map((p) => (
          <Text size="sm" key={p.id}>
            <Anchor component="button" type="button" onClick={() => navigate({ area: 'person', personId: p.personId })}>{name(p)}</Anchor>
            {' · '}{p.placeLabel} · {formatDate(p.startDate, locale)} → {p.endDate ? formatDate(p.endDate, locale) : '…'}
          </Text>
        ))}
      </Card>
      <Card withBorder padding="sm">
        <Reimbursements personIds={[...value.agreements.map((a) => a.personId), ...value.placements.map((p) => p.personId)]} />
      </Card>
    </Stack>
  );
}
