// Interventi / Services: the interventions of a period, filtered by structure, area, type and member of
// staff, with the count, hours and persons reached and the count and hours per type — the coordinator's
// monthly report. Filtering, counting and paging happen in SQL (interventions.list); TanStack Table v9
// shapes the columns. A group activity (one lesson for several women) is recorded from here.
import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { createColumnHelper, metaHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InterventionFilter, InterventionRow } from '../../../../electron/shared/channels/pathway';
import type { PersonRow } from '../../../../electron/shared/channels/people';
import { todayInRome } from '../../../../electron/shared/dates';
import { INTERVENTION_TYPES, PATHWAY_AREAS } from '../../../../electron/shared/domain';
import { useNavigate, type Route } from '../../app/navigation';
import { DateField } from '../../components/DateField';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { PersonPicker, personLabel } from '../../components/PersonPicker';
import { vocabLabel } from '../../components/vocab';
import { formatDate, formatNumber } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { InterventionForm } from './EntryForm';
import { FiguresPanel } from './FiguresPanel';
import { useCan } from '../../app/session-context';
import { hoursOf } from './PathwayTab';

const PAGE = 100;

const features = tableFeatures({ columnMeta: metaHelper<{ label: string; align?: 'right' }>() });
const helper = createColumnHelper<typeof features, InterventionRow>();

function serviceColumns(t: TFunction, locale: string, open: (personId: number) => void) {
  return helper.columns([
    helper.accessor('date', { meta: { label: t('services.colDate') }, cell: (info) => formatDate(info.getValue(), locale) }),
    helper.accessor('code', {
      meta: { label: t('services.colPerson') },
      cell: (info) => (
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => open(info.row.original.personId)}>
          {personLabel(info.row.original, t('persons.restricted'))}
        </Anchor>
      ),
    }),
    helper.accessor('area', { meta: { label: t('services.colArea') }, cell: (info) => vocabLabel(t, 'pathwayAreas', info.getValue()) }),
    helper.accessor('type', {
      meta: { label: t('services.colType') },
      cell: (info) => (
        <>
          {vocabLabel(t, 'interventionTypes', info.getValue())}
          {info.row.original.groupId !== null && <Badge size="xs" variant="outline" ml={4}>{t('pathway.group')}</Badge>}
        </>
      ),
    }),
    helper.accessor('structureName', { meta: { label: t('services.colStructure') }, cell: (info) => info.getValue() ?? '—' }),
    helper.accessor('staffName', { meta: { label: t('services.colBy') }, cell: (info) => info.getValue() ?? info.row.original.provider ?? '—' }),
    helper.accessor('minutes', { meta: { label: t('services.colMinutes'), align: 'right' }, cell: (info) => formatNumber(info.getValue(), locale) }),
  ]);
}

