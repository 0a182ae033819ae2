// The assessment of a household (and the proposed amount), for a new contribution or while it is still
// proposed. The suggested amount of the rule table is shown as the form is filled in, with how it was reached.
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionDetail } from '../../../../electron/shared/channels/contributions';
import {
  CONTRIBUTION_TYPES, EMERGENCY_LEVELS, HOUSING_SITUATIONS, type ContributionType, type EmergencyLevel, type Suggestion,
} from '../../../../electron/shared/contributions';
import { todayInRome } from '../../../../electron/shared/dates';
import type { ErrorBody } from '../../../../electron/shared/errors';
import type { ChannelInput } from '../../../../electron/shared/contract';
import { DateField } from '../../components/DateField';
import { call } from '../../ipc/client';
import { MoneyInput, readAmount, toInput, useEuro, useSubmit } from './money';

type Assessment = ChannelInput<'contributions.create'>['assessment'];
export interface AssessmentValues {
  type: ContributionType;
  partnerId: number | null;
  assessment: Assessment;
  proposedCents: number;
  paperReferences: string | null;
}

interface Props {
  /** Set when reassessing: the type and partner stay as they are. */
  existing?: ContributionDetail;
  householdSize: number;
  submitLabel: string;
  onSubmit: (values: AssessmentValues) => Promise<ErrorBody | null>;
}

