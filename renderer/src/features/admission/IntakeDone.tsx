// The intake's confirmation: who was admitted, with their code, and where each sleeps tonight (structure ›
// room › place, and until when for a place free only until a later booking).
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';

export interface Admitted {
  personId: number;
  code: string;
  label: string;
  structureName: string;
  roomName: string;
  placeLabel: string;
  placementEnd: string | null;
}

export function IntakeDone({ admitted, entryDate, onAnother }: { admitted: Admitted[]; entryDate: string; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const first = admitted[0];
  return (
    <Stack gap="lg" maw={900} data-testid="intake-done">
      <PageTitle id="intake-done-title">{t('admission.doneTitle')}</PageTitle>
      <Alert color="teal" variant="light" role="status" title={t('admission.doneSummary', { count: admitted.length, date: formatDate(entryDate, i18n.language) })}>
        <List spacing={4} data-testid="intake-done-list">
          {admitted.map((a) => (
            <List.Item key={a.personId} data-testid="intake-done-person">
              <Text span fw={700}>{a.label}</Text>{' '}
              {a.label !== a.code && <Text span ff="monospace" size="sm">({a.code})</Text>}{' '}
              {t('admission.doneWhere', { structure: a.structureName, room: a.roomName, place: a.placeLabel })}
              {a.placementEnd && <Text span c="orange.8"> — {t('admission.doneUntil', { date: formatDate(a.placementEnd, i18n.language) })}</Text>}
            </List.Item>
          ))}
        </List>
      </Alert>
      <Group>
        <Button onClick={() => navigate({ area: 'board', date: entryDate })}>{t('admission.openBoard')}</Button>
        {first && (
          <Button variant="default" onClick={() => navigate({ area: 'person', personId: first.personId })}>
            {t('admission.openPerson', { person: first.label })}
          </Button>
        )}
        <Button variant="subtle" onClick={onAnother}>{t('admission.another')}</Button>
      </Group>
    </Stack>
  );
}
