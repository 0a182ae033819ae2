// "Back up to a folder…" (`backup.toFolder`, admin): a verified backup into a folder the user names, such
// as a USB drive. "Choose…" opens the Electron shell's folder chooser (`backup.pickFolder`); the browser host
// has none, so there the path is typed.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/shared/contract';
import type { BackupEntry } from '../../../../electron/shared/channels/backup';
import { FormAlert, useFieldError, useServerErrors } from '../../components/forms';
import { call } from '../../ipc/client';

const schema = contract['backup.toFolder'].input;

interface Props {
  /** Whether the host has a folder chooser (Electron); without one the path is typed. */
  canPickFolder: boolean;
  onClose: () => void;
  onDone: (entry: BackupEntry) => void;
}

export function BackupToFolderModal({ canPickFolder, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { folder: '' } });
  const { formError, setFormError, handle } = useServerErrors(form, { BACKUP_NO_SPACE: 'folder', BACKUP_FOLDER_NOT_WRITABLE: 'folder' });
  const fieldError = useFieldError();
  const { errors, isSubmitting } = form.formState;
  const [picking, setPicking] = useState(false);

  const pick = async () => {
    setPicking(true);
    const typed = form.getValues('folder').trim();
    const result = await call('backup.pickFolder', { suggested: typed || null });
    setPicking(false);
    if (!result.ok) return handle(result.error);
    if (result.value.folder) form.setValue('folder', result.value.folder, { shouldValidate: true });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await call('backup.toFolder', values);
    if (result.ok) onDone(result.value);
    else handle(result.error);
  });

  return (
    <Modal opened onClose={onClose} title={t('backup.folderTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('backup.folderBody')}</Text>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('backup.folderPath')}
              description={t('backup.folderPathHint')}
              spellCheck={false}
              autoComplete="off"
              data-autofocus
              error={fieldError(errors.folder)}
              {...form.register('folder')}
            />
            {canPickFolder && (
              <Button variant="default" onClick={() => void pick()} loading={picking} data-testid="backup-pick-folder">
                {t('backup.folderChoose')}
              </Button>
            )}
          </Group>
          <FormAlert messageKey={formError} />
          {isSubmitting && (
            <Text size="sm" c="dimmed" role="status">
              {t('backup.running')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('backup.folderSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