/** The first and last day of the current month in Rome. */
function thisMonth(): { from: string; to: string } {
  const today = todayInRome();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${today.slice(0, 7)}-01`, to: `${today.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

function GroupActivityModal({ staff, onClose, onSaved }: { staff: { id: number; displayName: string; role: 'admin' | 'coordinator' | 'operator' }[]; onClose: () => void; onSaved: (count: number) => void }) {
  const { t } = useTranslation();
  const [participants, setParticipants] = useState<PersonRow[]>([]);
  return (
    <Modal opened onClose={onClose} size="xl" title={t('services.groupTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <InterventionForm
        personIds={participants.map((p) => p.id)}
        staff={staff}
        submitLabel={t('pathway.save')}
        onSaved={onSaved}
        participants={
          <Stack gap="xs">
            <Text fw={600} size="sm">{t('services.groupPersons')}</Text>
            <Group gap="xs" data-testid="group-participants">
              {participants.map((p) => (
                <Badge key={p.id} variant="light" size="lg" tt="none" rightSection={
                  <Anchor component="button" type="button" size="xs" aria-label={t('services.groupRemove', { name: personLabel(p, t('persons.restricted')) })}
                    onClick={() => setParticipants((list) => list.filter((x) => x.id !== p.id))}>×</Anchor>
                }>
                  {personLabel(p, t('persons.restricted'))}
                </Badge>
              ))}
            </Group>
            <PersonPicker
              label={t('services.groupAdd')}
              value={null}
              excludeIds={participants.map((p) => p.id)}
              onChange={(p) => p && setParticipants((list) => [...list, p])}
              data-testid="group-picker"
            />
          </Stack>
        }
      />
    </Modal>
  );
}

export function ServicesPage({ route }: { route: Route }) {
  void route;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Required<InterventionFilter>>(() => ({ ...thisMonth(), structureId: null, area: null, type: null, staffUserId: null }));
  const [offset, setOffset] = useState(0);
  const [grouping, setGrouping] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Counts the group activities recorded here: the figures are read again after each. */
  const [saves, setSaves] = useState(0);
  const list = useChannel('interventions.list', { ...filter, offset, limit: PAGE });
  const structures = useChannel('structures.list', { includeInactive: true });
  const staff = useChannel('interventions.staff', {});
  const columns = useMemo(() => serviceColumns(t, locale, (personId) => navigate({ area: 'person', personId })), [t, locale, navigate]);
  const value = list.value;
  const can = useCan();
  const table = useTable({ features, columns, data: value?.rows ?? [], getRowId: (row) => String(row.id) });

  const change = (next: Partial<InterventionFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setOffset(0);
  };
  const option = <V extends string | number>(v: V, label: string) => ({ value: String(v), label });

  return (
    <Stack gap="lg" data-testid="services-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('services.title')}</PageTitle>
          <Text c="dimmed">{t('services.intro')}</Text>
        </div>
        <Button onClick={() => setGrouping(true)} data-testid="group-activity">{t('services.groupActivity')}</Button>
      </Group>
      {notice && <Text role="status" c="teal.8" fw={600}>{notice}</Text>}

      <Card withBorder padding="sm" component="section" aria-label={t('persons.filters')}>
        <Group align="flex-end" gap="sm">
          <DateField label={t('services.from')} value={filter.from} onChange={(v) => v && change({ from: v })} clearable={false} data-testid="services-from" />
          <DateField label={t('services.to')} value={filter.to} onChange={(v) => v && change({ to: v })} clearable={false} data-testid="services-to" />
          <Select label={t('services.structure')} clearable placeholder={t('services.all')} w={220}
            data={(structures.value ?? []).map((s) => option(s.id, s.name))}
            value={filter.structureId ? String(filter.structureId) : null} onChange={(v) => change({ structureId: v ? Number(v) : null })} data-testid="services-structure" />
          <Select label={t('services.area')} clearable placeholder={t('services.all')} w={200}
            data={PATHWAY_AREAS.map((a) => option(a, vocabLabel(t, 'pathwayAreas', a)))}
            value={filter.area} onChange={(v) => change({ area: (v as InterventionFilter['area']) ?? null })} data-testid="services-area" />
          <Select label={t('services.type')} clearable placeholder={t('services.all')} w={220}
            data={INTERVENTION_TYPES.map((a) => option(a, vocabLabel(t, 'interventionTypes', a)))}
            value={filter.type} onChange={(v) => change({ type: (v as InterventionFilter['type']) ?? null })} data-testid="services-type" />
          <Select label={t('services.staff')} clearable placeholder={t('services.all')} w={200}
            data={(staff.value ?? []).map((s) => option(s.id, s.displayName))}
            value={filter.staffUserId ? String(filter.staffUserId) : null} onChange={(v) => change({ staffUserId: v ? Number(v) : null })} data-testid="services-staff" />
        </Group>
      </Card>
      <FormAlert messageKey={list.error?.messageKey ?? null} />

      {value && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder padding="sm"><Text fw={700} size="xl" data-testid="services-total">{t('services.total', { count: value.total })}</Text></Card>
            <Card withBorder padding="sm"><Text fw={700} size="xl" data-testid="services-hours">{t('services.hours', { hours: hoursOf(value.minutes, locale) })}</Text></Card>
            <Card withBorder padding="sm"><Text fw={700} size="xl" data-testid="services-persons">{t('services.persons', { count: value.persons })}</Text></Card>
          </SimpleGrid>
          <Card withBorder padding="sm" component="section" aria-labelledby="by-type-title">
            <Title order={2} size="h4" id="by-type-title" mb="xs">{t('services.byType')}</Title>
            <Table verticalSpacing={4} data-testid="services-by-type" maw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('services.colType')}</Table.Th>
                  <Table.Th ta="right">{t('services.colCount')}</Table.Th>
                  <Table.Th ta="right">{t('services.colHours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {value.byType.map((r) => (
                  <Table.Tr key={r.type} data-testid={`by-type-${r.type}`}>
                    <Table.Td>{vocabLabel(t, 'interventionTypes', r.type)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.count, locale)}</Table.Td>
                    <Table.Td ta="right">{hoursOf(r.minutes, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>

          {value.total === 0 ? (
            <Text c="dimmed">{t('services.noRows')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover verticalSpacing={4} data-testid="services-table">
                <Table.Thead>
                  {table.getHeaderGroups().map((group) => (
                    <Table.Tr key={group.id}>
                      {group.headers.map((header) => (
                        <Table.Th key={header.id} ta={header.column.columnDef.meta?.align}>{header.column.columnDef.meta?.label}</Table.Th>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Thead>
                <Table.Tbody>
                  {table.getRowModel().rows.map((row) => (
                    <Table.Tr key={row.id} data-testid="services-row">
                      {row.getAllCells().map((cell) => (
                        <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align}>
                          <table.FlexRender cell={cell} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {value.total > PAGE && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">{t('services.page', { from: offset + 1, to: Math.min(offset + PAGE, value.total), total: value.total })}</Text>
              <Group gap="xs">
                <Button variant="default" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE))}>{t('services.previous')}</Button>
                <Button variant="default" disabled={offset + PAGE >= value.total} onClick={() => setOffset((o) => o + PAGE)}>{t('services.next')}</Button>
              </Group>
            </Group>
          )}
        </>
      )}

      {can('pathway.figures') && <FiguresPanel key={saves} from={filter.from} to={filter.to} />}

      {grouping && (
        <GroupActivityModal
          staff={staff.value ?? []}
          onClose={() => setGrouping(false)}
          onSaved={(count) => {
            setGrouping(false);
            setNotice(t('services.groupSaved', { count }));
            setSaves((n) => n + 1);
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}
