// The app frame once unlocked: header (name, user, Lock), navigation, and the current area.
import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useUser } from '../../app/session-context';
import { HomePage } from '../home/HomePage';
import { SettingsPage } from '../settings/SettingsPage';

type Area = 'home' | 'settings';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const user = useUser();
  const [area, setArea] = useState<Area>('home');
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  const go = (next: Area) => {
    setArea(next);
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
        <NavLink component="button" label={t('shell.home')} active={area === 'home'} aria-current={area === 'home' ? 'page' : undefined} onClick={() => go('home')} />
        <NavLink
          component="button"
          label={t('shell.settings')}
          active={area === 'settings'}
          aria-current={area === 'settings' ? 'page' : undefined}
          onClick={() => go('settings')}
        />
      </AppShell.Navbar>
      <AppShell.Main>{area === 'home' ? <HomePage /> : <SettingsPage />}</AppShell.Main>
    </AppShell>
  );
}
