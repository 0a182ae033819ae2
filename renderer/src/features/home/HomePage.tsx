// Panoramica: the register's own facts from `register.overview`.
import { Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';

export function HomePage() {
  const { t } = useTranslation();
  const { locale } = useUser();
  const overview = useChannel('register.overview', {});

  const facts = overview.value
    ? [
        { label: t('home.createdAt'), value: formatDate(overview.value.createdAt, locale), id: 'created-at' },
        { label: t('home.activeUsers'), value: formatNumber(overview.value.activeUsers, locale), id: 'active-users' },
        { label: t('home.auditEvents'), value: formatNumber(overview.value.auditEvents, locale), id: 'audit-events' },
        { label: t('home.lastAuditAt'), value: overview.value.lastAuditAt ? formatDateTime(overview.value.lastAuditAt, locale) : t('common.none'), id: 'last-audit-at' },
        { label: t('home.schemaVersion'), value: String(overview.value.schemaVersion), id: 'schema-version' },
      ]
    : [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.title')}</Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </div>
      {overview.loading && <Loader aria-label={t('app.loading')} />}
      <FormAlert messageKey={overview.error?.messageKey ?? null} />
      {overview.value && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="dl" m={0}>
          {facts.map((fact) => (
            <Card key={fact.id} withBorder padding="lg">
              <Text component="dt" size="sm" c="dimmed">
                {fact.label}
              </Text>
              <Text component="dd" m={0} fz="xl" fw={600} data-testid={`overview-${fact.id}`}>
                {fact.value}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
