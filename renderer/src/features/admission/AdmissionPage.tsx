// Nuova accoglienza: entry date, planned end, the people admitted (from a referral, a person, or a search;
// a household comes together) and the place for each, prefilled from a bed-board cell or the matching.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Match, PersonRow, Referral } from '../../../../electron/shared/channels/people';
import { contract } from '../../../../electron/shared/contract';
import { addDays, todayInRome } from '../../../../electron/shared/dates';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { useNavigate, type Route } from '../../app/navigation';
import { DateField } from '../../components/DateField';
import { FormAlert, useFieldError } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useFreePlaces } from '../board/use-free-places';
import { MatchResults } from '../referrals/MatchResults';
import { needsSummary } from '../referrals/referral-labels';
import { assignPlaces } from './assign';
import { isErrorBody, personWithHousehold, type LoadedPeople } from './load-members';
import { MemberPlaceRow, type MemberInfo } from './MemberPlaceRow';
import { PersonPicker } from './PersonPicker';
import { memberErrorTarget } from './refusals';
import { vocabLabel } from '../../components/vocab';

const schema = contract['stays.admit'].input;
type Values = z.input<typeof schema>;
type Member = { personId: number; placeId: number };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function AdmissionPage({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const fieldError = useFieldError();
  const start = route.area === 'admission' ? route : { referralId: undefined, placeId: undefined, date: undefined, personId: undefined };
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { entryDate: start.date ?? todayInRome(), plannedEnd: null, referralId: start.referralId ?? null, householdId: null, members: [] },
  });
  const { fields, replace, remove } = useFieldArray({ control: form.control, name: 'members' });
  const { errors, isSubmitting } = form.formState;
  const [people, setPeople] = useState<Map<number, MemberInfo>>(new Map());
  const [structureChoice, setStructureChoice] = useState<Record<number, number | undefined>>({});
  const [referral, setReferral] = useState<Referral | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [loadingPeople, setLoadingPeople] = useState(false);
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [matching, setMatching] = useState(false);
  // A place chosen on the bed board before anyone was picked: it goes to the first person added.
  const pendingPlace = useRef<number | undefined>(start.placeId);

  const members = (form.watch('members') ?? []) as Member[];
  const entryDate = form.watch('entryDate');
  const plannedEnd = form.watch('plannedEnd');
  const range = useMemo(() => {
    if (!entryDate || !ISO.test(entryDate)) return null;
    return { from: entryDate, to: plannedEnd && ISO.test(plannedEnd) && plannedEnd > entryDate ? plannedEnd : addDays(entryDate, 1) };
  }, [entryDate, plannedEnd]);

  const { free, allPlaces } = useFreePlaces(range);

  const addLoaded = (loaded: LoadedPeople) => {
    setPeople((before) => new Map([...before, ...[...loaded.members, ...loaded.alreadyHosted].map((m) => [m.personId, m] as const)]));
    setNotices((before) => [...before, ...loaded.alreadyHosted.map((m) => t('admission.alreadyHosted', { person: m.label }))]);
    if (form.getValues('householdId') == null && loaded.householdId !== null) form.setValue('householdId', loaded.householdId);
    const now = (form.getValues('members') ?? []) as Member[];
    const next = [...now, ...loaded.members.filter((m) => !now.some((n) => n.personId === m.personId)).map((m) => ({ personId: m.personId, placeId: undefined as unknown as number }))];
    if (pendingPlace.current !== undefined && next[0] && next[0].placeId === undefined) {
      next[0] = { ...next[0], placeId: pendingPlace.current };
      pendingPlace.current = undefined;
    }
    replace(next);
    return next;
  };

  const applyMatch = (match: Match, list: Member[]) => {
    const assigned = assignPlaces(list.map((m) => ({ personId: m.personId, age: people.get(m.personId)?.age ?? null })), match.places);
    replace(list.map((m) => ({ personId: m.personId, placeId: (assigned.get(m.personId) ?? undefined) as unknown as number })));
    setStructureChoice(Object.fromEntries(list.map((m) => [m.personId, match.structureId])));
    setMatches(null);
  };

  const addPerson = async (personId: number) => {
    setLoadingPeople(true);
    const loaded = await personWithHousehold(personId, form.getValues('entryDate'));
    setLoadingPeople(false);
    if (isErrorBody(loaded)) return setFormError(loaded.messageKey);
    return addLoaded(loaded);
  };

  // Prefill once: the referral and its person's household, or the person the admission was opened for; then
  // the places of the structure chosen in the matching.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let from: Referral | null = null;
      if (start.referralId !== undefined) {
        const result = await call('referrals.get', { id: start.referralId });
        if (cancelled) return;
        if (!result.ok) return setFormError(result.error.messageKey);
        from = result.value;
        setReferral(from);
        if (from.householdId !== null) form.setValue('householdId', from.householdId);
      }
      const personId = start.personId ?? from?.personId ?? undefined;
      if (personId === undefined) return;
      setLoadingPeople(true);
      const loaded = await personWithHousehold(personId, form.getValues('entryDate'));
      setLoadingPeople(false);
      if (cancelled) return;
      if (isErrorBody(loaded)) return setFormError(loaded.messageKey);
      const list = addLoaded(loaded);
      if (from && start.placeId !== undefined && list.length > 0) {
        const result = await call('referrals.match', { referralId: from.id, from: form.getValues('entryDate') });
        if (cancelled) return;
        const match = result.ok ? result.value.find((m) => m.places.some((p) => p.placeId === start.placeId)) : undefined;
        if (match) {
          const assigned = assignPlaces(list.map((m) => ({ personId: m.personId, age: loaded.members.find((x) => x.personId === m.personId)?.age ?? null })), match.places);
          replace(list.map((m) => ({ personId: m.personId, placeId: (assigned.get(m.personId) ?? undefined) as unknown as number })));
          setStructureChoice(Object.fromEntries(list.map((m) => [m.personId, match.structureId])));
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per admission opened: the route does not change while this page is shown.
  }, []);

  const suggest = async () => {
    if (!range) return;
    setMatching(true);
    const ages = members.map((m) => people.get(m.personId)?.age).filter((age): age is number => age !== null && age !== undefined && age < 18);
    const to = range.to > addDays(range.from, 1) ? range.to : undefined;
    const result = referral
      ? await call('referrals.match', { referralId: referral.id, from: range.from, ...(to ? { to } : {}) })
      : await call('referrals.match', { needs: { people: Math.max(1, members.length), childrenAges: ages }, from: range.from, ...(to ? { to } : {}) });
    setMatching(false);
    if (result.ok) setMatches(result.value);
    else setFormError(result.error.messageKey);
  };

  const showRefusal = (error: ErrorBody) => {
    let placed = false;
    for (const [name, keys] of Object.entries(error.fieldErrors ?? {})) {
      const target = memberErrorTarget(name, members.length);
      const message = keys[0] ?? error.messageKey;
      if (target) {
        form.setError(target, { type: 'server', message });
        placed = true;
      } else if (name === 'entryDate' || name === 'plannedEnd') {
        form.setError(name, { type: 'server', message });
        placed = true;
      }
    }
    setFormError(placed ? null : error.messageKey);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('stays.admit', values);
    if (!result.ok) return showRefusal(result.error);
    const first = values.members[0];
    navigate(first ? { area: 'person', personId: first.personId } : { area: 'board' });
  });

  const membersError = errors.members?.message ?? errors.members?.root?.message;
  const chosen = members.map((m) => m.placeId).filter((id): id is number => id !== undefined);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="admission-title" data-testid="admission-form">
      <Stack gap="lg" maw={960}>
        <PageTitle id="admission-title">{t('admission.title')}</PageTitle>
        {referral && (
          <Alert color="blue" variant="light" title={t('admission.fromReferral', { date: formatDateTime(referral.receivedAt, i18n.language) })} data-testid="admission-referral">
            {vocabLabel(t, 'referralSources', referral.source)} · {needsSummary(referral, t, i18n.language)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
          <Controller
            control={form.control}
            name="entryDate"
            render={({ field }) => (
              <DateField label={t('admission.entryDate')} required value={field.value || null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={fieldError(errors.entryDate)} />
            )}
          />
          <Controller
            control={form.control}
            name="plannedEnd"
            render={({ field }) => (
              <DateField label={t('admission.plannedEnd')} value={field.value || null} onChange={(v) => field.onChange(v)} onBlur={field.onBlur} error={fieldError(errors.plannedEnd)} />
            )}
          />
        </SimpleGrid>

        <Stack gap="sm" component="section" aria-labelledby="admission-people">
          <Title order={2} size="h3" id="admission-people">
            {t('admission.people')}
          </Title>
          {loadingPeople && <Loader size="sm" aria-label={t('app.loading')} />}
          {fields.length === 0 && !loadingPeople && <Text c="dimmed">{t('admission.noPeople')}</Text>}
          {fields.length > 0 && (
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {fields.map((item, index) => {
                const member = members[index];
                const info = member && people.get(member.personId);
                if (!member || !info) return null;
                return (
                  <MemberPlaceRow
                    key={item.id}
                    index={index}
                    member={info}
                    placeId={member.placeId}
                    free={free}
                    allPlaces={allPlaces}
                    takenByOthers={new Set(chosen.filter((id) => id !== member.placeId))}
                    structureId={structureChoice[member.personId]}
                    onStructure={(id) => setStructureChoice((before) => ({ ...before, [member.personId]: id }))}
                    onPlace={(id) => {
                      form.setValue(`members.${index}.placeId`, id as number, { shouldValidate: form.formState.isSubmitted });
                      form.clearErrors(`members.${index}`);
                    }}
                    onRemove={() => remove(index)}
                    personError={fieldError(errors.members?.[index]?.personId)}
                    placeError={fieldError(errors.members?.[index]?.placeId)}
                  />
                );
              })}
            </Stack>
          )}
          {membersError && (
            <Text c="red" size="sm" role="alert">
              {fieldError({ type: 'validate', message: membersError })}
            </Text>
          )}
          {notices.map((notice) => (
            <Alert key={notice} color="yellow" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotices((n) => n.filter((x) => x !== notice))}>
              {notice}
            </Alert>
          ))}
          <PersonPickerRow excludeIds={members.map((m) => m.personId)} onPick={(row) => void addPerson(row.id)} referralId={referral?.id} />
        </Stack>

        {members.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="admission-suggest">
            <Group justify="space-between">
              <Title order={2} size="h3" id="admission-suggest">
                {t('admission.suggestTitle')}
              </Title>
              <Button variant="light" onClick={() => void suggest()} loading={matching} disabled={!range}>
                {t('admission.suggest')}
              </Button>
            </Group>
            {matches && <MatchResults matches={matches} onChoose={(match) => applyMatch(match, members)} chooseLabel={t('admission.useThesePlaces')} />}
          </Stack>
        )}

        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" loading={isSubmitting} data-testid="admission-submit">
            {t('admission.submit')}
          </Button>
          <Button variant="default" type="button" onClick={() => navigate(referral ? { area: 'referrals', referralId: referral.id } : { area: 'board', ...(start.date ? { date: start.date } : {}) })}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adding people: a search, and for a referral about someone not yet registered, the way to register them. */
function PersonPickerRow({ excludeIds, onPick, referralId }: { excludeIds: number[]; onPick: (row: PersonRow) => void; referralId: number | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <div style={{ flex: 1, minWidth: 280 }}>
        <PersonPicker label={t('admission.addPerson')} description={t('admission.addPersonHint')} excludeIds={excludeIds} onPick={onPick} />
      </div>
      <Button variant="default" onClick={() => navigate(referralId !== undefined ? { area: 'personNew', referralId } : { area: 'personNew' })}>
        {t('admission.registerPerson')}
      </Button>
    </Group>
  );
}
