// A person's household: create one with this person as head, add members found by search with their
// relationship, remove members. Members link to their own pages; restricted members show their code only.
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household, PersonDetail, PersonRow } from '../../../../electron/shared/channels/people';
import { RELATIONSHIPS } from '../../../../electron/shared/domain';
import { useNavigate } from '../../app/navigation';
import { FormAlert } from '../../components/forms';
import { PersonPicker } from '../../components/PersonPicker';
import { vocabLabel, vocabOptions } from '../../components/vocab';
import { call } from '../../ipc/client';

type Relationship = (typeof RELATIONSHIPS)[number];
const MEMBER_RELATIONSHIPS = RELATIONSHIPS.filter((r) => r !== 'head');

interface HouseholdSectionProps {
  detail: PersonDetail;
  onChanged: (household: Household) => void;
}

export function HouseholdSection({ detail, onChanged }: HouseholdSectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const household = detail.household;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [candidate, setCandidate] = useState<PersonRow | null>(null);
  const [relationship, setRelationship] = useState<Relationship | null>(null);

  const run = async (action: () => ReturnType<typeof call<'households.create'>>) => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.messageKey);
      return false;
    }
    onChanged(result.value);
    return true;
  };

  const create = () => void run(() => call('households.create', { headPersonId: detail.id, members: [] }));
  const add = async () => {
    if (!household || !candidate || !relationship) return setError('household.pickBoth');
    const added = await run(() => call('households.addMember', { householdId: household.id, personId: candidate.id, relationship }));
    if (added) {
      setCandidate(null);
      setRelationship(null);
    }
  };
  const remove = (personId: number) => {
    if (household) void run(() => call('households.removeMember', { householdId: household.id, personId }));
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="household-title" data-testid="household">
      <Title order={2} id="household-title">
        {t('household.title')}
      </Title>
      {!household && (
        <Group>
          <Text c="dimmed">{t('household.none')}</Text>
          <Button variant="light" loading={busy} onClick={create} data-testid="household-create">
            {t('household.create')}
          </Button>
        </Group>
      )}
      {household && (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('household.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('persons.colCode')}</Table.Th>
                  <Table.Th scope="col">{t('persons.colName')}</Table.Th>
                  <Table.Th scope="col">{t('household.relationship')}</Table.Th>
                  <Table.Th scope="col">{t('persons.colGender')}</Table.Th>
                  <Table.Th scope="col">{t('persons.colBirthYear')}</Table.Th>
                  <Table.Th scope="col">
                    <Text span size="sm" fw={700}>{t('household.actions')}</Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {household.members.map((member) => (
                  <Table.Tr key={member.personId} data-testid="household-member">
                    <Table.Td>
                      {member.personId === detail.id ? (
                        <Text span ff="monospace" fw={600}>
                          {member.code}
                        </Text>
                      ) : (
                        <Anchor component="button" type="button" ff="monospace" onClick={() => navigate({ area: 'person', personId: member.personId })}>
                          {member.code}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {member.displayName ?? (
                        <Badge color="grape" variant="light" tt="none">
                          {t('persons.restricted')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{vocabLabel(t, 'relationships', member.relationship)}</Table.Td>
                    <Table.Td>{vocabLabel(t, 'genders', member.gender)}</Table.Td>
                    <Table.Td>{member.birthYear ?? ''}</Table.Td>
                    <Table.Td>
                      {member.personId !== household.headPersonId && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          disabled={busy}
                          onClick={() => remove(member.personId)}
                          aria-label={t('household.removeCode', { code: member.code })}
                        >
                          {t('household.remove')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group align="flex-end" gap="sm" role="group" aria-label={t('household.addTitle')}>
            <PersonPicker
              label={t('household.addPerson')}
              placeholder={t('persons.pickerHint')}
              value={candidate}
              onChange={setCandidate}
              excludeIds={household.members.map((m) => m.personId)}
              w={320}
              data-testid="household-pick"
            />
            <Select
              label={t('household.relationship')}
              data={vocabOptions(t, 'relationships', MEMBER_RELATIONSHIPS)}
              value={relationship}
              onChange={(value) => setRelationship(value as Relationship | null)}
              w={220}
              data-testid="household-relationship"
            />
            <Button onClick={() => void add()} loading={busy} data-testid="household-add">
              {t('household.add')}
            </Button>
          </Group>
        </>
      )}
      <FormAlert messageKey={error} />
    </Stack>
  );
}
