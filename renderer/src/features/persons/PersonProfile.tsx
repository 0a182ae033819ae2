// A person's profile as a description list. Hidden names (restricted, not revealed) are said to be hidden.
import { Badge, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../electron/shared/channels/people';
import { todayInRome } from '../../../../electron/shared/dates';
import { countryName, languageName } from '../../components/intl-names';
import { vocabLabel } from '../../components/vocab';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ageOn, PERMIT_COLORS, permitState } from './person-format';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

export function PersonProfile({ detail }: { detail: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const f = detail.fields;
  const none = t('common.none');
  const today = todayInRome();
  const age = ageOn(today, f.birthDate, f.birthYear);
  const permit = permitState(f.permitExpiry, today);
  const hidden = <Text span c="dimmed" fs="italic">{t('person.nameHidden')}</Text>;

  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0} data-testid="person-profile">
      <Fact label={t('person.displayName')} testId="profile-display-name">
        {detail.namesShown ? f.displayName ?? none : hidden}
      </Fact>
      <Fact label={t('person.legalNames')}>
        {detail.namesShown ? [f.givenNames, f.familyNames].filter(Boolean).join(' ') || none : hidden}
      </Fact>
      <Fact label={t('person.gender')}>{vocabLabel(t, 'genders', f.gender)}</Fact>
      <Fact label={t('person.birth')}>
        {f.birthDate ? formatDate(f.birthDate, locale) : f.birthYear !== null ? t('person.bornAbout', { year: f.birthYear }) : none}
        {age && ` · ${t(age.approximate ? 'person.ageApprox' : 'person.age', { count: age.years })}`}
      </Fact>
      <Fact label={t('person.nationality')}>{f.nationality ? countryName(f.nationality, locale) : none}</Fact>
      <Fact label={t('person.languages')}>{f.languages.length ? f.languages.map((code) => languageName(code, locale)).join(', ') : none}</Fact>
      <Fact label={t('person.permitType')}>
        {[f.permitType ? vocabLabel(t, 'permitTypes', f.permitType) : null, f.permitNumber].filter(Boolean).join(' · ') || none}
      </Fact>
      <Fact label={t('person.permitExpiry')} testId="profile-permit-expiry">
        {f.permitExpiry ? (
          <Group gap="xs" component="span">
            {formatDate(f.permitExpiry, locale)}
            {permit && (
              <Badge color={PERMIT_COLORS[permit]} variant="light" tt="none">
                {t(`persons.permit.${permit}`)}
              </Badge>
            )}
          </Group>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t('person.fiscalCode')}>
        <Text span ff="monospace">
          {f.fiscalCode ?? none}
        </Text>
      </Fact>
      <Fact label={t('person.referralSource')}>{f.referralSource ? vocabLabel(t, 'referralSources', f.referralSource) : none}</Fact>
      <Fact label={t('person.vulnerabilities')}>
        {f.vulnerabilities.length ? (
          <Group gap={4} component="span">
            {f.vulnerabilities.map((code) => (
              <Badge key={code} variant="outline" tt="none">
                {vocabLabel(t, 'vulnerabilities', code)}
              </Badge>
            ))}
          </Group>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t('person.restricted')}>{f.restricted ? t('common.yes') : t('common.no')}</Fact>
      <Fact label={t('person.createdAt')}>{formatDateTime(detail.createdAt, locale)}</Fact>
      {f.notes && (
        <Fact label={t('person.notes')}>
          <Text span style={{ whiteSpace: 'pre-wrap' }}>
            {f.notes}
          </Text>
        </Fact>
      )}
    </SimpleGrid>
  );
}
