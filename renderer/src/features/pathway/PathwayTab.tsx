// The person page's Percorso / Pathway tab: the plan of each stay with its goals and progress, the timeline
// of interventions and case notes, and one short form to add either (docs/pathway.md). The notes come from
// their own channel: when the main process refuses them, the tab says who can read them and nothing more.
import { Alert, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pathway, Plan } from '../../../../electron/shared/channels/pathway';
import { FormAlert } from '../../components/forms';
import { vocabLabel } from '../../components/vocab';
import { formatDate, formatNumber } from '../../i18n/format';
import { useChannel } from '../../ipc/use-channel';
import { EntryForm } from './EntryForm';
import { PlanPanel } from './PlanPanel';

type TimelineItem =
  | { kind: 'intervention'; key: string; date: string; row: Pathway['interventions'][number] }
  | { kind: 'note'; key: string; date: string; note: { id: number; body: string; authorName: string | null; confidential: boolean } };

export const hoursOf = (minutes: number, locale: string) => formatNumber(Math.round(minutes / 6) / 10, locale);

export function PathwayTab({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const pathway = useChannel('pathway.get', { personId });
  // The person page remounts this tab when the names are revealed: the notes are then read again.
  const notes = useChannel('notes.list', { personId });
  const [notice, setNotice] = useState<string | null>(null);
  const value = pathway.value;

  const timeline = useMemo<TimelineItem[]>(() => {
    const items: TimelineItem[] = (value?.interventions ?? []).map((row) => ({ kind: 'intervention', key: `i${row.id}`, date: row.date, row }));
    for (const n of notes.value ?? []) items.push({ kind: 'note', key: `n${n.id}`, date: n.date, note: n });
    return items.sort((a, b) => (a.date === b.date ? b.key.localeCompare(a.key) : b.date.localeCompare(a.date)));
  }, [value, notes.value]);

  if (!value) return pathway.loading ? <Loader aria-label={t('app.loading')} /> : <FormAlert messageKey={pathway.error?.messageKey ?? null} />;

  const openStay = value.stays.find((s) => s.exitDate === null) ?? value.stays[0];
  const goals = openStay?.plan?.goals ?? [];
  const notesRefused = notes.error?.code === 'FORBIDDEN';
  const setPlan = (stayId: number, plan: Plan) =>
    pathway.setValue({ ...value, stays: value.stays.map((s) => (s.id === stayId ? { ...s, plan } : s)) });

  return (
    <Stack gap="lg" data-testid="pathway">
      {notice && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
          {notice}
        </Alert>
      )}
      <Stack gap="sm" component="section" aria-labelledby="plan-title">
        <Title order={2} id="plan-title">{t('pathway.planTitle')}</Title>
        {value.stays.length === 0 && <Text c="dimmed">{t('pathway.noStays')}</Text>}
        {value.stays.map((s) => (
          <Card key={s.id} withBorder padding="md" data-testid="pathway-stay">
            <Text fw={600} mb="xs">
              {s.exitDate
                ? t('pathway.stayFromTo', { from: formatDate(s.entryDate, locale), to: formatDate(s.exitDate, locale) })
                : t('pathway.stayFrom', { from: formatDate(s.entryDate, locale) })}
            </Text>
            <PlanPanel stayId={s.id} plan={s.plan} onChanged={(plan) => setPlan(s.id, plan)} />
          </Card>
        ))}
      </Stack>

      {value.stays.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="entry-title">
          <Title order={2} id="entry-title">{t('pathway.addTitle')}</Title>
          <EntryForm
            personId={personId}
            staff={value.staff}
            goals={goals}
            canWriteNotes={!notesRefused}
            onSaved={(kind) => {
              setNotice(t(kind === 'note' ? 'pathway.savedNote' : 'pathway.savedIntervention'));
              if (kind === 'note') notes.reload();
              else pathway.reload();
            }}
          />
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="timeline-title">
        <Group justify="space-between">
          <Title order={2} id="timeline-title">{t('pathway.timeline')}</Title>
          <Text size="sm" c="dimmed" data-testid="pathway-totals">
            {t('pathway.totals', { count: value.interventionCount, hours: hoursOf(value.minutes, locale) })}
          </Text>
        </Group>
        {notesRefused && (
          <Alert color="gray" variant="light" data-testid="notes-hidden">
            {t('pathway.notesHidden')}
          </Alert>
        )}
        {timeline.length === 0 && <Text c="dimmed">{t('pathway.timelineEmpty')}</Text>}
        <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="timeline">
          {timeline.map((item) => (
            <Card component="li" key={item.key} withBorder padding="xs" data-testid={item.kind === 'note' ? 'timeline-note' : 'timeline-intervention'}>
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <Text size="sm" fw={600} miw={90}>{formatDate(item.date, locale)}</Text>
                {item.kind === 'intervention' ? (
                  <Stack gap={0}>
                    <Text size="sm">
                      <Badge size="sm" variant="light" mr={6}>{vocabLabel(t, 'pathwayAreas', item.row.area)}</Badge>
                      {t('pathway.interventionBy', {
                        type: vocabLabel(t, 'interventionTypes', item.row.type), minutes: item.row.minutes, by: item.row.staffName ?? item.row.provider ?? '—',
                      })}
                      {item.row.groupId !== null && <Badge size="sm" variant="outline" ml={6}>{t('pathway.group')}</Badge>}
                    </Text>
                    {item.row.outcome && <Text size="sm" c="dimmed">{item.row.outcome}</Text>}
                  </Stack>
                ) : (
                  <Stack gap={0}>
                    <Text size="sm" c="dimmed">
                      {t('pathway.noteBy', { name: item.note.authorName ?? '—' })}
                      {item.note.confidential && <Badge size="sm" color="grape" variant="light" ml={6}>{t('pathway.noteConfidential')}</Badge>}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{item.note.body}</Text>
                  </Stack>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}
