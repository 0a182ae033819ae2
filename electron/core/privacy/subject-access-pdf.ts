// The subject-access PDF: a plain A4 document in the person's language (Italian or English) with the
// programme, the date, a short account of their rights and every section of their data.
// Written with the app's PDF helper (electron/core/pdf/document.ts): its embedded DejaVu fonts print every
// name exactly as stored (Nguyễn, Łódź, Şahin, Đorđe), so the document handed to the person spells them right.
import { formatEuro } from '../../shared/money';
import { PAGE, renderPdf, type PdfContent } from '../pdf/document';
import type { SubjectAccessData } from './subject-access-data';
import { fill, SUBJECT_ACCESS_TEXT, type SubjectAccessText } from './subject-access-text';

/** The document's paragraphs, top to bottom. */
class Layout {
  readonly content: PdfContent[] = [];
  write(text: string, options: { size?: number; bold?: boolean; indent?: number; grey?: boolean } = {}): void {
    const paragraph: Record<string, unknown> = { text: text.normalize('NFC').replace(/[\t\r]/g, ' '), margin: [options.indent ?? 0, 0, 0, 0] };
    if (options.size) paragraph.fontSize = options.size;
    if (options.bold) paragraph.bold = true;
    if (options.grey) paragraph.color = PAGE.grey;
    this.content.push(paragraph);
  }
  /** Space below the last paragraph. */
  gap(points = PAGE.body * 0.6): void {
    const last = this.content[this.content.length - 1] as { margin: number[] } | undefined;
    if (last) last.margin[3]! += points;
  }
  heading(text: string): void {
    this.content.push({ text, style: 'heading', headlineLevel: 1 });
  }
}

