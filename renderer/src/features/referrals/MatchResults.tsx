// Matching results: structures that can take the household, best first, with the places proposed and
// why they fit. Used by the referral queue ("find a place") and by the admission.
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { Match } from '../../../../electron/shared/channels/people';

interface Props {
  matches: Match[];
  onChoose: (match: Match) => void;
  chooseLabel: string;
  /** The name of guest `index` (head first), when the people are known: the places are shown per person. */
  guestName?: (index: number) => string;
}

export function MatchResults({ matches, onChoose, chooseLabel, guestName }: Props) {
  const { t, i18n } = useTranslation();
  // Reasons are translation keys chosen by the matching service; an unknown one is shown as is rather than hidden.
  const reason = (key: string) => (i18n.exists(key) ? translateKey(key) : key);
  if (matches.length === 0)
    return (
      <Text c="dimmed" data-testid="match-none">
        {t('match.none')}
      </Text>
    );
  return (
    <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('match.resultsLabel')}>
      {matches.map((match, index) => (
        <li key={match.structureId}>
          <Card withBorder padding="sm" data-testid="match-result" data-structure-id={match.structureId}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {match.structureName}
                  </Title>
                  {index === 0 && (
                    <Badge color="teal" variant="filled" tt="none">
                      {t('match.best')}
                    </Badge>
                  )}
                  <Badge variant="light" color="gray" tt="none">
                    {t(`vocab.structureTypes.${match.structureType}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {match.partnerName} · {t('match.freeCount', { count: match.freeCount })}
                </Text>
                <Text size="sm">
                  {t('match.proposedPlaces')}:{' '}
                  {match.places.map((p) => {
                    const where = `${p.label} (${p.roomName}${p.kind === 'cot' ? `, ${t('vocab.placeKinds.cot')}` : ''})`;
                    const until = p.freeUntil ? ` ${t('match.freeUntilDate', { date: formatDate(p.freeUntil, i18n.language) })}` : '';
                    return guestName ? `${guestName(p.guest)} → ${where}${until}` : `${where}${until}`;
                  }).join(', ')}
                </Text>
                {match.reasons.length > 0 && (
                  <List size="sm" spacing={0} data-testid="match-reasons">
                    {match.reasons.map((key) => (
                      <List.Item key={key}>{reason(key)}</List.Item>
                    ))}
                  </List>
                )}
              </Stack>
              <Button
                onClick={() => onChoose(match)}
                disabled={match.places.length === 0}
                aria-label={t('match.chooseStructure', { action: chooseLabel, structure: match.structureName })}
                style={{ flex: 'none' }}
              >
                {chooseLabel}
              </Button>
            </Group>
          </Card>
        </li>
      ))}
    </Stack>
  );
}
