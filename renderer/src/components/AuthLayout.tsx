// The frame of every screen shown before the app itself: sign-in, lock, setup, forced passphrase change.
import { Box, Container, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../electron/shared/contract';
import { applyLocale } from '../i18n';
import { DemoBadge } from './RegisterKind';

interface Props {
  title: string;
  children: ReactNode;
  /** Wider frame for the recovery key. */
  wide?: boolean;
  /** Extra header content, e.g. a Lock button on forced screens. */
  actions?: ReactNode;
  /** Before sign-in the language is a local choice; once signed in it follows the user's setting. */
  languageSwitch?: boolean;
}

export function AuthLayout({ title, children, wide, actions, languageSwitch }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="lg" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} className="approdo-no-print">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={700} size="lg" c="teal.8">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Group>
            <DemoBadge />
            {languageSwitch && (
              <SegmentedControl
                aria-label={`${t('language.label')}`}
                size="xs"
                value={i18n.language}
                onChange={(value) => applyLocale(value as Locale)}
                data={[
                  { value: 'it', label: t('language.it') },
                  { value: 'en', label: t('language.en') },
                ]}
              />
            )}
            {actions}
          </Group>
        </Group>
      </Box>
      <Container component="main" size={wide ? 'md' : 'xs'} py="xl">
        <Paper withBorder shadow="xs" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
