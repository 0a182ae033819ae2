// A new contribution for a person's household (a person alone becomes a household of one): the assessment
// and the proposed amount. Reached from the person page.
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, type Route } from '../../app/navigation';
import { PageTitle } from '../../components/PageTitle';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { AssessmentForm } from './AssessmentForm';
import { refusalText } from './money';

export function ContributionNewPage({ route }: { route: Extract<Route, { area: 'contributionNew' }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const person = useChannel('persons.get', { id: route.personId });
  if (person.error) return <Alert color="red" role="alert">{refusalText(person.error)}</Alert>;
  if (!person.value) return <Text>{t('app.loading')}</Text>;
  const detail = person.value;
  const size = detail.household?.members.length ?? 1;
  return (
    <Stack>
      <Anchor component="button" onClick={() => navigate({ area: 'person', personId: route.personId })} w="fit-content">← {detail.code}</Anchor>
      <PageTitle>{t('contributions.newFor', { code: detail.code })}</PageTitle>
      <AssessmentForm householdSize={size} submitLabel={t('contributions.create')}
        onSubmit={async (v) => {
          const result = await call('contributions.create', {
            personId: route.personId, type: v.type, partnerId: v.partnerId, assessment: v.assessment, proposedCents: v.proposedCents, paperReferences: v.paperReferences,
          });
          if (!result.ok) return result.error;
          navigate({ area: 'contribution', contributionId: result.value.row.id });
          return null;
        }} />
    </Stack>
  );
}
