// Nuova accoglienza — the one intake: from a referral, from a free cell of the bed board, or from the menu.
// The woman and her children are registered here (or picked from the register, with their household), the
// household is built with them, matching proposes places that keep young children with their parent, and
// one confirm admits everyone (intake.admit: all or nothing). The confirmation names who went where.
import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { duplicateSchema, Match, PersonRow, Referral } from '../../../../electron/shared/channels/people';
import type { AvailablePlace } from '../../../../electron/shared/channels/places';
import { personFieldsSchema } from '../../../../electron/shared/channels/people';
import { todayInRome } from '../../../../electron/shared/dates';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { birthDateInFuture } from '../../../../electron/shared/guest-rules';
import { useNavigate, type Route } from '../../app/navigation';
import { DateField, isIsoDate } from '../../components/DateField';
import { ClosedMonthNotice } from '../month-close/ClosedMonthNotice';
import { FormAlert } from '../../components/forms';
import { vocabLabel } from '../../components/vocab';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatDateTime } from '../../i18n/format';
import { translateKey } from '../../i18n';
import { call } from '../../ipc/client';
import { MatchResults } from '../referrals/MatchResults';
import { needsSummary } from '../referrals/referral-labels';
import { IntakeDone, type Admitted } from './IntakeDone';
import { applyMatch, badYear, choosePlace, intakeRequest, knownRow, matchGuests, newRow, guestOf, rowLabel, swapPlaces, type IntakeRow } from './intake-model';
import { IntakePersonRow } from './IntakePersonRow';
import { isErrorBody, personWithHousehold, type LoadedPeople } from './load-members';
import { PersonPicker } from './PersonPicker';
import { rowErrorTarget, type RowField } from './refusals';

type Duplicate = z.infer<typeof duplicateSchema>;
type RowErrors = Partial<Record<RowField, string>>;