/** Dates and values as the person reads them. */
function formatters(data: SubjectAccessData, text: SubjectAccessText) {
  const tag = data.locale === 'it' ? 'it-IT' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  const instant = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const regions = new Intl.DisplayNames([tag], { type: 'region' });
  const languages = new Intl.DisplayNames([tag], { type: 'language' });
  const date = (iso: string | null) => (iso ? day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—');
  const at = (iso: string) => (iso.length > 10 ? instant.format(new Date(iso)) : date(iso));
  const vocab = (kind: string, code: string | null) => (code === null ? '—' : (text.vocab[kind]?.[code] ?? code));
  const role = (r: string | null) => text.roles[r ?? 'system'] ?? r ?? text.roles.system!;
  const safeOf = (fn: (code: string) => string | undefined) => (code: string) => {
    try {
      return fn(code) ?? code;
    } catch {
      return code;
    }
  };
  return { date, at, vocab, role, region: safeOf((c) => regions.of(c)), language: safeOf((c) => languages.of(c)) };
}

function personLines(data: SubjectAccessData, text: SubjectAccessText, f: ReturnType<typeof formatters>): [string, string][] {
  const p = data.person;
  const value = (v: string | null) => v ?? '—';
  return [
    ['code', p.code], ['displayName', p.displayName], ['givenNames', value(p.givenNames)], ['familyNames', value(p.familyNames)],
    ['gender', f.vocab('genders', p.gender)], ['birthDate', f.date(p.birthDate)], ['birthYear', p.birthYear === null ? '—' : String(p.birthYear)],
    ['nationality', p.nationality ? f.region(p.nationality) : '—'], ['languages', p.languages.map(f.language).join(', ') || '—'],
    ['permitType', f.vocab('permitTypes', p.permitType)], ['permitNumber', value(p.permitNumber)], ['permitExpiry', f.date(p.permitExpiry)],
    ['fiscalCode', value(p.fiscalCode)], ['referralSource', f.vocab('referralSources', p.referralSource)],
    ['vulnerabilities', p.vulnerabilities.map((v) => f.vocab('vulnerabilities', v)).join(', ') || '—'],
    ['restricted', p.restricted ? text.yes : text.no], ['notes', value(p.notes)], ['createdAt', f.at(p.createdAt)],
  ].map(([field, v]) => [text.fields[field!] ?? field!, v!]);
}

/** The accompaniment: plans with goals and reviews, services received, case notes, host-family agreements. */
function pathwayLines(out: Layout, data: SubjectAccessData, text: SubjectAccessText, f: ReturnType<typeof formatters>, none: () => void): void {
  const p = data.pathway;
  out.heading(text.sections.plans);
  if (p.plans.length === 0) none();
  for (const plan of p.plans) {
    out.write(fill(text.plan, { at: f.date(plan.agreedOn), review: plan.reviewDue ? fill(text.planReview, { at: f.date(plan.reviewDue) }) : '' }), { bold: true, indent: 10 });
    for (const g of plan.goals)
      out.write(fill(text.goal, {
        area: f.vocab('pathwayAreas', g.area), description: g.description || '—', status: f.vocab('goalStatuses', g.status),
        target: g.targetDate ? fill(text.goalTarget, { at: f.date(g.targetDate) }) : '',
      }) + (g.dropReason ? fill(text.goalDropped, { reason: g.dropReason }) : ''), { indent: 20 });
    for (const r of plan.reviews) out.write(fill(text.review, { at: f.date(r.reviewedOn), by: f.role(r.byRole), summary: r.summary ? `: ${r.summary}` : '' }), { indent: 20 });
  }
  out.heading(text.sections.interventions);
  if (p.interventions.length === 0) none();
  for (const i of p.interventions)
    out.write(fill(text.intervention, {
      at: f.date(i.date), area: f.vocab('pathwayAreas', i.area), type: f.vocab('interventionTypes', i.type), minutes: i.minutes,
      by: i.provider ?? f.role(i.byRole), outcome: i.outcome ? ` – ${i.outcome}` : '',
    }), { indent: 10 });
  out.heading(text.sections.notes);
  if (p.caseNotes.length === 0) none();
  for (const n of p.caseNotes)
    out.write(fill(text.note, { at: f.date(n.date), by: f.role(n.byRole), confidential: n.confidential ? text.confidentialNote : '', body: n.body }), { indent: 10 });
  if (p.agreements.length > 0) {
    out.heading(text.sections.agreements);
    for (const a of p.agreements)
      out.write(fill(text.agreement, {
        signed: f.date(a.signedOn), from: f.date(a.startDate), to: a.endDate ? fill(text.placementTo, { to: f.date(a.endDate) }) : '',
        conditions: a.conditions ? ` – ${a.conditions}` : '',
      }), { indent: 10 });
  }
}

export async function renderSubjectAccessPdf(data: SubjectAccessData): Promise<Uint8Array> {
  const text = SUBJECT_ACCESS_TEXT[data.locale];
  const f = formatters(data, text);
  const out = new Layout();
  const none = () => out.write(text.none, { indent: 10, grey: true });

  out.write(text.title, { size: 18, bold: true });
  out.write(text.programme, { grey: true });
  out.write(fill(text.generated, { date: f.at(data.generatedAt) }), { grey: true });
  out.write(fill(text.code, { code: data.person.code }), { bold: true });
  out.gap();
  out.write(text.intro);
  out.heading(text.rightsTitle);
  for (const right of text.rights) {
    out.write(fill(right, { years: data.retentionYears }));
    out.gap(3);
  }

  out.heading(text.sections.person);
  for (const [label, value] of personLines(data, text, f)) out.write(`${label}: ${value}`, { indent: 10 });

  out.heading(text.sections.household);
  if (!data.household) none();
  for (const m of data.household?.members ?? [])
    out.write(`${m.code}${m.self ? ` (${text.you})` : ''} – ${f.vocab('relationships', m.relationship)}${m.birthYear ? `, ${m.birthYear}` : ''}`, { indent: 10 });

  out.heading(text.sections.stays);
  if (data.stays.length === 0) none();
  for (const s of data.stays) {
    out.write(fill(text.stay, { from: f.date(s.entryDate) }) + (s.exitDate ? fill(text.stayTo, { to: f.date(s.exitDate) }) : text.open), { bold: true, indent: 10 });
    if (s.plannedEnd) out.write(`${text.plannedEnd}: ${f.date(s.plannedEnd)}`, { indent: 20 });
    if (s.exitReason) out.write(`${text.exitReason}: ${f.vocab('exitReasons', s.exitReason)}`, { indent: 20 });
    if (s.destination) out.write(`${text.destination}: ${s.destination}`, { indent: 20 });
    for (const e of s.extensions) out.write(fill(text.extension, { date: f.date(e.newPlannedEnd), by: e.grantedBy, at: f.date(e.grantedAt) }), { indent: 20 });
    for (const p of s.placements)
      out.write(fill(text.placement, {
        structure: p.structureName, room: p.roomName, place: p.placeLabel, from: f.date(p.startDate),
        to: p.endDate ? fill(text.placementTo, { to: f.date(p.endDate) }) : '',
      }), { indent: 20 });
  }

  out.heading(text.sections.referrals);
  if (data.referrals.length === 0) none();
  for (const r of data.referrals) {
    out.write(fill(text.referral, { at: f.at(r.receivedAt) }), { bold: true, indent: 10 });
    out.write(`${text.source}: ${f.vocab('referralSources', r.source)} · ${text.people}: ${r.people} · ${text.urgency}: ${f.vocab('urgencies', r.urgency)}`, { indent: 20 });
    out.write(`${text.outcome}: ${f.vocab('referralOutcomes', r.outcome)}${r.outcomeAt ? ` (${f.at(r.outcomeAt)})` : ''}`, { indent: 20 });
    if (r.declineReason) out.write(`${text.declineReason}: ${f.vocab('declineReasons', r.declineReason)}`, { indent: 20 });
    if (r.notes) out.write(`${text.referralNotes}: ${r.notes}`, { indent: 20 });
  }

  out.heading(text.sections.consents);
  if (data.consents.length === 0) none();
  for (const c of data.consents)
    out.write(fill(text.consent, { at: f.date(c.givenAt), version: c.textVersion, scope: c.scope }) + (c.withdrawnAt ? fill(text.withdrawn, { at: f.date(c.withdrawnAt) }) : ''), { indent: 10 });

  pathwayLines(out, data, text, f, none);

  if (data.nameReveals.length > 0) {
    out.heading(text.sections.reveals);
    for (const r of data.nameReveals) out.write(fill(text.reveal, { at: f.at(r.at), by: f.role(r.byRole), reason: r.reason || '—' }), { indent: 10 });
  }
  if (data.dateCorrections.length > 0) {
    out.heading(text.sections.corrections);
    for (const c of data.dateCorrections)
      out.write(fill(text.correction, { at: f.at(c.at), by: f.role(c.byRole), field: text.fields[c.field] ?? c.field, old: f.date(c.oldValue), new: f.date(c.newValue), reason: c.reason || '—' }), { indent: 10 });
  }
  if (data.anonymisations.length > 0) {
    out.heading(text.sections.anonymisations);
    for (const a of data.anonymisations)
      out.write(fill(a.kind === 'erasure' ? text.anonymisation.erasure : text.anonymisation.retention, { at: f.at(a.at), reason: a.reason ?? '—' }), { indent: 10 });
  }

  if (data.contributions.length > 0) {
    out.heading(text.sections.contributions);
    const euro = (cents: number | null) => (cents === null ? '—' : formatEuro(cents, data.locale));
    for (const c of data.contributions) {
      out.write(fill(text.contribution, { reference: c.reference, type: f.vocab('contributionTypes', c.type), status: f.vocab('contributionStatuses', c.status) }), { bold: true, indent: 10 });
      out.write(fill(text.contributionAmounts, { proposed: euro(c.proposedCents), approved: euro(c.approvedCents), paid: euro(c.paidCents) }), { indent: 20 });
      for (const d of c.decisions)
        out.write(fill(text.decision, { date: f.date(d.date), kind: f.vocab('decisionKinds', d.kind), amount: d.amountCents === null ? '' : ` ${euro(d.amountCents)}`, motivation: d.motivation ? `: ${d.motivation}` : '' }), { indent: 20 });
      if ('kind' in c.contract && c.contract.kind)
        out.write(fill(text.contract, { kind: f.vocab('contractKinds', c.contract.kind), landlord: c.contract.landlord ? ` · ${c.contract.landlord}` : '', address: c.contract.address ? ` · ${c.contract.address}` : '' }), { indent: 20 });
      for (const p of c.payments)
        out.write(fill(text.payment, { date: f.date(p.date), amount: euro(p.amountCents), method: f.vocab('paymentMethods', p.method), cancelled: p.cancelledAt ? text.paymentCancelled : '' }), { indent: 20 });
    }
  }

  out.heading(text.sections.audit);
  if (data.auditEvents.length === 0) none();
  for (const e of data.auditEvents) {
    const fields = e.fields.map((name) => text.fields[name] ?? name).join(', ');
    out.write(fill(text.event, { at: f.at(e.at), by: f.role(e.byRole), action: text.actions[e.action] ?? e.action }) + (fields ? fill(text.eventFields, { fields }) : ''), { indent: 10 });
  }

  return renderPdf({
    locale: data.locale,
    // Metadata carries the code only: file managers and viewers show it without opening the document.
    title: `${text.title} – ${data.person.code}`,
    footer: (n, total) => `${data.person.code} · ${fill(text.page, { n, total })}`,
    content: out.content,
  });
}
