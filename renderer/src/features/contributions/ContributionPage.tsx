// A contribution of a household: assessment with the suggested amount and how it was reached, decisions
// (approve / revise with an override past the budget, reject, withdraw), the contract (address confidential),
// planned instalments, payments with a running balance (cancelled, never deleted), paper references.
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionDetail } from '../../../../electron/shared/channels/contributions';
import { CONTRACT_KINDS, PAYMENT_METHODS } from '../../../../electron/shared/contributions';
import { todayInRome } from '../../../../electron/shared/dates';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { useNavigate, type Route } from '../../app/navigation';
import { useCan, useUser } from '../../app/session-context';
import { MANAGERS, type Role } from '../../../../electron/shared/contract';
import { DateField } from '../../components/DateField';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../i18n/format';
import { call } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { AssessmentForm, SuggestionExplained } from './AssessmentForm';
import { STATUS_COLORS } from './contribution-columns';
import { MoneyInput, readAmount, refusalText, toInput, useEuro, useSubmit } from './money';

type Detail = ContributionDetail;
type Update = (next: Detail) => void;
/** Admins and coordinators decide; the service checks the same list (e.g. withdrawing an approved contribution). */
const isManager = (role: Role) => (MANAGERS as readonly Role[]).includes(role);

export function ContributionPage({ route }: { route: Extract<Route, { area: 'contribution' }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const read = useChannel('contributions.get', { id: route.contributionId });
  const euro = useEuro();
  const user = useUser();
  const [reassessing, setReassessing] = useState(false);
  if (read.error) return <Alert color="red" role="alert">{refusalText(read.error)}</Alert>;
  const detail = read.value;
  if (!detail) return <Text>{t('app.loading')}</Text>;
  const { row } = detail;
  const update: Update = (next) => read.setValue(next);

  return (
    <Stack>
      <Anchor component="button" onClick={() => navigate({ area: 'contributions' })} w="fit-content">← {t('contributions.back')}</Anchor>
      <Group justify="space-between">
        <PageTitle>{row.reference} · {t(`vocab.contributionTypes.${row.type}`)}</PageTitle>
        <Badge size="lg" variant="light" tt="none" color={STATUS_COLORS[row.status]} data-testid="contribution-status">{t(`vocab.contributionStatuses.${row.status}`)}</Badge>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('contributions.colProposed')} value={euro(row.proposedCents)} testId="figure-proposed" />
          <Figure label={t('contributions.colApproved')} value={euro(row.approvedCents) || '—'} testId="figure-approved" />
          <Figure label={t('contributions.colPaid')} value={euro(row.paidCents)} testId="figure-paid" />
          <Figure label={t('contributions.colYear')} value={String(row.year)} />
        </SimpleGrid>
        {detail.budgetRemainingCents !== null && (
          <Text size="sm" mt="sm" data-testid="budget-remaining">
            {t('contributions.budgetRemaining', { type: t(`vocab.contributionTypes.${row.type}`), year: row.year, amount: euro(detail.budgetRemainingCents) })}
          </Text>
        )}
      </Paper>

      <Title order={2} size="h4">{t('contributions.household')}</Title>
      <Group gap="xs">
        {detail.members.map((m) => (
          <Anchor key={m.personId} component="button" onClick={() => navigate({ area: 'person', personId: m.personId })} ff="monospace">
            {m.displayName ? `${m.code} · ${m.displayName}` : m.code}
          </Anchor>
        ))}
        <Badge variant="outline" tt="none">{detail.currentStay ? t('contributions.currentStay') : t('contributions.noCurrentStay')}</Badge>
      </Group>

      <Title order={2} size="h4">{t('contributions.assessment')}</Title>
      {reassessing ? (
        <AssessmentForm existing={detail} householdSize={detail.assessment.householdSize} submitLabel={t('contributions.reassess')}
          onSubmit={async (v) => {
            const result = await call('contributions.reassess', { id: row.id, assessment: v.assessment, proposedCents: v.proposedCents, paperReferences: v.paperReferences });
            if (!result.ok) return result.error;
            update(result.value);
            setReassessing(false);
            return null;
          }} />
      ) : (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure label={t('contributions.householdSize')} value={String(detail.assessment.householdSize)} />
            <Figure label={t('contributions.monthlyIncome')} value={euro(detail.assessment.monthlyIncomeCents)} />
            <Figure label={t('contributions.isee')} value={euro(detail.assessment.iseeCents) || '—'} />
            <Figure label={t('contributions.housingSituation')} value={t(`vocab.housingSituations.${detail.assessment.housingSituation}`)} />
            <Figure label={t('contributions.emergencyLevel')} value={t(`vocab.emergencyLevels.${detail.assessment.emergencyLevel}`)} />
            <Figure label={t('contributions.assessedAt')} value={formatDate(detail.assessment.assessedAt, user.locale)} />
          </SimpleGrid>
          {detail.assessment.notes && <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{detail.assessment.notes}</Text>}
          <Alert variant="light" color="teal" mt="sm"><SuggestionExplained suggestion={detail.suggestion} /></Alert>
          {row.status === 'proposed' && <Button mt="sm" variant="default" onClick={() => setReassessing(true)}>{t('contributions.reassess')}</Button>}
        </Paper>
      )}

      <Decisions detail={detail} update={update} />
      <Contract detail={detail} update={update} />
      <Instalments detail={detail} update={update} />
      <Payments detail={detail} update={update} />
      <PaperReferences detail={detail} update={update} />
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} data-testid={testId}>{value}</Text>
    </div>
  );
}

