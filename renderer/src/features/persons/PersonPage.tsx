// Scheda persona: profile (edit in place), household, stays and placements, referrals, consents, and the
// audit trail for the roles that may see it. A restricted person's names stay hidden until revealed with a reason.
import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { useNavigate, type Route } from '../../app/navigation';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { ConsentsSection } from './ConsentsSection';
import { HouseholdSection } from './HouseholdSection';
import { PersonAudit } from './PersonAudit';
import { PersonForm, type PersonFieldsOut } from './PersonForm';
import { valuesFromDetail } from './person-form-values';
import { PersonProfile } from './PersonProfile';
import { PersonReferrals } from './PersonReferrals';
import { RevealNameModal } from './RevealNameModal';
import { StaysSection } from './StaysSection';
import { useHouseholdStays } from './use-household-stays';
import { HouseholdContributions } from '../contributions/HouseholdContributions';
import { PersonPrivacyActions } from '../retention/PersonPrivacyActions';
import { PathwayTab } from '../pathway/PathwayTab';

export function PersonPage({ route }: { route: Route }) {
  const personId = route.area === 'person' ? route.personId : 0;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const person = useChannel('persons.get', { id: personId });
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('profile');
  const householdStays = useHouseholdStays(person.value);
  const editButton = useRef<HTMLButtonElement>(null);
  const detail = person.value;

  // After saving or cancelling an edit, the focus returns to where the edit began.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (!detail) {
    return (
      <Stack gap="md" data-testid="person-page">
        <PageTitle>{t('person.title')}</PageTitle>
        {person.loading && <Loader aria-label={t('app.loading')} />}
        <FormAlert messageKey={person.error?.messageKey ?? null} />
        <Group>
          <Button variant="default" onClick={() => navigate({ area: 'persons' })}>
            {t('person.backToList')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const update = (next: Partial<PersonDetail>) => person.setValue({ ...detail, ...next });

  const save = async (fields: PersonFieldsOut, fail: (error: ErrorBody) => void) => {
    const result = await call('persons.update', { id: detail.id, fields });
    if (!result.ok) return fail(result.error);
    setEditing(false);
    setNotice(t('person.saved'));
    person.reload();
  };

  return (
    <Stack gap="xl" data-testid="person-page">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="sm" align="baseline">
              <PageTitle>
                <Text span inherit ff="monospace" data-testid="person-code">
                  {detail.code}
                </Text>
                {detail.namesShown && detail.fields.displayName && (
                  <Text span inherit data-testid="person-name">
                    {' · '}
                    {detail.fields.displayName}
                  </Text>
                )}
              </PageTitle>
              {detail.fields.restricted && (
                <Badge color="grape" variant="light" tt="none" size="lg" data-testid="restricted-badge">
                  {t('persons.restricted')}
                </Badge>
              )}
            </Group>
          </div>
          <Group gap="sm">
            {!detail.namesShown && (
              <Button variant="light" color="grape" onClick={() => setRevealing(true)} data-testid="person-reveal">
                {t('person.reveal')}
              </Button>
            )}
            {!editing && (
              <Tooltip label={t('person.editNeedsNames')} disabled={detail.namesShown}>
                <Button
                  ref={editButton}
                  variant="default"
                  onClick={() => setEditing(true)}
                  disabled={!detail.namesShown}
                  data-testid="person-edit"
                >
                  {t('person.edit')}
                </Button>
              </Tooltip>
            )}
          </Group>
        </Group>
        {detail.fields.restricted && !detail.namesShown && (
          <Text size="sm" c="dimmed">
            {t('person.restrictedNote')}
          </Text>
        )}
        {notice && (
          <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
            {notice}
          </Alert>
        )}
        <FormAlert messageKey={person.error?.messageKey ?? null} />
      </Stack>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile" data-testid="tab-profile">{t('pathway.profileTab')}</Tabs.Tab>
          <Tabs.Tab value="pathway" data-testid="tab-pathway">{t('pathway.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="lg">
          <Stack gap="xl">
            <Stack gap="sm" component="section" aria-labelledby="profile-title">
              <Title order={2} id="profile-title">
                {editing ? t('person.editTitle') : t('person.profileTitle')}
              </Title>
              {editing ? (
                <PersonForm
                  defaultValues={valuesFromDetail(detail.fields)}
                  submitLabel={t('common.save')}
                  onSubmit={save}
                  onCancel={() => setEditing(false)}
                  labelledBy="profile-title"
                />
              ) : (
                <PersonProfile detail={detail} />
              )}
            </Stack>

            <HouseholdSection detail={detail} onChanged={(household) => update({ household })} />
            <StaysSection detail={detail} householdStays={householdStays} onChanged={person.reload} />
            <HouseholdContributions personId={detail.id} />
            <PersonReferrals referrals={detail.referrals} />
            <ConsentsSection
              personId={detail.id}
              consents={detail.consents}
              onChanged={(consent) =>
                update({
                  consents: detail.consents.some((c) => c.id === consent.id)
                    ? detail.consents.map((c) => (c.id === consent.id ? consent : c))
                    : [...detail.consents, consent],
                })
              }
            />
            {detail.audit && <PersonAudit rows={detail.audit} />}
            <PersonPrivacyActions
              detail={detail}
              onErased={(code) => {
                setNotice(t('privacy.erased', { code }));
                person.reload();
              }}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="pathway" pt="lg">
          <PathwayTab key={String(detail.namesShown)} personId={detail.id} />
        </Tabs.Panel>
      </Tabs>

      {revealing && (
        <RevealNameModal
          personId={detail.id}
          code={detail.code}
          onClose={() => setRevealing(false)}
          onRevealed={(revealed) => {
            setRevealing(false);
            person.setValue(revealed);
          }}
        />
      )}
    </Stack>
  );
}
