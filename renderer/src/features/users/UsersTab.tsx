// Users (admin only): the list with role, status and pending passphrase change; add, change role,
// disable, reset passphrase.
import { Alert, Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, roleSchema, type UserRow } from '../../../../electron/shared/contract';
import { useSession, useUser } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { AddUserForm } from './AddUserForm';
import { DisableUserModal, ResetPassphraseModal } from './UserModals';

type Dialog = { kind: 'disable' | 'reset'; user: UserRow } | null;

export function UsersTab() {
  const { t } = useTranslation();
  const me = useUser();
  const session = useSession();
  const users = useChannel('users.list', {});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const replaceRow = (row: UserRow) => {
    const rows = users.value ?? [];
    users.setValue(rows.some((r) => r.id === row.id) ? rows.map((r) => (r.id === row.id ? row : r)) : [...rows, row]);
  };
  const done = (row: UserRow, message: string) => {
    replaceRow(row);
    setError(null);
    setNotice(message);
    setDialog(null);
  };

  const changeRole = async (user: UserRow, value: string) => {
    const role = roleSchema.safeParse(value);
    if (!role.success || role.data === user.role) return;
    setNotice(null);
    const result = await call('users.setRole', { userId: user.id, role: role.data });
    if (!result.ok) return setError(result.error.messageKey);
    done(result.value, t('users.roleChanged', { name: user.displayName }));
    if (user.id === me.id) await session.refresh();
  };

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2}>{t('users.title')}</Title>
        {users.loading && !users.value && <Loader aria-label={t('app.loading')} />}
        <FormAlert messageKey={error ?? users.error?.messageKey ?? null} />
        {notice && (
          <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
            {notice}
          </Alert>
        )}
        {users.value && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{t('users.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('common.username')}</Table.Th>
                  <Table.Th>{t('common.role')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.createdAt')}</Table.Th>
                  <Table.Th>{t('users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.value.map((user) => {
                  const active = user.status === 'active';
                  return (
                    <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                      <Table.Td>
                        {user.displayName}
                        {user.id === me.id && (
                          <Text span c="dimmed" size="sm">
                            {' '}
                            ({t('users.you')})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{user.username}</Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('users.roleOf', { name: user.displayName })}
                          data={roleOptions}
                          value={user.role}
                          disabled={!active}
                          onChange={(event) => void changeRole(user, event.currentTarget.value)}
                          size="xs"
                          miw={190}
                        />
                      </Table.Td>
                      <Table.Td miw={200}>
                        <Group gap={4}>
                          <Badge color={active ? 'teal' : 'gray'} variant="light" tt="none">
                            {active ? t('users.active') : t('users.disabled')}
                          </Badge>
                          {active && user.mustChangePassphrase && (
                            <Badge color="orange" variant="light" tt="none">
                              {t('users.mustChange')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDate(user.createdAt, me.locale)}</Table.Td>
                      <Table.Td>
                        {/* Your own passphrase is changed under "My passphrase"; disabling yourself is refused. */}
                        {active && user.id !== me.id && (
                          <Group gap="xs" wrap="nowrap" role="group" aria-label={t('users.actionsFor', { name: user.displayName })}>
                            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'reset', user })}>
                              {t('users.reset')}
                            </Button>
                            <Button size="xs" variant="light" color="red" onClick={() => setDialog({ kind: 'disable', user })}>
                              {t('users.disable')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <AddUserForm onAdded={(row) => done(row, t('users.added', { username: row.username }))} />
      {dialog?.kind === 'disable' && (
        <DisableUserModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(row) => done(row, t('users.disabledDone', { name: row.displayName }))}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPassphraseModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(row) => done(row, t('users.resetDone', { name: row.displayName }))}
        />
      )}
    </Stack>
  );
}
