// The referrals that concern a person: when, from whom, how urgent, and how each ended.
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../electron/shared/channels/people';
import { useNavigate } from '../../app/navigation';
import { vocabLabel } from '../../components/vocab';
import { formatDateTime, formatNumber } from '../../i18n/format';

const OUTCOME_COLORS: Record<Referral['outcome'], string> = { pending: 'blue', placed: 'teal', declined: 'red', withdrawn: 'gray' };

export function PersonReferrals({ referrals }: { referrals: Referral[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;

  return (
    <Stack gap="sm" component="section" aria-labelledby="person-referrals-title" data-testid="person-referrals">
      <Title order={2} id="person-referrals-title">
        {t('person.referralsTitle')}
      </Title>
      {referrals.length === 0 ? (
        <Text c="dimmed">{t('person.noReferrals')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption>{t('person.referralsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person.referralReceived')}</Table.Th>
                <Table.Th scope="col">{t('person.referralFrom')}</Table.Th>
                <Table.Th scope="col">{t('person.referralPeople')}</Table.Th>
                <Table.Th scope="col">{t('person.referralUrgency')}</Table.Th>
                <Table.Th scope="col">{t('person.referralOutcome')}</Table.Th>
                <Table.Th scope="col">{t('person.referralWaited')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.map((referral) => (
                <Table.Tr key={referral.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => navigate({ area: 'referrals', referralId: referral.id })}>
                      {formatDateTime(referral.receivedAt, locale)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{vocabLabel(t, 'referralSources', referral.source)}</Table.Td>
                  <Table.Td>{referral.people}</Table.Td>
                  <Table.Td>{vocabLabel(t, 'urgencies', referral.urgency)}</Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[referral.outcome]} variant="light" tt="none">
                      {vocabLabel(t, 'referralOutcomes', referral.outcome)}
                    </Badge>
                    {referral.declineReason && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        {vocabLabel(t, 'declineReasons', referral.declineReason)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t('person.hours', { count: Math.round(referral.waitingHours), formatted: formatNumber(Math.round(referral.waitingHours), locale) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