/** The places the rows can take from the entry date, re-asked when the dates or the people change. */
function useAvailability(from: string | null, to: string | null, rows: IntakeRow[]) {
  const guests = JSON.stringify(rows.map(guestOf));
  const key = from ? `${from}|${to ?? ''}|${guests}` : '';
  const [state, setState] = useState<{ key: string; places: AvailablePlace[] } | null>(null);
  useEffect(() => {
    if (!key || !from) return;
    let current = true;
    const timer = setTimeout(() => {
      void call('places.available', { from, to: to && to > from ? to : null, guests: JSON.parse(guests) as ReturnType<typeof guestOf>[] }).then((result) => {
        if (current && result.ok) setState({ key, places: result.value.places });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { places: state?.places ?? [], loading: !!key && state?.key !== key };
}

export function AdmissionPage({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const start = route.area === 'admission' ? route : { referralId: undefined, placeId: undefined, date: undefined, personId: undefined };
  const [entryDate, setEntryDate] = useState<string | null>(start.date ?? todayInRome());
  const [plannedEnd, setPlannedEnd] = useState<string | null>(null);
  const [dateErrors, setDateErrors] = useState<{ entryDate?: string; plannedEnd?: string }>({});
  const [rows, setRows] = useState<IntakeRow[]>(() => (start.referralId === undefined && start.personId === undefined ? [newRow('head', start.placeId ?? null)] : []));
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [duplicates, setDuplicates] = useState<Record<string, Duplicate[]>>({});
  const [referral, setReferral] = useState<Referral | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [loadingPeople, setLoadingPeople] = useState(false);
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [matching, setMatching] = useState(false);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<Admitted[] | null>(null);
  const pendingPlace = useRef<number | undefined>(start.placeId);

  const from = isIsoDate(entryDate) ? entryDate : null;
  const to = isIsoDate(plannedEnd) ? plannedEnd : null;
  const { places, loading: loadingPlaces } = useAvailability(from, to, rows);
  const cellPlace = useMemo(() => (start.placeId === undefined ? undefined : places.find((p) => p.placeId === start.placeId)), [places, start.placeId]);

  // A place chosen on the board before its end was known: once availability answers, the placement end follows.
  useEffect(() => {
    if (!from || places.length === 0) return;
    setRows((before) => {
      let changed = false;
      const next = before.map((row, i) => {
        if (row.placeId === null) return row;
        const expected = choosePlace(before, i, row.placeId, places, from)[i]!.placementEnd;
        if (row.placementEnd === null && expected !== null) {
          changed = true;
          return { ...row, placementEnd: expected };
        }
        return row;
      });
      return changed ? next : before;
    });
  }, [places, from]);

  const addLoaded = (loaded: LoadedPeople) => {
    setNotices((before) => [...before, ...loaded.alreadyHosted.map((m) => t('admission.alreadyHosted', { person: m.label }))]);
    setRows((before) => {
      // An empty first row (nothing typed yet) gives way to the person picked.
      const kept = before.filter((r) => r.known || r.fields.displayName.trim() !== '' || r.fields.birthDate || r.fields.gender);
      const place = before[0] && !before[0].known ? before[0].placeId : null;
      const added = loaded.members.filter((m) => !kept.some((r) => r.known?.personId === m.personId)).map((m) => knownRow(m, 'child'));
      const next = [...kept, ...added];
      const first = next[0];
      if (first && first.placeId === null && (place ?? pendingPlace.current) !== undefined) {
        next[0] = { ...first, placeId: place ?? pendingPlace.current ?? null };
        pendingPlace.current = undefined;
      }
      return next;
    });
  };

  const addPerson = async (personId: number) => {
    setLoadingPeople(true);
    const loaded = await personWithHousehold(personId, from ?? todayInRome());
    setLoadingPeople(false);
    if (isErrorBody(loaded)) return setFormError(loaded.messageKey);
    addLoaded(loaded);
  };

  // Prefill once: the referral and its person's household, or the person the admission was opened for; then,
  // from a referral's matching, the places of the structure chosen there.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let source: Referral | null = null;
      if (start.referralId !== undefined) {
        const result = await call('referrals.get', { id: start.referralId });
        if (cancelled) return;
        if (!result.ok) return setFormError(result.error.messageKey);
        source = result.value;
        setReferral(source);
      }
      const personId = start.personId ?? source?.personId ?? undefined;
      if (personId === undefined) {
        if (!cancelled) setRows((before) => (before.length === 0 ? [newRow('head', start.placeId ?? null)] : before));
        return;
      }
      setLoadingPeople(true);
      const loaded = await personWithHousehold(personId, start.date ?? todayInRome());
      setLoadingPeople(false);
      if (cancelled) return;
      if (isErrorBody(loaded)) return setFormError(loaded.messageKey);
      const list = loaded.members.map((m) => knownRow(m, 'child'));
      setNotices(loaded.alreadyHosted.map((m) => t('admission.alreadyHosted', { person: m.label })));
      if (source && start.placeId !== undefined && list.length > 0) {
        const date = start.date ?? todayInRome();
        const result = await call('referrals.match', { referralId: source.id, guests: matchGuests(list), placeId: start.placeId, from: date });
        if (cancelled) return;
        const match = result.ok ? result.value.find((m) => m.places.some((p) => p.placeId === start.placeId)) : undefined;
        pendingPlace.current = undefined;
        setRows(match ? applyMatch(list, match) : list.map((r, i) => (i === 0 ? { ...r, placeId: start.placeId ?? null } : r)));
      } else {
        setRows(list.map((r, i) => (i === 0 && start.placeId !== undefined ? { ...r, placeId: start.placeId } : r)));
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per admission opened: the route does not change while this page is shown.
  }, []);

  const updateRow = (index: number, row: IntakeRow) => {
    setRows((before) => before.map((r, i) => (i === index ? row : r)));
    setErrors((before) => ({ ...before, [row.key]: {} }));
  };

  const suggest = async () => {
    if (!from) return setDateErrors({ entryDate: 'validation.date' });
    setMatching(true);
    setFormError(null);
    const result = await call('referrals.match', {
      ...(referral ? { referralId: referral.id } : {}),
      guests: matchGuests(rows),
      ...(start.placeId !== undefined ? { placeId: start.placeId } : {}),
      from,
      ...(to && to > from ? { to } : {}),
    });
    setMatching(false);
    if (result.ok) setMatches(result.value);
    else setFormError(result.error.messageKey);
  };

  /** Checks what the desk can fix before asking the register: names, genders, dates, places. */
  const checkRows = (): boolean => {
    const found: Record<string, RowErrors> = {};
    const today = todayInRome();
    rows.forEach((row) => {
      const e: RowErrors = {};
      if (row.placeId === null) e.placeId = 'validation.required';
      if (row.placementEnd !== null && !isIsoDate(row.placementEnd)) e.placementEnd = 'validation.date';
      if (!row.known) {
        const parsed = personFieldsSchema.safeParse({ ...row.fields, birthYear: null, gender: row.fields.gender || undefined });
        if (!parsed.success) for (const issue of parsed.error.issues) e[issue.path[0] as RowField] ??= issue.message;
        if (badYear(row.fields)) e.birthYear = 'validation.birthYear';
        if (isIsoDate(row.fields.birthDate) && birthDateInFuture(row.fields.birthDate, today)) e.birthDate = 'validation.birthDateFuture';
      }
      if (Object.keys(e).length > 0) found[row.key] = e;
    });
    const dates: typeof dateErrors = {};
    if (!from) dates.entryDate = entryDate ? 'validation.date' : 'validation.required';
    if (plannedEnd && !to) dates.plannedEnd = 'validation.date';
    else if (from && to && to < from) dates.plannedEnd = 'errors.PLANNED_END_BEFORE_ENTRY';
    setErrors(found);
    setDateErrors(dates);
    return Object.keys(found).length === 0 && Object.keys(dates).length === 0 && rows.length > 0;
  };

  const showRefusal = async (error: ErrorBody) => {
    const found: Record<string, RowErrors> = {};
    let placed = false;
    for (const [name, keys] of Object.entries(error.fieldErrors ?? {})) {
      const message = keys[0] ?? error.messageKey;
      const target = rowErrorTarget(name, rows.length);
      if (target) {
        const key = rows[target.row]!.key;
        found[key] = { ...found[key], [target.field]: message };
        placed = true;
      } else if (name === 'entryDate' || name === 'plannedEnd') {
        setDateErrors((before) => ({ ...before, [name]: message }));
        placed = true;
      }
    }
    setErrors(found);
    setFormError(placed ? null : error.messageKey);
    // A possible duplicate: show who it may be, so the desk picks the registered person or says it is someone else.
    if (error.code === 'POSSIBLE_DUPLICATE') {
      const lists: Record<string, Duplicate[]> = {};
      for (const [i, row] of rows.entries()) {
        if (row.known || !found[row.key]) continue;
        const result = await call('persons.findDuplicates', { displayName: row.fields.displayName, birthDate: isIsoDate(row.fields.birthDate) ? row.fields.birthDate : null });
        if (result.ok) lists[row.key] = result.value;
        void i;
      }
      setDuplicates(lists);
    }
  };

  const submit = async () => {
    setFormError(null);
    if (!checkRows() || !from) return;
    setSaving(true);
    const request = intakeRequest(rows, { entryDate: from, plannedEnd: to, referralId: referral?.id ?? null });
    const result = await call('intake.admit', request);
    setSaving(false);
    if (!result.ok) return showRefusal(result.error);
    setDone(rows.map((row, i) => {
      const place = places.find((p) => p.placeId === row.placeId);
      const person = result.value.persons[i]!;
      return {
        personId: person.id, code: person.code, label: row.known?.label ?? (row.fields.restricted ? person.code : row.fields.displayName.trim()),
        structureName: place?.structureName ?? '', roomName: place?.roomName ?? '', placeLabel: place?.label ?? '', placementEnd: row.placementEnd,
      };
    }));
  };

  if (done) return <IntakeDone admitted={done} entryDate={from ?? ''} onAnother={() => navigate({ area: 'admission' })} />;

  const headLabel = rows[0] ? rowLabel(rows[0], t('admission.personN', { n: 1 })) : '';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
      aria-labelledby="admission-title"
      data-testid="admission-form"
    >
      <Stack gap="lg" maw={1100}>
        <PageTitle id="admission-title">{t('admission.title')}</PageTitle>
        {referral && (
          <Alert color="blue" variant="light" title={t('admission.fromReferral', { date: formatDateTime(referral.receivedAt, i18n.language) })} data-testid="admission-referral">
            {vocabLabel(t, 'referralSources', referral.source)} · {needsSummary(referral, t, i18n.language)}
          </Alert>
        )}
        {start.placeId !== undefined && !referral && (
          <Alert color="teal" variant="light" data-testid="admission-cell">
            {cellPlace
              ? t('admission.fromCell', { structure: cellPlace.structureName, room: cellPlace.roomName, place: cellPlace.label, date: formatDate(start.date ?? from ?? '', i18n.language) })
              : t('admission.fromCellLoading')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
          <DateField
            label={t('admission.entryDate')}
            required
            clearable={false}
            value={entryDate}
            onChange={(value) => {
              setEntryDate(value);
              setDateErrors((before) => ({ ...before, entryDate: undefined }));
            }}
            error={dateErrors.entryDate ? translateKey(dateErrors.entryDate) : undefined}
          />
          <DateField
            label={t('admission.plannedEnd')}
            value={plannedEnd}
            onChange={(value) => {
              setPlannedEnd(value);
              setDateErrors((before) => ({ ...before, plannedEnd: undefined }));
            }}
            error={dateErrors.plannedEnd ? translateKey(dateErrors.plannedEnd) : undefined}
          />
        </SimpleGrid>
        {/* A new stay counts from its entry date until today: every closed month since changes. */}
        <ClosedMonthNotice spans={[{ from: entryDate, untilToday: true }]} />

        <Stack gap="sm" component="section" aria-labelledby="admission-people">
          <Group justify="space-between">
            <Title order={2} size="h3" id="admission-people">
              {t('admission.people')}
            </Title>
            {loadingPlaces && <Loader size="xs" aria-label={t('app.loading')} />}
          </Group>
          {loadingPeople && <Loader size="sm" aria-label={t('app.loading')} />}
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {rows.map((row, index) => (
              <IntakePersonRow
                key={row.key}
                index={index}
                rows={rows}
                places={places}
                from={from ?? ''}
                errors={Object.fromEntries(Object.entries(errors[row.key] ?? {}).map(([field, key]) => [field, translateKey(key)]))}
                duplicates={duplicates[row.key] ?? null}
                onChange={(next) => updateRow(index, next)}
                onPlace={(placeId) => {
                  if (from) setRows((before) => choosePlace(before, index, placeId, places, from));
                  setErrors((before) => ({ ...before, [row.key]: { ...before[row.key], placeId: undefined } }));
                }}
                onSwap={(other) => setRows((before) => swapPlaces(before, index, other))}
                onRemove={rows.length > 1 ? () => setRows((before) => before.filter((_, i) => i !== index)) : null}
                onUseExisting={(d) => void (async () => {
                  setRows((before) => before.filter((_, i) => i !== index));
                  await addPerson(d.id);
                })()}
              />
            ))}
          </Stack>
          {notices.map((notice) => (
            <Alert key={notice} color="yellow" variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotices((n) => n.filter((x) => x !== notice))}>
              {notice}
            </Alert>
          ))}
          <Group align="flex-end" gap="md" wrap="wrap">
            <Button variant="light" onClick={() => setRows((before) => [...before, newRow(before.length === 0 ? 'head' : 'child')])} data-testid="intake-add-new">
              {rows.length === 0 ? t('admission.addNewHead') : t('admission.addNewMember', { person: headLabel })}
            </Button>
            <div style={{ flex: 1, minWidth: 280 }}>
              <PersonPicker label={t('admission.addPerson')} description={t('admission.addPersonHint')} excludeIds={rows.flatMap((r) => (r.known ? [r.known.personId] : []))} onPick={(row: PersonRow) => void addPerson(row.id)} />
            </div>
          </Group>
        </Stack>

        {rows.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="admission-suggest">
            <Group justify="space-between">
              <Title order={2} size="h3" id="admission-suggest">
                {t('admission.suggestTitle')}
              </Title>
              <Button variant="light" onClick={() => void suggest()} loading={matching} disabled={!from} data-testid="intake-suggest">
                {t('admission.suggest')}
              </Button>
            </Group>
            {matches && (
              <MatchResults
                matches={matches}
                onChoose={(match) => {
                  setRows((before) => applyMatch(before, match));
                  setMatches(null);
                }}
                chooseLabel={t('admission.useThesePlaces')}
                guestName={(i) => (rows[i] ? rowLabel(rows[i], t('admission.personN', { n: i + 1 })) : '')}
              />
            )}
          </Stack>
        )}

        <FormAlert messageKey={formError} />
        <Group>
          <Button type="submit" loading={saving} data-testid="admission-submit">
            {t('admission.submit', { count: rows.length })}
          </Button>
          <Button variant="default" type="button" onClick={() => navigate(referral ? { area: 'referrals', referralId: referral.id } : { area: 'board', ...(start.date ? { date: start.date } : {}) })}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
