// "Find a place" for a pending referral: the nights wanted (from, optional planned end) and the matching
// structures; choosing one goes to the admission with the referral and that structure's places.
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match, Referral } from '../../../../electron/shared/channels/people';
import { todayInRome } from '../../../../electron/shared/dates';
import { useNavigate } from '../../app/navigation';
import { DateField, isIsoDate } from '../../components/DateField';
import { FormAlert } from '../../components/forms';
import { formatDateTime } from '../../i18n/format';
import { call } from '../../ipc/client';
import { MatchResults } from './MatchResults';
import { needsSummary } from './referral-labels';

export function MatchPanel({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [from, setFrom] = useState<string | null>(todayInRome());
  const [to, setTo] = useState<string | null>(null);
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (start: string | null, end: string | null) => {
    if (!isIsoDate(start) || (end !== null && !isIsoDate(end))) return setError('validation.date');
    setBusy(true);
    setError(null);
    const result = await call('referrals.match', end ? { referralId: referral.id, from: start, to: end } : { referralId: referral.id, from: start });
    setBusy(false);
    if (result.ok) setMatches(result.value);
    else setError(result.error.messageKey);
  };

  useEffect(() => {
    void search(todayInRome(), null);
    // Searched once on opening; later searches follow the dates typed.
  }, [referral.id]);

  const choose = (match: Match) => {
    const first = match.places[0];
    navigate({ area: 'admission', referralId: referral.id, date: from ?? todayInRome(), ...(first ? { placeId: first.placeId } : {}) });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="match-title" data-testid="match-panel">
      <Group justify="space-between">
        <Title order={2} size="h3" id="match-title">
          {t('match.title', { date: formatDateTime(referral.receivedAt, i18n.language) })}
        </Title>
        <Button variant="subtle" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
      <Text size="sm">{needsSummary(referral, t, i18n.language)}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void search(from, to);
        }}
      >
        <Group align="flex-end" gap="sm">
          <DateField label={t('match.from')} value={from} onChange={setFrom} required w={160} />
          <DateField label={t('match.to')} value={to} onChange={setTo} w={160} />
          <Button type="submit" variant="light" loading={busy}>
            {t('match.search')}
          </Button>
        </Group>
      </form>
      <FormAlert messageKey={error} />
      {busy && !matches && <Loader aria-label={t('app.loading')} />}
      {matches && <MatchResults matches={matches} onChoose={choose} chooseLabel={t('match.admitHere')} />}
    </Stack>
  );
}
