// Impostazioni: one tab per concern; a tab the user's role cannot use is not shown at all.
import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelName } from '../../../../electron/shared/contract';
import { useCan, useUser } from '../../app/session-context';
import { AuditTab } from '../audit/AuditTab';
import { ChangePassphraseForm } from '../session/ChangePassphraseForm';
import { UsersTab } from '../users/UsersTab';
import { AutoLockTab } from './AutoLockTab';
import { CalendarTab } from './CalendarTab';
import { LanguageTab } from './LanguageTab';
import { SecurityTab } from './SecurityTab';

interface SettingsTab {
  value: string;
  label: string;
  /** Shown only to users who may call this channel (what the tab is for); none: every signed-in user. */
  channel?: ChannelName;
  content: ReactNode;
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const can = useCan();
  const tabs: SettingsTab[] = [
    { value: 'passphrase', label: t('settings.tabPassphrase'), content: <ChangePassphraseForm /> },
    { value: 'language', label: t('settings.tabLanguage'), content: <LanguageTab /> },
    { value: 'auto-lock', label: t('settings.tabAutoLock'), content: <AutoLockTab /> },
    { value: 'calendar', label: t('settings.tabCalendar'), content: <CalendarTab /> },
    { value: 'users', label: t('settings.tabUsers'), channel: 'users.list', content: <UsersTab /> },
    { value: 'security', label: t('settings.tabSecurity'), channel: 'register.rekey', content: <SecurityTab /> },
    { value: 'audit', label: t('settings.tabAudit'), channel: 'audit.list', content: <AuditTab /> },
  ];
  const visible = tabs.filter((tab) => !tab.channel || can(tab.channel));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('settings.title')}</Title>
      {/* Panels unmount when left: each tab reads fresh data and keeps none once closed. Keyed by role, so a
          role change never leaves a hidden tab selected. */}
      <Tabs key={role} defaultValue="passphrase" keepMounted={false}>
        <Tabs.List aria-label={t('settings.tabsLabel')}>
          {visible.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {visible.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="lg">
            {tab.content}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
