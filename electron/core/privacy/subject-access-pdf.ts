// The subject-access PDF: a plain A4 document in the person's language (Italian or English) with the
// programme, the date, a short account of their rights and every section of their data.
// Fonts: the standard Helvetica of every PDF reader (no font file to ship). It covers Windows-1252 only,
// so other letters are transliterated in the PDF alone (accents dropped, ł → l, …, '?' for other
// scripts) and the document then says that the JSON file holds the exact spelling.
import { formatEuro } from '../../shared/money';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { SubjectAccessData } from './subject-access-data';
import { fill, SUBJECT_ACCESS_TEXT, type SubjectAccessText } from './subject-access-text';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BODY = 10;
const LEADING = 1.35;
const GREY = rgb(0.35, 0.35, 0.35);

/** Letters without a Windows-1252 form that do not decompose into a base letter and accents. */
const TRANSLITERATION: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', İ: 'I', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ə: 'e', Ə: 'E', ŋ: 'n', Ŋ: 'N', ĸ: 'k', ſ: 's',
};

/** Makes text drawable with a standard font, remembering whether anything had to be changed. */
class Transliterator {
  changed = false;
  private readonly allowed: Set<number>;
  constructor(font: PDFFont) {
    this.allowed = new Set(font.getCharacterSet());
  }
  text(value: string): string {
    let out = '';
    for (const ch of value.normalize('NFC').replace(/[\t\r]/g, ' ')) {
      if (this.allowed.has(ch.codePointAt(0)!)) {
        out += ch;
        continue;
      }
      this.changed = true;
      const base = TRANSLITERATION[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => this.allowed.has(c.codePointAt(0)!)) ? base : '?';
    }
    return out;
  }
}

/** Lays text out top to bottom, wrapping words and adding pages as needed. */
class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  constructor(private readonly doc: PDFDocument, private readonly font: PDFFont, private readonly bold: PDFFont, private readonly safe: Transliterator) {
    this.newPage();
  }
  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }
  private lines(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    for (const paragraph of this.safe.text(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        // A word wider than the line (a long code or address) is cut where it must be.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      out.push(line);
    }
    return out;
  }
  write(text: string, options: { size?: number; bold?: boolean; indent?: number; grey?: boolean } = {}): void {
    const size = options.size ?? BODY;
    const font = options.bold ? this.bold : this.font;
    const x = MARGIN + (options.indent ?? 0);
    for (const line of this.lines(text, font, size, A4[0] - MARGIN - x)) {
      if (this.y - size < MARGIN + 20) this.newPage();
      this.y -= size * LEADING;
      this.page.drawText(line, { x, y: this.y, size, font, color: options.grey ? GREY : rgb(0, 0, 0) });
    }
  }
  gap(points = BODY * 0.6): void {
    this.y -= points;
  }
  heading(text: string): void {
    if (this.y < MARGIN + 80) this.newPage();
    this.gap(BODY);
    this.write(text, { size: 13, bold: true });
    this.gap(2);
  }
  footer(text: (n: number, total: number) => string): void {
    this.pages.forEach((page, i) =>
      page.drawText(this.safe.text(text(i + 1, this.pages.length)), { x: MARGIN, y: MARGIN / 2, size: 8, font: this.font, color: GREY }));
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
  const doc = await PDFDocument.create();
  // Metadata carries the code only: file managers and viewers show it without opening the document.
  doc.setTitle(`${text.title} – ${data.person.code}`);
  doc.setLanguage(data.locale === 'it' ? 'it-IT' : 'en-GB');
  doc.setCreator('Approdo');
  doc.setProducer('Approdo');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = new Transliterator(font);
  const out = new Layout(doc, font, bold, safe);
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

  if (safe.changed) {
    out.gap(BODY);
    out.write(text.transliterated, { grey: true });
  }
  out.footer((n, total) => `${data.person.code} · ${fill(text.page, { n, total })}`);
  return doc.save();
}