function Decisions({ detail, update }: { detail: Detail; update: Update }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const user = useUser();
  const { row } = detail;
  const can = useCan();
  const manager = isManager(user.role);
  const [amount, setAmount] = useState(toInput(row.approvedCents ?? detail.suggestion.suggestedCents ?? row.proposedCents, i18n.language));
  const [date, setDate] = useState<string | null>(todayInRome());
  const [motivation, setMotivation] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [over, setOver] = useState<ErrorBody | null>(null);
  const submit = useSubmit();
  const fields = ['amountCents', 'date', 'motivation', 'overrideReason'];
  const canApprove = can('contributions.approve') && (row.status === 'proposed' || row.status === 'approved');
  const canReject = can('contributions.reject') && row.status === 'proposed';
  const canWithdraw = row.status === 'proposed' || (manager && row.status === 'approved' && row.paidCents === 0);

  const decide = (kind: 'approve' | 'reject' | 'withdraw', withOverride = false) => submit.run(async () => {
    if (!date) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: { date: ['validation.date'] } }, fields);
    if (kind === 'approve') {
      const read = readAmount(amount, true);
      if (read.error) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: { amountCents: [read.error] } }, fields);
      const result = await call('contributions.approve', { id: row.id, amountCents: read.cents!, date, motivation, overrideReason: withOverride ? overrideReason : null });
      if (!result.ok) {
        if (result.error.code === 'OVER_BUDGET') setOver(result.error);
        return submit.fail(result.error, fields);
      }
      setOver(null);
      setOverrideReason('');
      setMotivation('');
      update(result.value);
      return submit.clear();
    }
    const result = await call(kind === 'reject' ? 'contributions.reject' : 'contributions.withdraw', { id: row.id, date, motivation });
    if (!result.ok) return submit.fail(result.error, fields);
    update(result.value);
    submit.clear();
  });

  return (
    <>
      <Title order={2} size="h4">{t('contributions.decisions')}</Title>
      <Stack gap="xs" data-testid="decisions">
        {detail.decisions.map((d) => (
          <Paper key={d.id} withBorder p="xs" data-testid="decision" style={{ opacity: d.superseded ? 0.6 : 1 }}>
            <Text size="sm" fw={600}>
              {t('contributions.decisionBy', { date: formatDate(d.date, i18n.language), kind: t(`vocab.decisionKinds.${d.kind}`), by: d.byName ?? '—' })}
              {d.amountCents !== null && ` · ${euro(d.amountCents)}`}
              {d.superseded && ` (${t('contributions.superseded')})`}
            </Text>
            {d.motivation && <Text size="sm">{d.motivation}</Text>}
            {d.override && (
              <Text size="sm" c="orange.8" data-testid="decision-override">
                {t('contributions.override')}: {d.overrideReason} · {t('contributions.remainingAtDecision', { amount: euro(d.remainingCents) })}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
      {(canApprove || canReject || canWithdraw) && (
        <Paper withBorder p="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {canApprove && <MoneyInput label={t('contributions.amount')} value={amount} onChange={setAmount} error={submit.errors.amountCents} data-testid="decision-amount" />}
              <DateField label={t('contributions.date')} value={date} onChange={setDate} error={submit.errors.date} />
            </SimpleGrid>
            <Textarea label={t('contributions.motivation')} required value={motivation} onChange={(e) => setMotivation(e.currentTarget.value)}
              error={submit.errors.motivation} data-testid="decision-motivation" autosize minRows={2} />
            {over && (
              <Alert color="orange" title={t('contributions.overBudgetTitle')} data-testid="over-budget">
                <Text size="sm">{refusalText(over)}</Text>
                <Text size="sm" mt={4}>{t('contributions.overBudgetHelp')}</Text>
                <Textarea mt="xs" label={t('contributions.overrideReason')} required value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)}
                  error={submit.errors.overrideReason} data-testid="override-reason" />
                <Button mt="xs" color="orange" loading={submit.busy} onClick={() => void decide('approve', true)} data-testid="approve-override">{t('contributions.approveWithOverride')}</Button>
              </Alert>
            )}
            {submit.message && !over && <Alert color="red" role="alert" data-testid="form-error">{submit.message}</Alert>}
            <Group>
              {canApprove && (
                <Button loading={submit.busy} onClick={() => void decide('approve')} data-testid="approve">
                  {row.status === 'approved' ? t('contributions.revise') : t('contributions.approve')}
                </Button>
              )}
              {canReject && <Button color="red" variant="light" loading={submit.busy} onClick={() => void decide('reject')}>{t('contributions.reject')}</Button>}
              {canWithdraw && <Button variant="default" loading={submit.busy} onClick={() => void decide('withdraw')}>{t('contributions.withdraw')}</Button>}
            </Group>
          </Stack>
        </Paper>
      )}
    </>
  );
}

function Contract({ detail, update }: { detail: Detail; update: Update }) {
  const { t, i18n } = useTranslation();
  const c = detail.contract;
  const [kind, setKind] = useState<string | null>(c?.kind ?? null);
  const [landlord, setLandlord] = useState(c?.landlord ?? '');
  const [address, setAddress] = useState(c?.address ?? '');
  const [start, setStart] = useState<string | null>(c?.startDate ?? null);
  const [rent, setRent] = useState(toInput(c?.monthlyRentCents, i18n.language));
  const [duration, setDuration] = useState<number | string>(c?.durationMonths ?? '');
  const submit = useSubmit();
  const hidden = c?.addressHidden ?? !isManager(useUser().role);
  const closed = detail.row.status === 'rejected' || detail.row.status === 'withdrawn';
  const fields = ['kind', 'landlord', 'address', 'startDate', 'monthlyRentCents', 'durationMonths'];
  const save = () => submit.run(async () => {
    const rentRead = readAmount(rent, false);
    const local: Record<string, string[]> = {};
    if (!kind) local.kind = ['validation.required'];
    if (rentRead.error) local.monthlyRentCents = [rentRead.error];
    if (Object.keys(local).length) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: local }, fields);
    const result = await call('contributions.saveContract', {
      id: detail.row.id,
      contract: { kind: kind as (typeof CONTRACT_KINDS)[number], landlord, address: hidden ? null : address, startDate: start, monthlyRentCents: rentRead.cents, durationMonths: typeof duration === 'number' ? duration : null },
    });
    if (!result.ok) return submit.fail(result.error, fields);
    update(result.value);
    submit.clear();
  });
  return (
    <>
      <Title order={2} size="h4">{t('contributions.contract')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('contributions.contractKind')} required value={kind} onChange={setKind} disabled={closed}
              data={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`vocab.contractKinds.${k}`) }))} error={submit.errors.kind} />
            <TextInput label={t('contributions.landlord')} value={landlord} onChange={(e) => setLandlord(e.currentTarget.value)} disabled={closed} error={submit.errors.landlord} />
            {hidden ? <Text size="sm" c="dimmed" mt="lg">{t('contributions.addressHidden')}</Text> : (
              <TextInput label={t('contributions.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} disabled={closed} error={submit.errors.address} />
            )}
            <DateField label={t('contributions.startDate')} value={start} onChange={setStart} disabled={closed} error={submit.errors.startDate} />
            <MoneyInput label={t('contributions.monthlyRent')} value={rent} onChange={setRent} disabled={closed} error={submit.errors.monthlyRentCents} />
            <NumberInput label={t('contributions.duration')} value={duration} onChange={setDuration} min={1} max={600} allowDecimal={false} disabled={closed} error={submit.errors.durationMonths} />
          </SimpleGrid>
          {submit.message && <Alert mt="sm" color="red" role="alert">{submit.message}</Alert>}
          {!closed && <Button mt="sm" type="submit" variant="default" loading={submit.busy}>{t('contributions.saveContract')}</Button>}
        </form>
      </Paper>
    </>
  );
}

