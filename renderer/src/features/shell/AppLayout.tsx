// The app frame once unlocked: header (name, user, Lock), navigation, and the current area.
import { Alert, AppShell, Badge, Burger, Button, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { DemoBadge } from '../../components/RegisterKind';
import { useDisclosure } from '@mantine/hooks';
import { DatesProvider } from '@mantine/dates';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationContext, type Area, type Route } from '../../app/navigation';
import { useCan, useSession, useUser } from '../../app/session-context';
import { HomePage } from '../home/HomePage';
import { SettingsPage } from '../settings/SettingsPage';
import { TodayPage } from '../today/TodayPage';
import { BoardPage } from '../board/BoardPage';
import { PersonsPage } from '../persons/PersonsPage';
import { PersonPage } from '../persons/PersonPage';
import { PersonFormPage } from '../persons/PersonFormPage';
import { StructuresPage } from '../structures/StructuresPage';
import { StructurePage } from '../structures/StructurePage';
import { ReferralsPage } from '../referrals/ReferralsPage';
import { AdmissionPage } from '../admission/AdmissionPage';
import { BackupsPage } from '../backups/BackupsPage';
import { RetentionPage } from '../retention/RetentionPage';
import { ContributionsPage } from '../contributions/ContributionsPage';
import { ContributionPage } from '../contributions/ContributionPage';
import { ContributionNewPage } from '../contributions/ContributionNewPage';
import { BudgetPage } from '../contributions/BudgetPage';
import { RulesPage } from '../contributions/RulesPage';
import { ServicesPage } from '../pathway/ServicesPage';
import type { ChannelName } from '../../../../electron/shared/contract';

// The summary page brings the charting library (recharts): loaded when first opened, not with every page.
const SummaryPage = lazy(() => import('../summary/SummaryPage').then((m) => ({ default: m.SummaryPage })));
import { i18n, type TKey } from '../../i18n';

/** The navigation entries, in order; sub-pages highlight the entry they belong to. An entry with a `channel`
 * shows only to users who may call it (the page is built on it). */
const NAV: { area: Area; label: TKey; also: Area[]; channel?: ChannelName }[] = [
  { area: 'today', label: 'shell.today', also: [] },
  { area: 'board', label: 'shell.board', also: ['admission'] },
  { area: 'persons', label: 'shell.persons', also: ['person', 'personNew'] },
  { area: 'referrals', label: 'shell.referrals', also: [] },
  { area: 'services', label: 'services.title', also: [], channel: 'interventions.list' },
  { area: 'structures', label: 'shell.structures', also: ['structure'] },
  { area: 'contributions', label: 'shell.contributions', also: ['contribution', 'contributionNew'], channel: 'contributions.list' },
  { area: 'budget', label: 'shell.budget', also: [], channel: 'budgets.get' },
  { area: 'contributionRules', label: 'shell.contributionRules', also: [], channel: 'contributionRules.get' },
  { area: 'summary', label: 'shell.summary', also: [], channel: 'summary.month' },
  { area: 'backups', label: 'shell.backups', also: [] },
  { area: 'retention', label: 'shell.retention', also: [], channel: 'privacy.retentionReview' },
  { area: 'home', label: 'shell.home', also: [] },
  { area: 'settings', label: 'shell.settings', also: [] },
];

function pageFor(route: Route) {
  switch (route.area) {
    case 'home': return <HomePage />;
    case 'settings': return <SettingsPage />;
    case 'today': return <TodayPage route={route} />;
    case 'board': return <BoardPage route={route} />;
    case 'persons': return <PersonsPage route={route} />;
    case 'person': return <PersonPage key={route.personId} route={route} />;
    case 'personNew': return <PersonFormPage route={route} />;
    case 'structures': return <StructuresPage route={route} />;
    case 'structure': return <StructurePage key={route.structureId} route={route} />;
    case 'referrals': return <ReferralsPage route={route} />;
    case 'admission': return <AdmissionPage route={route} />;
    case 'services': return <ServicesPage route={route} />;
    case 'backups': return <BackupsPage route={route} />;
    case 'retention': return <RetentionPage route={route} />;
    case 'contributions': return <ContributionsPage route={route} />;
    case 'contribution': return <ContributionPage key={route.contributionId} route={route} />;
    case 'contributionNew': return <ContributionNewPage key={route.personId} route={route} />;
    case 'budget': return <BudgetPage route={route} />;
    case 'contributionRules': return <RulesPage route={route} />;
    case 'summary': return <Suspense fallback={<Loader aria-label={i18n.t('app.loading')} />}><SummaryPage route={route} /></Suspense>;
  }
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const user = useUser();
  const { i18n } = useTranslation();
  const [route, setRoute] = useState<Route>({ area: 'today' });
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  const go = (next: Route) => {
    setRoute(next);
    closeNav();
  };

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.mainNavigation')} />
            <Text fw={700} size="lg" c="teal.8">
              {t('app.name')}
            </Text>
            <DemoBadge />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" data-testid="current-user">
              <Text size="sm" fw={600}>
                {user.displayName}
              </Text>
              <Badge variant="light" size="sm">
                {t(`roles.${user.role}`)}
              </Badge>
            </Stack>
            <Button variant="default" onClick={() => void session.lock()} title={t('shell.lockTitle')}>
              {t('common.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.mainNavigation')}>
        {NAV.filter((item) => !item.channel || can(item.channel)).map((item) => {
          const current = route.area === item.area || item.also.includes(route.area);
          return (
            <NavLink
              key={item.area}
              component="button"
              label={t(item.label)}
              active={current}
              aria-current={current ? 'page' : undefined}
              onClick={() => go({ area: item.area } as Route)}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        {session.state.registerKind === 'demo' && (
          <Alert color="orange" variant="light" mb="md" role="note">
            {t('demo.banner')}
          </Alert>
        )}
        <NavigationContext.Provider value={go}>
          <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en-gb' : 'it', firstDayOfWeek: 1 }}>{pageFor(route)}</DatesProvider>
        </NavigationContext.Provider>
      </AppShell.Main>
    </AppShell>
  );
}
