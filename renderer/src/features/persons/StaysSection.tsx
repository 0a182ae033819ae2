// A person's stays and placements as a timeline: entry, planned end and extensions, placements with
// structure › room › place and dates (transfers marked), exit with reason and destination. Open stays carry
// the stay actions (transfer, extend, discharge…); with no open stay, the way to admit.
import { Anchor, Badge, Button, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { useNavigate } from '../../app/navigation';
import { vocabLabel } from '../../components/vocab';
import { formatDate } from '../../i18n/format';
import { StayActions } from '../stays/StayActions';
import { openStays, stayEvents, staysNewestFirst, type HouseholdStay, type StayEvent } from './person-timeline';

type Stay = PersonDetail['stays'][number];

interface StaysSectionProps {
  detail: PersonDetail;
  householdStays: HouseholdStay[] | undefined;
  onChanged: () => void;
}

export function StaysSection({ detail, householdStays, onChanged }: StaysSectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stays = staysNewestFirst(detail.stays);
  const hasOpen = openStays(detail.stays).length > 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="stays-title" data-testid="stays">
      <Group justify="space-between">
        <Title order={2} id="stays-title">
          {t('person.staysTitle')}
        </Title>
        {!hasOpen && (
          <Button onClick={() => navigate({ area: 'admission', personId: detail.id })} data-testid="person-admit">
            {t('person.admit')}
          </Button>
        )}
      </Group>
      {stays.length === 0 && <Text c="dimmed">{t('person.noStays')}</Text>}
      {stays.map((stay) => (
        <StayCard key={stay.id} stay={stay} personId={detail.id} householdStays={householdStays} onChanged={onChanged} />
      ))}
    </Stack>
  );
}

function StayCard({ stay, personId, householdStays, onChanged }: { stay: Stay; personId: number; householdStays: HouseholdStay[] | undefined; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const open = stay.exitDate === null;
  const events = stayEvents(stay);
  const titleId = `stay-${stay.id}-title`;

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="stay" data-stay-id={stay.id} data-open={open}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={3} size="h4" id={titleId}>
            {open
              ? t('person.stayOpenTitle', { from: formatDate(stay.entryDate, locale) })
              : t('person.stayClosedTitle', { from: formatDate(stay.entryDate, locale), to: formatDate(stay.exitDate, locale) })}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge color={open ? 'teal' : 'gray'} variant="light" tt="none">
              {open ? t('person.stayOpen') : t('person.stayClosed')}
            </Badge>
            {stay.plannedEnd && (
              <Text size="sm" c="dimmed" data-testid="stay-planned-end">
                {t('person.plannedEnd', { date: formatDate(stay.plannedEnd, locale) })}
              </Text>
            )}
          </Group>
        </div>
      </Group>
      <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
        {events.map((event, index) => (
          <Timeline.Item key={index} title={<EventTitle event={event} />}>
            <EventBody event={event} />
          </Timeline.Item>
        ))}
      </Timeline>
      {open && (
        <Stack mt="md">
          <StayActions personId={personId} stay={stay} householdStays={householdStays} onChanged={onChanged} />
        </Stack>
      )}
    </Card>
  );
}

function EventTitle({ event }: { event: StayEvent }) {
  const { t, i18n } = useTranslation();
  const date = formatDate(event.date, i18n.language);
  switch (event.kind) {
    case 'entry':
      return <>{t('person.eventEntry', { date })}</>;
    case 'placement':
      return <>{t(event.transfer ? 'person.eventTransfer' : 'person.eventPlacement', { date })}</>;
    case 'extension':
      return <>{t('person.eventExtension', { date })}</>;
    case 'exit':
      return <>{t('person.eventExit', { date })}</>;
  }
}

function EventBody({ event }: { event: StayEvent }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  switch (event.kind) {
    case 'entry':
      return null;
    case 'placement': {
      const p = event.placement;
      return (
        <Text size="sm" data-testid="placement">
          <Anchor component="button" type="button" size="sm" onClick={() => navigate({ area: 'structure', structureId: p.structureId })}>
            {p.structureName}
          </Anchor>
          {` › ${p.roomName} › ${p.placeLabel} · `}
          {p.endDate
            ? t('person.placementPeriod', { from: formatDate(p.startDate, locale), to: formatDate(p.endDate, locale) })
            : t('person.placementOpen', { from: formatDate(p.startDate, locale) })}
        </Text>
      );
    }
    case 'extension': {
      const e = event.extension;
      return (
        <Text size="sm" data-testid="extension">
          {e.previousPlannedEnd
            ? t('person.extensionFromTo', { from: formatDate(e.previousPlannedEnd, locale), to: formatDate(e.newPlannedEnd, locale) })
            : t('person.extensionTo', { to: formatDate(e.newPlannedEnd, locale) })}
          {' · '}
          {t('person.extensionGrantedBy', { name: e.grantedBy })}
        </Text>
      );
    }
    case 'exit':
      return (
        <Text size="sm" data-testid="exit">
          {event.reason ? vocabLabel(t, 'exitReasons', event.reason) : t('common.none')}
          {event.destination && ` · ${t('person.destination', { destination: event.destination })}`}
        </Text>
      );
  }
}
