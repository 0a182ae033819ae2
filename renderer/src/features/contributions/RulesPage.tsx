// Tabella dei criteri / Rule table editor: per type of contribution, the bands (household size, emergency
// level, ISEE) that give a suggested amount, and the caps. Coordinators and admins edit; others read.
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTION_TYPES, EMERGENCY_LEVELS, type ContributionType, type EmergencyLevel, type RuleBand } from '../../../../electron/shared/contributions';
import type { Route } from '../../app/navigation';
import { useCan } from '../../app/session-context';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { MoneyInput, readAmount, refusalText, toInput, useSubmit } from './money';

/** A band as typed: money as text (kept as typed on a refusal). */
interface BandText {
  householdMin: number | string;
  householdMax: number | string;
  emergencyMin: EmergencyLevel | null;
  iseeMax: string;
  base: string;
  perMember: string;
  cap: string;
}

const toText = (band: RuleBand, locale: string): BandText => ({
  householdMin: band.householdMin, householdMax: band.householdMax ?? '', emergencyMin: band.emergencyMin,
  iseeMax: toInput(band.iseeMaxCents, locale), base: toInput(band.baseCents, locale), perMember: toInput(band.perExtraMemberCents, locale), cap: toInput(band.capCents, locale),
});

export function RulesPage(_: { route: Extract<Route, { area: 'contributionRules' }> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const manager = useCan()('contributionRules.save');
  const read = useChannel('contributionRules.get', {});
  const [type, setType] = useState<ContributionType>('rental_start');
  const [bands, setBands] = useState<BandText[]>([]);
  const [typeCap, setTypeCap] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const current = read.value?.find((r) => r.type === type);

  useEffect(() => {
    if (!current) return;
    setBands(current.table.bands.map((b) => toText(b, locale)));
    setTypeCap(toInput(current.table.capCents, locale));
    submit.clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.version, type, read.value]);

  const set = (i: number, patch: Partial<BandText>) => setBands(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  const save = () => submit.run(async () => {
    setSaved(false);
    const errors: Record<string, string[]> = {};
    const money = (text: string, field: string, required: boolean) => {
      const read = readAmount(text, required);
      if (read.error) errors[field] = [read.error];
      return read.cents;
    };
    const parsed = bands.map((b, i) => ({
      householdMin: typeof b.householdMin === 'number' ? b.householdMin : (errors[`bands.${i}.householdMin`] = ['validation.required'], 1),
      householdMax: typeof b.householdMax === 'number' ? b.householdMax : null,
      emergencyMin: b.emergencyMin,
      iseeMaxCents: money(b.iseeMax, `bands.${i}.iseeMaxCents`, false),
      baseCents: money(b.base, `bands.${i}.baseCents`, true) ?? 0,
      perExtraMemberCents: money(b.perMember, `bands.${i}.perExtraMemberCents`, false) ?? 0,
      capCents: money(b.cap, `bands.${i}.capCents`, false),
    }));
    const capCents = money(typeCap, 'capCents', false);
    const fields = ['capCents', ...bands.flatMap((_, i) => ['householdMin', 'householdMax', 'iseeMaxCents', 'baseCents', 'perExtraMemberCents', 'capCents'].map((f) => `bands.${i}.${f}`))];
    const placeFields = (fieldErrors: Record<string, string[]>) => Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^table\./, ''), v]));
    if (Object.keys(errors).length) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: errors }, fields);
    const result = await call('contributionRules.save', { type, table: { bands: parsed, capCents } });
    if (!result.ok) return submit.fail({ ...result.error, fieldErrors: placeFields(result.error.fieldErrors ?? {}) }, fields);
    read.setValue(result.value);
    submit.clear();
    setSaved(true);
  });

  const err = (i: number, f: string) => submit.errors[`bands.${i}.${f}`];
  return (
    <Stack>
      <PageTitle>{t('contributions.rules.title')}</PageTitle>
      <Text size="sm" c="dimmed">{t('contributions.rules.intro')}</Text>
      {read.error && <Alert color="red" role="alert">{refusalText(read.error)}</Alert>}
      <Select label={t('contributions.rules.type')} w={320} value={type} allowDeselect={false} onChange={(v) => v && setType(v as ContributionType)}
        data={CONTRIBUTION_TYPES.map((c) => ({ value: c, label: t(`vocab.contributionTypes.${c}`) }))} data-testid="rules-type" />
      {current && (
        <Text size="sm">
          {current.version === null ? t('contributions.rules.builtIn')
            : t('contributions.rules.version', { version: current.version, date: formatDate(current.savedAt, locale), by: current.byName ?? '—' })}
        </Text>
      )}
      {!manager && <Text size="sm" c="dimmed">{t('contributions.rules.readOnly')}</Text>}
      <Paper withBorder p="sm" style={{ overflowX: 'auto' }}>
        <Table data-testid="rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contributions.rules.band')}</Table.Th><Table.Th>{t('contributions.rules.householdMin')}</Table.Th><Table.Th>{t('contributions.rules.householdMax')}</Table.Th>
              <Table.Th>{t('contributions.rules.emergencyMin')}</Table.Th><Table.Th>{t('contributions.rules.iseeMax')}</Table.Th><Table.Th>{t('contributions.rules.base')}</Table.Th>
              <Table.Th>{t('contributions.rules.perMember')}</Table.Th><Table.Th>{t('contributions.rules.cap')}</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bands.map((b, i) => (
              <Table.Tr key={i}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td><NumberInput w={70} min={1} max={30} allowDecimal={false} value={b.householdMin} onChange={(v) => set(i, { householdMin: v })} disabled={!manager} error={err(i, 'householdMin')} aria-label={`${t('contributions.rules.householdMin')} ${i + 1}`} /></Table.Td>
                <Table.Td><NumberInput w={70} min={1} max={30} allowDecimal={false} value={b.householdMax} onChange={(v) => set(i, { householdMax: v })} disabled={!manager} error={err(i, 'householdMax')} aria-label={`${t('contributions.rules.householdMax')} ${i + 1}`} /></Table.Td>
                <Table.Td>
                  <Select w={130} value={b.emergencyMin ?? 'any'} allowDeselect={false} disabled={!manager} onChange={(v) => set(i, { emergencyMin: !v || v === 'any' ? null : (v as EmergencyLevel) })}
                    data={[{ value: 'any', label: t('contributions.rules.anyEmergency') }, ...EMERGENCY_LEVELS.map((l) => ({ value: l, label: t(`vocab.emergencyLevels.${l}`) }))]}
                    aria-label={`${t('contributions.rules.emergencyMin')} ${i + 1}`} />
                </Table.Td>
                <Table.Td><MoneyInput w={120} value={b.iseeMax} onChange={(v) => set(i, { iseeMax: v })} disabled={!manager} error={err(i, 'iseeMaxCents')} aria-label={`${t('contributions.rules.iseeMax')} ${i + 1}`} /></Table.Td>
                <Table.Td><MoneyInput w={120} value={b.base} onChange={(v) => set(i, { base: v })} disabled={!manager} error={err(i, 'baseCents')} aria-label={`${t('contributions.rules.base')} ${i + 1}`} /></Table.Td>
                <Table.Td><MoneyInput w={120} value={b.perMember} onChange={(v) => set(i, { perMember: v })} disabled={!manager} error={err(i, 'perExtraMemberCents')} aria-label={`${t('contributions.rules.perMember')} ${i + 1}`} /></Table.Td>
                <Table.Td><MoneyInput w={120} value={b.cap} onChange={(v) => set(i, { cap: v })} disabled={!manager} error={err(i, 'capCents')} aria-label={`${t('contributions.rules.cap')} ${i + 1}`} /></Table.Td>
                <Table.Td>{manager && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setBands(bands.filter((_, j) => j !== i))}>{t('contributions.rules.removeBand', { band: i + 1 })}</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <MoneyInput label={t('contributions.rules.typeCap')} w={260} value={typeCap} onChange={setTypeCap} disabled={!manager} error={submit.errors.capCents} data-testid="rules-type-cap" />
      {submit.message && <Alert color="red" role="alert">{submit.message}</Alert>}
      {saved && <Text role="status" c="teal">{t('contributions.rules.saved')}</Text>}
      {manager && (
        <Group>
          <Button variant="default" onClick={() => setBands([...bands, { householdMin: 1, householdMax: '', emergencyMin: null, iseeMax: '', base: '', perMember: '', cap: '' }])}>
            {t('contributions.rules.addBand')}
          </Button>
          <Button loading={submit.busy} onClick={() => void save()} data-testid="rules-save">{t('contributions.rules.save')}</Button>
        </Group>
      )}
    </Stack>
  );
}
