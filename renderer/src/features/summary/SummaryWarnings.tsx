// The month's warnings (balance broken, occupancy over 100 % or under 65 %), each with links to the records
// behind it: a stay opens its person, a place opens the bed board at the month, filtered to its structure.
// The summary carries only ids; the month's bed board (board.get) names them — the same read the board
// itself makes. A stay with no night in the month is not on the board and shows by its number.
import { Alert, Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MonthSummary, SummaryWarning } from '../../../../electron/shared/channels/summary';
import { addDays } from '../../../../electron/shared/dates';
import { useNavigate } from '../../app/navigation';
import { useChannel } from '../../ipc/use-channel';
import { codeLabel, formatFigure } from './figure-labels';

/** The level a warning is about, in words. */
export function warningLevel(t: TFunction, summary: MonthSummary, warning: SummaryWarning): string {
  const key = warning.key;
  switch (warning.level) {
    case 'total': return t('summary.levelOf.total');
    case 'structure': return t('summary.levelOf.structure', { name: summary.structures.find((s) => s.id === key)?.name ?? t('summary.levelOf.unknown', { id: String(key) }) });
    case 'partner': return t('summary.levelOf.partner', { name: summary.partners.find((p) => p.id === key)?.name ?? t('summary.levelOf.unknown', { id: String(key) }) });
    case 'type': return t('summary.levelOf.type', { name: codeLabel(t, 'structureTypes', String(key)) });
  }
}

export function SummaryWarnings({ summary }: { summary: MonthSummary }) {
  const { t } = useTranslation();
  if (summary.warnings.length === 0) {
    return (
      <Alert color="teal" variant="light" data-testid="warnings-none">
        {t('summary.warnings.none')}
      </Alert>
    );
  }
  return <WarningList summary={summary} />;
}

/** The warnings, named from the month's bed board (read only when there is a warning to name). */
function WarningList({ summary }: { summary: MonthSummary }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const board = useChannel('board.get', { from: summary.from, to: addDays(summary.to, 1) });
  const places = new Map((board.value?.places ?? []).map((p) => [p.placeId, p]));
  const stays = new Map((board.value?.bars ?? []).map((b) => [b.stayId, b]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="summary-warnings-title" data-testid="summary-warnings">
      <Title order={2} size="h4" id="summary-warnings-title">{t('summary.warnings.title')}</Title>
      {summary.warnings.map((warning, i) => {
        const level = warningLevel(t, summary, warning);
        // A balance's difference is a count; an occupancy a percentage with one decimal (the sentence has the %).
        const value = formatFigure(warning.value, warning.kind === 'balance' ? 'count' : 'days', locale);
        return (
          <Alert key={i} color={warning.kind === 'occupancyLow' ? 'yellow' : 'red'} variant="light" role="note" data-testid="summary-warning" data-kind={warning.kind}>
            <Text fw={600} size="sm">{t(`summary.warnings.${warning.kind}`, { level, value })}</Text>
            {warning.stayIds.length > 0 && (
              <>
                <Text size="sm" mt={4}>{t('summary.warnings.stays', { count: warning.stayIds.length })}</Text>
                <List size="sm" spacing={2}>
                  {warning.stayIds.map((id) => {
                    const bar = stays.get(id);
                    return (
                      <List.Item key={id}>
                        {bar ? (
                          <Anchor component="button" type="button" onClick={() => navigate({ area: 'person', personId: bar.personId })} data-testid="warning-stay">
                            {t('summary.warnings.stayLink', { label: bar.label })}
                          </Anchor>
                        ) : (
                          t('summary.warnings.stayUnknown', { id })
                        )}
                      </List.Item>
                    );
                  })}
                </List>
              </>
            )}
            {warning.placeIds.length > 0 && (
              <>
                <Text size="sm" mt={4}>{t('summary.warnings.places', { count: warning.placeIds.length })}</Text>
                <Group gap="sm" mt={2}>
                  {warning.placeIds.map((id) => {
                    const place = places.get(id);
                    return place ? (
                      <Anchor key={id} component="button" type="button" size="sm" data-testid="warning-place"
                        onClick={() => navigate({ area: 'board', date: summary.from, view: 'month', structureId: place.structureId })}>
                        {t('summary.warnings.placeLink', { structure: place.structureName, place: `${place.roomName} ${place.label}` })}
                      </Anchor>
                    ) : (
                      <Text key={id} size="sm">{t('summary.warnings.placeUnknown', { id })}</Text>
                    );
                  })}
                </Group>
              </>
            )}
          </Alert>
        );
      })}
    </Stack>
  );
}
