// Possible duplicates found before registering a person: open the existing record, or create anyway.
import { Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { duplicateSchema } from '../../../../electron/shared/channels/people';

export type Duplicate = z.infer<typeof duplicateSchema>;

interface DuplicatesModalProps {
  duplicates: Duplicate[];
  busy: boolean;
  onOpen: (personId: number) => void;
  onCreateAnyway: () => void;
  onClose: () => void;
}

export function DuplicatesModal({ duplicates, busy, onOpen, onCreateAnyway, onClose }: DuplicatesModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('person.duplicatesTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="duplicates">
        <Text>{t('person.duplicatesBody', { count: duplicates.length })}</Text>
        <List spacing="sm" listStyleType="none" p={0}>
          {duplicates.map((duplicate) => (
            <List.Item key={duplicate.id} data-testid="duplicate-row">
              <Group justify="space-between" wrap="nowrap" gap="md">
                <div>
                  <Text ff="monospace" fw={600} span>
                    {duplicate.code}
                  </Text>{' '}
                  {duplicate.displayName ? (
                    <Text span>{duplicate.displayName}</Text>
                  ) : (
                    <Badge color="grape" variant="light" tt="none">
                      {t('persons.restricted')}
                    </Badge>
                  )}
                  <Text size="sm" c="dimmed">
                    {t(`person.duplicateReason.${duplicate.reason}`)}
                  </Text>
                </div>
                <Button
                  variant="light"
                  onClick={() => onOpen(duplicate.id)}
                  aria-label={t('person.openExistingCode', { code: duplicate.code })}
                  data-autofocus={duplicate === duplicates[0] ? true : undefined}
                >
                  {t('person.openExisting')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={busy} onClick={onCreateAnyway} data-testid="create-anyway">
            {t('person.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
