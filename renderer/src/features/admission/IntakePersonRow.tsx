// One person of the intake: a registered person (name, code, age) or one typed now (name, gender, birth
// date or estimated year, restricted), the relationship to the head, and the place for the first night.
// The place picker lists every place this person can take from the entry date, grouped by structure,
// with "libero fino al …" where a later booking ends the placement; a place another row holds is listed
// too ("scelto per …") and picking it swaps the two.
import { Alert, Badge, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { duplicateSchema } from '../../../../electron/shared/channels/people';
import type { AvailablePlace } from '../../../../electron/shared/channels/places';
import { GENDERS, RELATIONSHIPS } from '../../../../electron/shared/domain';
import { addDays } from '../../../../electron/shared/dates';
import type { z } from 'zod';
import { DateField } from '../../components/DateField';
import { vocabOptions } from '../../components/vocab';
import { formatDate } from '../../i18n/format';
import { placesFor, rowLabel, type IntakeRow, type Relationship } from './intake-model';
import type { RowField } from './refusals';

type Duplicate = z.infer<typeof duplicateSchema>;

interface Props {
  index: number;
  rows: IntakeRow[];
  places: AvailablePlace[];
  from: string;
  errors: Partial<Record<RowField, string>>;
  duplicates: Duplicate[] | null;
  onChange: (row: IntakeRow) => void;
  onPlace: (placeId: number | null) => void;
  onSwap: (other: number) => void;
  onRemove: (() => void) | null;
  onUseExisting: (duplicate: Duplicate) => void;
}

export function IntakePersonRow({ index, rows, places, from, errors, duplicates, onChange, onPlace, onSwap, onRemove, onUseExisting }: Props) {
  const { t, i18n } = useTranslation();
  const row = rows[index]!;
  const name = rowLabel(row, t('admission.personN', { n: index + 1 }));
  const set = (fields: Partial<IntakeRow['fields']>) => onChange({ ...row, fields: { ...row.fields, ...fields } });
  const date = (iso: string) => formatDate(iso, i18n.language);

  // The structures in order, each with the places this person can take; the chosen place stays listed.
  const offered = placesFor(places, index, from);
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const place of offered) {
    const holder = rows.findIndex((r, i) => i !== index && r.placeId === place.placeId);
    const parts = [`${place.label} · ${place.roomName}`];
    if (place.kind === 'cot') parts.push(`(${t('vocab.placeKinds.cot')})`);
    if (place.freeUntil) parts.push(`— ${t('admission.freeUntil', { date: date(place.freeUntil) })}`);
    if (holder >= 0) parts.push(`— ${t('admission.heldBy', { person: rowLabel(rows[holder]!, t('admission.personN', { n: holder + 1 })) })}`);
    const group = groups.get(place.structureName) ?? [];
    group.push({ value: String(place.placeId), label: parts.join(' ') });
    groups.set(place.structureName, group);
  }
  const chosenOffered = row.placeId !== null && offered.some((p) => p.placeId === row.placeId);
  const chosen = places.find((p) => p.placeId === row.placeId);
  const placeData = [
    { value: '', label: t('admission.choosePlace') },
    ...(row.placeId !== null && !chosenOffered ? [{ value: String(row.placeId), label: t('admission.notFree', { place: chosen ? `${chosen.label} · ${chosen.roomName}` : `#${row.placeId}` }) }] : []),
    ...[...groups.entries()].map(([group, items]) => ({ group, items })),
  ];
  const others = rows.map((r, i) => ({ r, i })).filter(({ i }) => i !== index);

  return (
    <Card withBorder padding="sm" component="li" data-testid="admission-member" data-person-id={row.known?.personId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={700}>{index === 0 ? t('admission.headTitle', { person: name }) : name}</Text>
            {row.known && row.known.label !== row.known.code && (
              <Text size="sm" ff="monospace" c="dimmed">
                {row.known.code}
              </Text>
            )}
            {row.known?.age != null && (
              <Text size="sm" c="dimmed">
                {t('admission.age', { count: row.known.age })}
              </Text>
            )}
            {!row.known && (
              <Badge variant="light" color="blue" tt="none">
                {t('admission.newPerson')}
              </Badge>
            )}
          </Group>
          {onRemove && (
            <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove} aria-label={t('admission.removeMember', { person: name })}>
              {t('admission.remove')}
            </Button>
          )}
        </Group>

        {!row.known && (
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <TextInput
              label={t('admission.name')}
              required
              value={row.fields.displayName}
              onChange={(event) => set({ displayName: event.currentTarget.value })}
              error={errors.displayName}
              data-testid={`intake-name-${index}`}
            />
            <NativeSelect
              label={t('admission.gender')}
              required
              value={row.fields.gender}
              onChange={(event) => set({ gender: event.currentTarget.value as IntakeRow['fields']['gender'] })}
              data={[{ value: '', label: t('admission.choose') }, ...vocabOptions(t, 'genders', GENDERS)]}
              error={errors.gender}
              data-testid={`intake-gender-${index}`}
            />
            <DateField
              label={t('admission.birthDate')}
              value={row.fields.birthDate}
              onChange={(value) => set({ birthDate: value })}
              error={errors.birthDate}
              data-testid={`intake-birth-${index}`}
            />
            <TextInput
              label={t('admission.birthYear')}
              description={t('admission.birthYearHint')}
              inputMode="numeric"
              maxLength={4}
              value={row.fields.birthYear}
              onChange={(event) => set({ birthYear: event.currentTarget.value })}
              error={errors.birthYear}
            />
          </SimpleGrid>
        )}
        {!row.known && (
          <Checkbox
            label={t('admission.restricted')}
            checked={row.fields.restricted}
            onChange={(event) => set({ restricted: event.currentTarget.checked })}
          />
        )}
        {errors.personId && (
          <Text c="red" size="sm" role="alert">
            {errors.personId}
          </Text>
        )}
        {duplicates && duplicates.length > 0 && (
          <Alert color="yellow" variant="light" title={t('admission.duplicatesTitle')} data-testid="intake-duplicates">
            <Stack gap={4}>
              {duplicates.map((d) => (
                <Group key={d.id} gap="xs">
                  <Text size="sm" ff="monospace">{d.code}</Text>
                  {d.displayName && <Text size="sm" fw={600}>{d.displayName}</Text>}
                  <Button size="compact-xs" variant="light" onClick={() => onUseExisting(d)}>
                    {t('admission.useExisting')}
                  </Button>
                </Group>
              ))}
              <Checkbox
                label={t('admission.notADuplicate')}
                checked={row.acknowledgeDuplicates}
                onChange={(event) => onChange({ ...row, acknowledgeDuplicates: event.currentTarget.checked })}
              />
            </Stack>
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, sm: index === 0 ? 2 : 3 }} spacing="sm">
          {index > 0 && (
            <NativeSelect
              label={t('admission.relationship')}
              value={row.relationship}
              disabled={row.known?.householdRelationship != null}
              onChange={(event) => onChange({ ...row, relationship: event.currentTarget.value as Relationship })}
              data={vocabOptions(t, 'relationships', RELATIONSHIPS.filter((r) => r !== 'head'))}
              error={errors.relationship}
            />
          )}
          <NativeSelect
            label={t('admission.placeFor', { person: name })}
            value={row.placeId === null ? '' : String(row.placeId)}
            onChange={(event) => onPlace(event.currentTarget.value ? Number(event.currentTarget.value) : null)}
            data={placeData}
            error={errors.placeId}
            data-testid={`admission-place-${index}`}
          />
          {others.length > 0 && (
            <NativeSelect
              label={t('admission.swapWith')}
              value=""
              disabled={row.placeId === null}
              onChange={(event) => event.currentTarget.value && onSwap(Number(event.currentTarget.value))}
              data={[{ value: '', label: t('admission.swapChoose') }, ...others.map(({ r, i }) => ({ value: String(i), label: rowLabel(r, t('admission.personN', { n: i + 1 })) }))]}
              data-testid={`admission-swap-${index}`}
            />
          )}
        </SimpleGrid>
        {row.placementEnd !== null && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('admission.placementEnd')}
              description={t('admission.placementEndHint', { date: date(addDays(row.placementEnd, -1)) })}
              value={row.placementEnd}
              onChange={(value) => onChange({ ...row, placementEnd: value })}
              clearable={false}
              error={errors.placementEnd}
              data-testid={`admission-placement-end-${index}`}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
