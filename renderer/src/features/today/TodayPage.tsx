// Oggi: the desk's day at a glance — free places now, arrivals and planned exits, overdue stays,
// expiring permits and referrals waiting for a place. Every row opens the person or the referral.
import { Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInRome } from '../../../../electron/shared/dates';
import { useNavigate, type Route } from '../../app/navigation';
import { FormAlert } from '../../components/forms';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { formatWaiting, UrgencyBadge } from '../referrals/referral-labels';
import { PersonRows, type CountRow } from './PersonRows';
import { BackupStatus } from '../backups/BackupStatus';
import { vocabLabel } from '../../components/vocab';

export function TodayPage({ route }: { route: Route }) {
  void route;
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const today = useMemo(() => todayInRome(), []);
  const day = useChannel('today.get', { date: today });
  const reminders = useChannel('pathway.reminders', { date: today });
  const value = day.value;

  // The 60-day list may repeat the 30-day one: each person is shown once, in the more urgent list.
  const permits60 = useMemo(() => {
    if (!value) return [];
    const within30 = new Set(value.permitsExpiring30.map((r) => r.personId));
    return value.permitsExpiring60.filter((r) => !within30.has(r.personId));
  }, [value]);

  // In the queue's order, as the register sends them (electron/core/services/referrals.ts).
  const pending = value?.pendingReferrals ?? [];

  const totals = value?.freeByStructure.reduce((acc, s) => ({ free: acc.free + s.free, beds: acc.beds + s.freeBeds, cots: acc.cots + s.freeCots }), { free: 0, beds: 0, cots: 0 });

  const section = (id: string, title: string, rows: CountRow[], dateLabel: string, testId: string, expiredFrom?: string) => (
    <Card withBorder padding="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Badge variant="light" color={rows.length ? 'teal' : 'gray'} aria-hidden="true">
          {rows.length}
        </Badge>
      </Group>
      <PersonRows rows={rows} dateLabel={dateLabel} caption={title} expiredFrom={expiredFrom} />
    </Card>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('today.title')}</Title>
          <Text c="dimmed">{t('today.date', { date: formatDate(today, locale) })}</Text>
          <BackupStatus />
        </div>
        <Group gap="sm">
          <Button onClick={() => navigate({ area: 'admission' })} data-testid="today-new-admission">
            {t('today.newAdmission')}
          </Button>
          <Button variant="default" onClick={() => navigate({ area: 'board' })}>
            {t('today.openBoard')}
          </Button>
          <Button variant="default" onClick={() => navigate({ area: 'referrals' })}>{t('today.openReferrals')}</Button>
        </Group>
      </Group>
      {day.loading && !value && <Loader aria-label={t('app.loading')} />}
      <FormAlert messageKey={day.error?.messageKey ?? null} />
      {value && (
        <>
          <Card withBorder padding="md" component="section" aria-labelledby="today-free" data-testid="today-free">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="today-free">
                {t('today.freeNow')}
              </Title>
              {totals && (
                <Text fw={600} data-testid="today-free-total">
                  {t('today.freeTotal', { count: totals.free, beds: totals.beds, cots: totals.cots })}
                </Text>
              )}
            </Group>
            {value.freeByStructure.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('today.noStructures')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped highlightOnHover verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('today.structure')}</Table.Th>
                      <Table.Th>{t('today.type')}</Table.Th>
                      <Table.Th>{t('today.takes')}</Table.Th>
                      <Table.Th ta="right">{t('today.free')}</Table.Th>
                      <Table.Th ta="right">{t('today.freeBeds')}</Table.Th>
                      <Table.Th ta="right">{t('today.freeCots')}</Table.Th>
                      <Table.Th ta="right">{t('today.total')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {value.freeByStructure.map((s) => (
                      <Table.Tr key={s.structureId} data-testid="today-free-row">
                        <Table.Td>
                          <Anchor component="button" type="button" onClick={() => navigate({ area: 'structure', structureId: s.structureId })}>
                            {s.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`vocab.structureTypes.${s.type}`)}</Table.Td>
                        <Table.Td data-testid="today-free-flags">
                          <Group gap={4} wrap="nowrap">
                            {s.womenOnly && <Badge size="sm" variant="light" color="grape" tt="none">{t('today.womenOnly')}</Badge>}
                            <Badge size="sm" variant="light" color={s.childrenAllowed ? 'teal' : 'gray'} tt="none">
                              {s.childrenAllowed ? t('today.childrenYes') : t('today.childrenNo')}
                            </Badge>
                          </Group>
                        </Table.Td>
                        <Table.Td ta="right" fw={700} c={s.free > 0 ? 'teal.8' : 'dimmed'}>
                          {s.free}
                        </Table.Td>
                        <Table.Td ta="right">{s.freeBeds}</Table.Td>
                        <Table.Td ta="right">{s.freeCots}</Table.Td>
                        <Table.Td ta="right">{s.total}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>

          <Card withBorder padding="md" component="section" aria-labelledby="today-referrals" data-testid="today-referrals">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="today-referrals">
                {t('today.pendingReferrals')}
              </Title>
              <Badge variant="light" color={pending.length ? 'orange' : 'gray'} aria-hidden="true">
                {pending.length}
              </Badge>
            </Group>
            {pending.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('today.noReferrals')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table highlightOnHover verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('today.receivedAt')}</Table.Th>
                      <Table.Th>{t('today.waiting')}</Table.Th>
                      <Table.Th>{t('today.urgency')}</Table.Th>
                      <Table.Th>{t('today.source')}</Table.Th>
                      <Table.Th ta="right">{t('today.people')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('today.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {pending.map((r) => (
                      <Table.Tr key={r.id} data-testid="today-referral-row">
                        <Table.Td>{formatDateTime(r.receivedAt, locale)}</Table.Td>
                        <Table.Td fw={600}>{formatWaiting(r.waitingHours, t)}</Table.Td>
                        <Table.Td>
                          <UrgencyBadge urgency={r.urgency} />
                        </Table.Td>
                        <Table.Td>{vocabLabel(t, 'referralSources', r.source)}</Table.Td>
                        <Table.Td ta="right">{r.people}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="light" onClick={() => navigate({ area: 'referrals', referralId: r.id })} aria-label={t('today.openReferral', { date: formatDateTime(r.receivedAt, locale) })}>
                            {t('today.findPlace')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {section('today-arrivals', t('today.arrivalsToday'), value.arrivalsToday, t('today.entryDate'), 'today-arrivals')}
            {section('today-exits', t('today.exitsToday'), value.plannedExitsToday, t('today.plannedEnd'), 'today-exits')}
            {section('today-arrivals-week', t('today.arrivalsWeek'), value.arrivalsWeek, t('today.entryDate'), 'today-arrivals-week')}
            {section('today-exits-week', t('today.exitsWeek'), value.plannedExitsWeek, t('today.plannedEnd'), 'today-exits-week')}
            {section('today-overdue', t('today.overdue'), value.overdue, t('today.plannedEnd'), 'today-overdue')}
            {section('today-permits-30', t('today.permits30'), value.permitsExpiring30, t('today.permitExpiry'), 'today-permits-30', today)}
            {section('today-permits-60', t('today.permits60'), permits60, t('today.permitExpiry'), 'today-permits-60')}
            {section('today-reviews', t('reminders.reviewsDue'), (reminders.value?.reviewsDue ?? []).map((r) => ({ ...r, stayId: null })), t('reminders.reviewDate'), 'today-reviews')}
            {section('today-goals', t('reminders.goalsPastTarget'), (reminders.value?.goalsPastTarget ?? []).map((r) => ({ ...r, stayId: null })), t('reminders.targetDate'), 'today-goals')}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