export function SuggestionExplained({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useTranslation();
  const euro = useEuro();
  if (suggestion.suggestedCents === null) return <Text size="sm" data-testid="suggestion">{t('contributions.suggestionNone')}</Text>;
  return (
    <Stack gap={2} data-testid="suggestion">
      <Text fw={700}>{t('contributions.suggestion')}: <span data-testid="suggested-amount">{euro(suggestion.suggestedCents)}</span></Text>
      <Text size="sm">{t('contributions.suggestionBand', {
        band: suggestion.band, base: euro(suggestion.baseCents), extra: suggestion.extraMembers, per: euro(suggestion.perExtraMemberCents), raw: euro(suggestion.rawCents),
      })}</Text>
      {suggestion.cappedBy && (
        <Text size="sm">{t(suggestion.cappedBy === 'band' ? 'contributions.suggestionCappedBand' : 'contributions.suggestionCappedType', { cap: euro(suggestion.capCents) })}</Text>
      )}
      <Text size="xs" c="dimmed">{t('contributions.suggestionNote')}</Text>
    </Stack>
  );
}

const FIELDS = ['type', 'householdSize', 'monthlyIncomeCents', 'iseeCents', 'housingSituation', 'emergencyLevel', 'notes', 'assessedAt', 'proposedCents', 'paperReferences'] as const;

export function AssessmentForm({ existing, householdSize, submitLabel, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const a = existing?.assessment;
  const [type, setType] = useState<ContributionType | null>(existing?.row.type ?? null);
  const [partnerId, setPartnerId] = useState<string | null>(existing?.partnerId ? String(existing.partnerId) : null);
  const [partners, setPartners] = useState<{ value: string; label: string }[]>([]);
  const [size, setSize] = useState<number | string>(a?.householdSize ?? householdSize);
  const [income, setIncome] = useState(toInput(a?.monthlyIncomeCents, locale));
  const [isee, setIsee] = useState(toInput(a?.iseeCents, locale));
  const [housing, setHousing] = useState<string | null>(a?.housingSituation ?? null);
  const [emergency, setEmergency] = useState<EmergencyLevel | null>(a?.emergencyLevel ?? null);
  const [notes, setNotes] = useState(a?.notes ?? '');
  const [assessedAt, setAssessedAt] = useState<string | null>(a?.assessedAt ?? todayInRome());
  const [proposed, setProposed] = useState(toInput(existing?.row.proposedCents, locale));
  const [paper, setPaper] = useState(existing?.paperReferences ?? '');
  const [suggestion, setSuggestion] = useState<Suggestion | null>(existing?.suggestion ?? null);
  const submit = useSubmit();
  const { errors } = submit;

  useEffect(() => {
    if (existing) return;
    void call('partners.list', {}).then((r) => r.ok && setPartners(r.value.filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.name }))));
  }, [existing]);

  // The live suggestion: asked again when what it depends on settles.
  const [inputs] = useDebouncedValue(JSON.stringify({ type, size, emergency, isee }), 250);
  useEffect(() => {
    const parsed = JSON.parse(inputs) as { type: ContributionType | null; size: number | string; emergency: EmergencyLevel | null; isee: string };
    const iseeCents = readAmount(parsed.isee, false);
    if (!parsed.type || !parsed.emergency || typeof parsed.size !== 'number' || iseeCents.error) return;
    let current = true;
    void call('contributions.suggest', { type: parsed.type, householdSize: parsed.size, emergencyLevel: parsed.emergency, iseeCents: iseeCents.cents })
      .then((r) => current && r.ok && setSuggestion(r.value));
    return () => {
      current = false;
    };
  }, [inputs]);

  const save = () => submit.run(async () => {
    const local: Record<string, string> = {};
    const incomeRead = readAmount(income, true);
    const iseeRead = readAmount(isee, false);
    const proposedRead = readAmount(proposed, true);
    if (incomeRead.error) local.monthlyIncomeCents = incomeRead.error;
    if (iseeRead.error) local.iseeCents = iseeRead.error;
    if (proposedRead.error) local.proposedCents = proposedRead.error;
    if (!type) local.type = 'validation.required';
    if (!housing) local.housingSituation = 'validation.required';
    if (!emergency) local.emergencyLevel = 'validation.required';
    if (typeof size !== 'number') local.householdSize = 'validation.required';
    if (!assessedAt) local.assessedAt = 'validation.date';
    if (Object.keys(local).length) {
      submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: Object.fromEntries(Object.entries(local).map(([k, v]) => [k, [v]])) }, FIELDS);
      return;
    }
    const refused = await onSubmit({
      type: type!, partnerId: partnerId ? Number(partnerId) : null, proposedCents: proposedRead.cents!, paperReferences: paper || null,
      assessment: {
        householdSize: size as number, monthlyIncomeCents: incomeRead.cents!, iseeCents: iseeRead.cents, housingSituation: housing as Assessment['housingSituation'],
        emergencyLevel: emergency!, notes: notes || null, assessedAt: assessedAt!,
      },
    });
    if (refused) submit.fail(refused, FIELDS);
    else submit.clear();
  });

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('contributions.type')} required disabled={!!existing} value={type} onChange={(v) => setType(v as ContributionType | null)}
              data={CONTRIBUTION_TYPES.map((c) => ({ value: c, label: t(`vocab.contributionTypes.${c}`) }))} error={errors.type} data-testid="assessment-type" />
            {!existing && (
              <Select label={t('contributions.partner')} clearable placeholder={t('contributions.noPartner')} value={partnerId} onChange={setPartnerId} data={partners} />
            )}
            <NumberInput label={t('contributions.householdSize')} required min={1} max={30} allowDecimal={false} value={size} onChange={setSize}
              error={errors.householdSize} data-testid="assessment-size" />
            <MoneyInput label={t('contributions.monthlyIncome')} required value={income} onChange={setIncome} error={errors.monthlyIncomeCents} data-testid="assessment-income" />
            <MoneyInput label={t('contributions.isee')} value={isee} onChange={setIsee} error={errors.iseeCents} data-testid="assessment-isee" />
            <Select label={t('contributions.housingSituation')} required value={housing} onChange={setHousing}
              data={HOUSING_SITUATIONS.map((c) => ({ value: c, label: t(`vocab.housingSituations.${c}`) }))} error={errors.housingSituation} data-testid="assessment-housing" />
            <Select label={t('contributions.emergencyLevel')} required value={emergency} onChange={(v) => setEmergency(v as EmergencyLevel | null)}
              data={EMERGENCY_LEVELS.map((c) => ({ value: c, label: t(`vocab.emergencyLevels.${c}`) }))} error={errors.emergencyLevel} data-testid="assessment-emergency" />
            <DateField label={t('contributions.assessedAt')} required value={assessedAt} onChange={setAssessedAt} error={errors.assessedAt} />
          </SimpleGrid>
          <Textarea label={t('contributions.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} error={errors.notes} />
          {suggestion && (
            <Alert variant="light" color="teal">
              <SuggestionExplained suggestion={suggestion} />
              {suggestion.suggestedCents !== null && (
                <Button mt="xs" size="xs" variant="light" onClick={() => setProposed(toInput(suggestion.suggestedCents, locale))} data-testid="use-suggestion">
                  {t('contributions.useSuggestion')}
                </Button>
              )}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MoneyInput label={t('contributions.proposedAmount')} required value={proposed} onChange={setProposed} error={errors.proposedCents} data-testid="assessment-proposed" />
            <TextInput label={t('contributions.paperReferences')} value={paper} onChange={(e) => setPaper(e.currentTarget.value)} error={errors.paperReferences} />
          </SimpleGrid>
          {submit.message && <Alert color="red" role="alert" data-testid="form-error">{submit.message}</Alert>}
          <Group><Button type="submit" loading={submit.busy} data-testid="assessment-submit">{submitLabel}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
