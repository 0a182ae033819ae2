// One person being admitted: who they are, and the place for their first night, chosen as a structure
// then one of its free places. A refusal about this person or place shows here.
import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardPlace } from '../../../../electron/shared/channels/places';
import { vocabLabel } from '../../components/vocab';

export interface MemberInfo {
  personId: number;
  code: string;
  /** Alias or name; the code for a restricted person. */
  label: string;
  age: number | null;
  gender: string;
  relationship: string | null;
}

interface Props {
  index: number;
  member: MemberInfo;
  placeId: number | undefined;
  /** Free places over the stay's first nights, all structures. */
  free: BoardPlace[];
  /** Every place of the register, to name a chosen place that is not (or no longer) free. */
  allPlaces: Map<number, BoardPlace>;
  /** Places chosen for the other members. */
  takenByOthers: Set<number>;
  structureId: number | undefined;
  onStructure: (structureId: number | undefined) => void;
  onPlace: (placeId: number | undefined) => void;
  onRemove: () => void;
  personError?: string;
  placeError?: string;
}

export function MemberPlaceRow(props: Props) {
  const { index, member, placeId, free, allPlaces, takenByOthers, structureId, onStructure, onPlace, onRemove, personError, placeError } = props;
  const { t } = useTranslation();
  const current = placeId !== undefined ? allPlaces.get(placeId) : undefined;
  const chosenStructure = structureId ?? current?.structureId;

  const structures = new Map<number, { name: string; count: number }>();
  for (const place of free) {
    if (takenByOthers.has(place.placeId)) continue;
    const entry = structures.get(place.structureId) ?? { name: place.structureName, count: 0 };
    entry.count += 1;
    structures.set(place.structureId, entry);
  }
  if (current && !structures.has(current.structureId)) structures.set(current.structureId, { name: current.structureName, count: 0 });

  const places = free.filter((p) => p.structureId === chosenStructure && (!takenByOthers.has(p.placeId) || p.placeId === placeId));
  const currentIsFree = current !== undefined && places.some((p) => p.placeId === current.placeId);
  const placeLabel = (p: BoardPlace) => `${p.label} · ${p.roomName}${p.kind === 'cot' ? ` (${t('vocab.placeKinds.cot')})` : ''}`;

  return (
    <Card withBorder padding="sm" component="li" data-testid="admission-member" data-person-id={member.personId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={700}>{member.label}</Text>
            {member.label !== member.code && (
              <Text size="sm" ff="monospace" c="dimmed">
                {member.code}
              </Text>
            )}
            {member.relationship && (
              <Badge variant="light" color="gray" tt="none">
                {vocabLabel(t, 'relationships', member.relationship)}
              </Badge>
            )}
            {member.age !== null && (
              <Text size="sm" c="dimmed">
                {t('admission.age', { count: member.age })}
              </Text>
            )}
          </Group>
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove} aria-label={t('admission.removeMember', { person: member.label })}>
            {t('admission.remove')}
          </Button>
        </Group>
        {personError && (
          <Text c="red" size="sm" role="alert">
            {personError}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('admission.structureFor', { person: member.label })}
            value={chosenStructure === undefined ? '' : String(chosenStructure)}
            onChange={(event) => {
              const next = event.currentTarget.value ? Number(event.currentTarget.value) : undefined;
              onStructure(next);
              if (next !== current?.structureId) onPlace(undefined);
            }}
            data={[
              { value: '', label: t('admission.chooseStructure') },
              ...[...structures.entries()].map(([id, s]) => ({ value: String(id), label: t('admission.structureOption', { name: s.name, count: s.count }) })),
            ]}
            data-testid={`admission-structure-${index}`}
          />
          <NativeSelect
            label={t('admission.placeFor', { person: member.label })}
            value={placeId === undefined ? '' : String(placeId)}
            onChange={(event) => onPlace(event.currentTarget.value ? Number(event.currentTarget.value) : undefined)}
            data={[
              { value: '', label: chosenStructure === undefined ? t('admission.chooseStructureFirst') : t('admission.choosePlace') },
              ...(current && !currentIsFree ? [{ value: String(current.placeId), label: t('admission.notFree', { place: placeLabel(current) }) }] : []),
              ...places.map((p) => ({ value: String(p.placeId), label: placeLabel(p) })),
            ]}
            error={placeError}
            disabled={chosenStructure === undefined}
            data-testid={`admission-place-${index}`}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
