// Segnalazioni: the queue of requests for a place (pending first, longest and most urgent waits on top),
// a new referral, declining or withdrawing one, and "find a place" → matching → admission.
import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../electron/shared/channels/people';
import { useNavigate, type Route } from '../../app/navigation';
import { FormAlert } from '../../components/forms';
import { formatDateTime } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { CloseReferralModal } from './CloseReferralModal';
import { MatchPanel } from './MatchPanel';
import { NewReferralModal } from './NewReferralModal';
import { formatWaiting, needsSummary, UrgencyBadge } from './referral-labels';
import { vocabLabel } from '../../components/vocab';

const OUTCOME_COLORS: Record<string, string> = { pending: 'orange', placed: 'teal', declined: 'red', withdrawn: 'gray' };

export function ReferralsPage({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const list = useChannel('referrals.list', { status, limit: 500 });
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Referral | null>(null);
  const [matchingId, setMatchingId] = useState<number | null>(route.area === 'referrals' ? (route.referralId ?? null) : null);
  const [notice, setNotice] = useState<string | null>(null);
  const matchRef = useRef<HTMLDivElement>(null);

  // In the queue's order, as the register sends them (electron/core/services/referrals.ts): the limit applies after it.
  const rows = list.value ?? [];
  const matching = rows.find((r) => r.id === matchingId && r.outcome === 'pending') ?? null;

  useEffect(() => {
    if (matching) matchRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [matching]);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('referrals.title')}</Title>
          <Text c="dimmed">{t('referrals.intro')}</Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('referrals.new')}</Button>
      </Group>
      <SegmentedControl
        aria-label={t('referrals.show')}
        value={status}
        onChange={(value) => setStatus(value === 'all' ? 'all' : 'pending')}
        data={[
          { value: 'pending', label: t('referrals.showPending') },
          { value: 'all', label: t('referrals.showAll') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
          {notice}
        </Alert>
      )}
      <FormAlert messageKey={list.error?.messageKey ?? null} />
      {list.loading && !list.value && <Loader aria-label={t('app.loading')} />}
      {list.value && rows.length === 0 && <Text c="dimmed">{t(status === 'pending' ? 'referrals.nonePending' : 'referrals.none')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="referral-queue">
            <Table.Caption>
              <VisuallyHidden>{t('referrals.caption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referrals.receivedAt')}</Table.Th>
                <Table.Th>{t('referrals.waiting')}</Table.Th>
                <Table.Th>{t('referrals.urgency')}</Table.Th>
                <Table.Th>{t('referrals.source')}</Table.Th>
                <Table.Th>{t('referrals.needs')}</Table.Th>
                <Table.Th>{t('referrals.person')}</Table.Th>
                <Table.Th>{t('referrals.outcome')}</Table.Th>
                <Table.Th>{t('referrals.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const received = formatDateTime(r.receivedAt, locale);
                return (
                  <Table.Tr key={r.id} data-testid="referral-row" data-referral-id={r.id} aria-current={r.id === matchingId ? 'true' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{received}</Table.Td>
                    <Table.Td fw={r.outcome === 'pending' ? 700 : 400}>{formatWaiting(r.waitingHours, t)}</Table.Td>
                    <Table.Td miw={110}>
                      <UrgencyBadge urgency={r.urgency} />
                    </Table.Td>
                    <Table.Td>{vocabLabel(t, 'referralSources', r.source)}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm">{needsSummary(r, t, locale)}</Text>
                      {r.notes && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {r.notes}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.personId !== null ? (
                        <Button variant="subtle" size="compact-sm" ff="monospace" onClick={() => navigate({ area: 'person', personId: r.personId! })}>
                          {r.personCode ?? t('referrals.openPerson')}
                        </Button>
                      ) : (
                        t('common.none')
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={OUTCOME_COLORS[r.outcome] ?? 'gray'} variant="light" tt="none">
                        {t(`vocab.referralOutcomes.${r.outcome}`)}
                      </Badge>
                      {r.declineReason && (
                        <Text size="xs" c="dimmed">
                          {vocabLabel(t, 'declineReasons', r.declineReason)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.outcome === 'pending' && (
                        <Group gap="xs" wrap="nowrap" role="group" aria-label={t('referrals.actionsFor', { date: received })}>
                          <Button size="xs" onClick={() => setMatchingId(r.id)} aria-label={t('referrals.findPlaceFor', { date: received })}>
                            {t('referrals.findPlace')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setClosing(r)} aria-label={t('referrals.closeFor', { date: received })}>
                            {t('referrals.close')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <div ref={matchRef}>{matching && <MatchPanel key={matching.id} referral={matching} onClose={() => setMatchingId(null)} />}</div>
      {creating && (
        <NewReferralModal
          onClose={() => setCreating(false)}
          onCreated={(referral) => {
            setCreating(false);
            setNotice(t('referrals.created'));
            list.reload();
            setMatchingId(referral.id);
          }}
        />
      )}
      {closing && (
        <CloseReferralModal
          referral={closing}
          onClose={() => setClosing(null)}
          onClosed={() => {
            setClosing(null);
            setNotice(t('referrals.closed'));
            if (matchingId === closing.id) setMatchingId(null);
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}
