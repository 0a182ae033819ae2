// Strutture: every structure with its type, partner, flags and tonight's capacity (never its address), the
// totals underneath, and — for admins and coordinators — a new structure.
import { Anchor, Badge, Button, Group, Loader, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StructureSummary } from '../../../../electron/shared/channels/places';
import { useNavigate, type Route } from '../../app/navigation';
import { useCan } from '../../app/session-context';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { vocabLabel } from '../../components/vocab';
import { formatNumber } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { capacityTotals } from './capacity';
import { StructureForm } from './StructureForm';

const FLAGS = [
  { key: 'womenOnly', color: 'pink' },
  { key: 'childrenAllowed', color: 'blue' },
  { key: 'accessible', color: 'cyan' },
  { key: 'lgbtSafe', color: 'violet' },
] as const;

export function StructureFlags({ structure }: { structure: Pick<StructureSummary, 'womenOnly' | 'childrenAllowed' | 'accessible' | 'lgbtSafe'> }) {
  const { t } = useTranslation();
  const flags = FLAGS.filter((flag) => structure[flag.key]);
  return (
    <Group gap={4}>
      {flags.map((flag) => (
        <Badge key={flag.key} color={flag.color} variant="light" tt="none" size="sm">
          {t(`structures.flag.${flag.key}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function StructuresPage(props: { route: Route }) {
  void props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const can = useCan();
  const navigate = useNavigate();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [creating, setCreating] = useState(false);
  const structures = useChannel('structures.list', { includeInactive });
  const rows = structures.value ?? [];
  const totals = capacityTotals(rows);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('structures.title')}</PageTitle>
        {can('structures.save') && (
          <Button onClick={() => setCreating(true)} data-testid="structure-new">
            {t('structures.new')}
          </Button>
        )}
      </Group>
      <Switch
        label={t('structures.includeInactive')}
        checked={includeInactive}
        onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
      />
      <FormAlert messageKey={structures.error?.messageKey ?? null} />
      {structures.loading && !structures.value && <Loader aria-label={t('app.loading')} />}
      {structures.value && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-busy={structures.loading} data-testid="structures-table">
            <Table.Caption>{t('structures.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('structures.name')}</Table.Th>
                <Table.Th scope="col">{t('structures.type')}</Table.Th>
                <Table.Th scope="col">{t('structures.partner')}</Table.Th>
                <Table.Th scope="col">{t('structures.flags')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('structures.places')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('structures.freeToday')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('structures.occupiedToday')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('structures.outOfServiceToday')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>{t('structures.empty')}</Table.Td>
                </Table.Tr>
              )}
              {rows.map((s) => (
                <Table.Tr key={s.id} data-testid="structure-row" data-structure-id={s.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component="button" type="button" ta="left" onClick={() => navigate({ area: 'structure', structureId: s.id })}>
                      {s.name}
                    </Anchor>
                    {!s.active && (
                      <Badge color="gray" variant="light" tt="none" ml="xs" size="sm">
                        {t('structures.inactive')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{vocabLabel(t, 'structureTypes', s.type)}</Table.Td>
                  <Table.Td>{s.partnerName}</Table.Td>
                  <Table.Td>
                    <StructureFlags structure={s} />
                  </Table.Td>
                  <Table.Td ta="right">{n(s.places)}</Table.Td>
                  <Table.Td ta="right" fw={600} c={s.freeToday > 0 ? 'teal.8' : undefined} data-testid="structure-free">
                    {n(s.freeToday)}
                  </Table.Td>
                  <Table.Td ta="right">{n(s.occupiedToday)}</Table.Td>
                  <Table.Td ta="right">{n(s.outOfServiceToday)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {rows.length > 0 && (
              <Table.Tfoot>
                <Table.Tr data-testid="structures-totals">
                  <Table.Th scope="row" colSpan={4}>
                    {t('structures.totals', { count: totals.structures })}
                  </Table.Th>
                  <Table.Td ta="right" fw={700}>{n(totals.places)}</Table.Td>
                  <Table.Td ta="right" fw={700}>{n(totals.freeToday)}</Table.Td>
                  <Table.Td ta="right" fw={700}>{n(totals.occupiedToday)}</Table.Td>
                  <Table.Td ta="right" fw={700}>{n(totals.outOfServiceToday)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && (
        <Modal opened onClose={() => setCreating(false)} size="xl" title={<Title order={2} size="h3" id="structure-new-title">{t('structures.newTitle')}</Title>} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Text size="sm" c="dimmed" mb="md">
            {t('structures.newIntro')}
          </Text>
          <StructureForm
            detail={null}
            labelledBy="structure-new-title"
            onCancel={() => setCreating(false)}
            onSaved={(detail) => navigate({ area: 'structure', structureId: detail.id })}
          />
        </Modal>
      )}
    </Stack>
  );
}
