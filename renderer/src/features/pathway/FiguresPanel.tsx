// The accompaniment figures of the period for coordinators and admins (pathway.figures): interventions,
// hours, persons reached and goals reached per structure, structure type and partner — what the monthly
// summary takes (docs/pathway.md).
import { Card, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureBlock } from '../../../../electron/shared/channels/pathway';
import { FormAlert } from '../../components/forms';
import { vocabLabel } from '../../components/vocab';
import { formatNumber } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { hoursOf } from './PathwayTab';

type By = 'structure' | 'type' | 'partner';

export function FiguresPanel({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [by, setBy] = useState<By>('structure');
  const figures = useChannel('pathway.figures', { from, to });
  const value = figures.value;
  if (!value) return <FormAlert messageKey={figures.error?.messageKey ?? null} />;
  const rows: (FigureBlock & { key: string; label: string })[] =
    by === 'structure'
      ? value.byStructure.map((r) => ({ ...r, key: String(r.structureId), label: r.name ?? t('figures.notPlaced') }))
      : by === 'type'
        ? value.byStructureType.map((r) => ({ ...r, key: String(r.type), label: r.type ? vocabLabel(t, 'structureTypes', r.type) : t('figures.notPlaced') }))
        : value.byPartner.map((r) => ({ ...r, key: String(r.partnerId), label: r.name ?? t('figures.notPlaced') }));
  const n = (x: number) => formatNumber(x, locale);
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="figures-title" data-testid="pathway-figures">
      <Title order={2} size="h4" id="figures-title" mb="xs">{t('figures.title')}</Title>
      <SegmentedControl mb="xs" value={by} onChange={(v) => setBy(v as By)}
        data={[{ value: 'structure', label: t('figures.byStructure') }, { value: 'type', label: t('figures.byType') }, { value: 'partner', label: t('figures.byPartner') }]} />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('services.colCount')}</Table.Th>
              <Table.Th ta="right">{t('services.colHours')}</Table.Th>
              <Table.Th ta="right">{t('figures.personsReached')}</Table.Th>
              <Table.Th ta="right">{t('figures.goalsReached')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500}>{r.label}</Table.Th>
                <Table.Td ta="right">{n(r.interventions)}</Table.Td>
                <Table.Td ta="right">{hoursOf(r.minutes, locale)}</Table.Td>
                <Table.Td ta="right">{n(r.personsReached)}</Table.Td>
                <Table.Td ta="right">{n(r.goalsReached)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('figures.total')}</Table.Th>
              <Table.Td ta="right">{n(value.total.interventions)}</Table.Td>
              <Table.Td ta="right">{hoursOf(value.total.minutes, locale)}</Table.Td>
              <Table.Td ta="right">{n(value.total.personsReached)}</Table.Td>
              <Table.Td ta="right">{n(value.total.goalsReached)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>{t('figures.note')}</Text>
    </Card>
  );
}