function Instalments({ detail, update }: { detail: Detail; update: Update }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const manager = useCan()('contributions.addInstalment');
  const [due, setDue] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const submit = useSubmit();
  const add = () => submit.run(async () => {
    const read = readAmount(amount, true);
    const local: Record<string, string[]> = {};
    if (!due) local.dueDate = ['validation.date'];
    if (read.error) local.amountCents = [read.error];
    if (Object.keys(local).length) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: local }, ['dueDate', 'amountCents']);
    const result = await call('contributions.addInstalment', { id: detail.row.id, dueDate: due!, amountCents: read.cents! });
    if (!result.ok) return submit.fail(result.error, ['dueDate', 'amountCents']);
    update(result.value);
    setAmount('');
    submit.clear();
  });
  return (
    <>
      <Title order={2} size="h4">{t('contributions.instalments')}</Title>
      {detail.instalments.length === 0 ? <Text size="sm" c="dimmed">{t('contributions.noInstalments')}</Text> : (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t('contributions.dueDate')}</Table.Th><Table.Th ta="right">{t('contributions.amount')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {detail.instalments.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{formatDate(i.dueDate, i18n.language)}</Table.Td>
                <Table.Td ta="right">{euro(i.amountCents)}</Table.Td>
                <Table.Td>{manager && (
                  <Button size="compact-xs" variant="subtle" onClick={() => void call('contributions.removeInstalment', { instalmentId: i.id }).then((r) => r.ok && update(r.value))}>
                    {t('contributions.remove')}
                  </Button>
                )}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manager && detail.row.status === 'approved' && (
        <Group align="flex-start">
          <DateField label={t('contributions.dueDate')} value={due} onChange={setDue} error={submit.errors.dueDate} />
          <MoneyInput label={t('contributions.amount')} value={amount} onChange={setAmount} error={submit.errors.amountCents} />
          <Button mt={24} variant="default" loading={submit.busy} onClick={() => void add()}>{t('contributions.addInstalment')}</Button>
        </Group>
      )}
      {submit.message && <Alert color="red" role="alert">{submit.message}</Alert>}
    </>
  );
}

function Payments({ detail, update }: { detail: Detail; update: Update }) {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const manager = useCan()('payments.record');
  const [date, setDate] = useState<string | null>(todayInRome());
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<string | null>('bank_transfer');
  const [receipt, setReceipt] = useState('');
  const [cancelling, setCancelling] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const cancel = useSubmit();
  const fields = ['date', 'amountCents', 'method', 'receiptReference'];
  const record = () => submit.run(async () => {
    const read = readAmount(amount, true);
    const local: Record<string, string[]> = {};
    if (!date) local.date = ['validation.date'];
    if (read.error) local.amountCents = [read.error];
    if (!method) local.method = ['validation.required'];
    if (Object.keys(local).length) return submit.fail({ code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fieldErrors: local }, fields);
    const result = await call('payments.record', {
      contributionId: detail.row.id, date: date!, amountCents: read.cents!, method: method as (typeof PAYMENT_METHODS)[number], receiptReference: receipt || null,
    });
    if (!result.ok) return submit.fail(result.error, fields);
    update(result.value);
    setAmount('');
    setReceipt('');
    submit.clear();
  });
  const confirmCancel = (paymentId: number) => cancel.run(async () => {
    const result = await call('payments.cancel', { paymentId, reason });
    if (!result.ok) return cancel.fail(result.error, ['reason']);
    update(result.value);
    setCancelling(null);
    setReason('');
    cancel.clear();
  });
  return (
    <>
      <Title order={2} size="h4">{t('contributions.payments')}</Title>
      {detail.payments.length === 0 ? <Text size="sm" c="dimmed">{t('contributions.noPayments')}</Text> : (
        <Table data-testid="payments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contributions.date')}</Table.Th><Table.Th ta="right">{t('contributions.amount')}</Table.Th><Table.Th>{t('contributions.method')}</Table.Th>
              <Table.Th>{t('contributions.receipt')}</Table.Th><Table.Th ta="right">{t('contributions.runningPaid')}</Table.Th><Table.Th ta="right">{t('contributions.balance')}</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.payments.map((p) => (
              <Table.Tr key={p.id} data-testid="payment" style={{ textDecoration: p.cancelledAt ? 'line-through' : undefined }}>
                <Table.Td>{formatDate(p.date, i18n.language)}</Table.Td>
                <Table.Td ta="right">{euro(p.amountCents)}</Table.Td>
                <Table.Td>{t(`vocab.paymentMethods.${p.method}`)}</Table.Td>
                <Table.Td>{p.receiptReference}</Table.Td>
                <Table.Td ta="right">{euro(p.runningPaidCents)}</Table.Td>
                <Table.Td ta="right" data-testid="payment-balance">{euro(p.balanceCents)}</Table.Td>
                <Table.Td style={{ textDecoration: 'none' }}>
                  {p.cancelledAt ? (
                    <Text size="xs" c="dimmed">{t('contributions.cancelled', { date: formatDate(p.cancelledAt, i18n.language), reason: p.cancelReason })}</Text>
                  ) : manager && cancelling !== p.id ? (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(p.id)}>{t('contributions.cancelPayment')}</Button>
                  ) : null}
                  {cancelling === p.id && (
                    <Group gap="xs" align="flex-end">
                      <TextInput size="xs" label={t('contributions.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={cancel.errors.reason ?? cancel.message} />
                      <Button size="xs" color="red" loading={cancel.busy} onClick={() => void confirmCancel(p.id)}>{t('contributions.confirmCancel')}</Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manager && detail.row.status === 'approved' && (
        <Paper withBorder p="md">
          <form onSubmit={(e) => { e.preventDefault(); void record(); }} noValidate>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <DateField label={t('contributions.date')} value={date} onChange={setDate} error={submit.errors.date} />
              <MoneyInput label={t('contributions.amount')} value={amount} onChange={setAmount} error={submit.errors.amountCents} data-testid="payment-amount" />
              <Select label={t('contributions.method')} value={method} onChange={setMethod} error={submit.errors.method}
                data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`vocab.paymentMethods.${m}`) }))} />
              <TextInput label={t('contributions.receipt')} value={receipt} onChange={(e) => setReceipt(e.currentTarget.value)} error={submit.errors.receiptReference} data-testid="payment-receipt" />
            </SimpleGrid>
            {submit.message && <Alert mt="sm" color="red" role="alert" data-testid="payment-error">{submit.message}</Alert>}
            <Button mt="sm" type="submit" loading={submit.busy} data-testid="record-payment">{t('contributions.recordPayment')}</Button>
          </form>
        </Paper>
      )}
    </>
  );
}

function PaperReferences({ detail, update }: { detail: Detail; update: Update }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(detail.paperReferences ?? '');
  const submit = useSubmit();
  const save = () => submit.run(async () => {
    const result = await call('contributions.setPaperReferences', { id: detail.row.id, paperReferences: value });
    if (!result.ok) return submit.fail(result.error, ['paperReferences']);
    update(result.value);
    submit.clear();
  });
  return (
    <Group align="flex-end">
      <TextInput label={t('contributions.paperReferences')} value={value} onChange={(e) => setValue(e.currentTarget.value)} error={submit.errors.paperReferences ?? submit.message} w={400} />
      <Button variant="default" loading={submit.busy} onClick={() => void save()}>{t('contributions.save')}</Button>
    </Group>
  );
}
