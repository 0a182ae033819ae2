// Subject access: everything the register holds about one person, gathered for the person (GDPR art. 15),
// as a JSON document and a readable PDF. The access itself is audited in the same transaction.
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Locale } from '../../shared/schema-kit';
import {
  auditEvents, caseNotes, dateCorrections, interventions, nameReveals, personAnonymisations, persons, placementAgreements, planGoals, planReviews, plans, users,
} from '../db/schema';
import type { Db } from '../db/connection';
import { write, type Ctx } from '../services/context';
import { personDetail, refuseWithoutReveal } from '../services/persons';
import { retentionYears } from './retention';
import { contributionsForSubjectAccess } from '../services/contributions';
import { renderSubjectAccessPdf } from './subject-access-pdf';
import { SUBJECT_ACCESS_FORMAT, type SubjectAccessData } from './subject-access-data';
import { pathwayOfSubject } from './subject-access-pathway';
import { auditFields } from '../audit';

type Reader = Pick<Db, 'select'>;

function gather(db: Reader, ctx: Ctx, personId: number, locale: Locale): SubjectAccessData {
  // The person's page as an admin sees it, names shown (the access is for the person themselves).
  const detail = personDetail({ ...ctx, db: db as Db }, personId, true);
  const { id: _id, searchText: _s, nameKey: _n, languages, vulnerabilities, ...columns } = db.select().from(persons).where(eq(persons.id, personId)).get()!;
  const stayIds = detail.stays.map((s) => s.id);
  const placementIds = detail.stays.flatMap((s) => s.placements.map((p) => p.id));
  const own = detail.household?.members.find((m) => m.personId === personId);

  const reveals = db
    .select({ at: nameReveals.at, byRole: users.role, reason: nameReveals.reason })
    .from(nameReveals).leftJoin(users, eq(users.id, nameReveals.userId))
    .where(eq(nameReveals.personId, personId)).orderBy(asc(nameReveals.at), asc(nameReveals.id)).all();
  const correctionOf = or(
    stayIds.length ? and(eq(dateCorrections.entity, 'stay'), inArray(dateCorrections.recordId, stayIds)) : undefined,
    placementIds.length ? and(eq(dateCorrections.entity, 'placement'), inArray(dateCorrections.recordId, placementIds)) : undefined,
  );
  const corrections = correctionOf
    ? db
        .select({
          at: dateCorrections.at, byRole: users.role, entity: dateCorrections.entity, recordId: dateCorrections.recordId,
          field: dateCorrections.field, oldValue: dateCorrections.oldValue, newValue: dateCorrections.newValue, reason: dateCorrections.reason,
        })
        .from(dateCorrections).leftJoin(users, eq(users.id, dateCorrections.userId))
        .where(correctionOf).orderBy(asc(dateCorrections.at), asc(dateCorrections.id)).all()
    : [];
  const anonymisations = db
    .select({ at: personAnonymisations.at, kind: personAnonymisations.kind, reason: personAnonymisations.reason })
    .from(personAnonymisations).where(eq(personAnonymisations.personId, personId)).orderBy(asc(personAnonymisations.at)).all();

  const contributionData = contributionsForSubjectAccess(db, personId);

  return {
    format: SUBJECT_ACCESS_FORMAT,
    generatedAt: ctx.now.toISOString(),
    locale,
    retentionYears: retentionYears(db),
    person: { ...columns, languages: JSON.parse(languages) as string[], vulnerabilities: JSON.parse(vulnerabilities) as string[] },
    household: detail.household && {
      relationship: own?.relationship ?? null,
      members: detail.household.members.map((m) => ({ code: m.code, relationship: m.relationship, birthYear: m.birthYear, self: m.personId === personId })),
    },
    stays: detail.stays,
    referrals: detail.referrals.map(({ personId: _p, householdId: _h, personCode: _c, waitingHours: _w, ...r }) => r),
    consents: detail.consents.map(({ personId: _p, ...c }) => c),
    nameReveals: reveals,
    dateCorrections: corrections,
    anonymisations,
    contributions: contributionData.contributions,
    pathway: pathwayOfSubject(db, personId),
    auditEvents: auditTrail(db, {
      contribution: contributionData.ids, contribution_payment: contributionData.paymentIds,
      person: [personId], stay: stayIds, placement: placementIds,
      stay_extension: detail.stays.flatMap((s) => s.extensions.map((e) => e.id)),
      consent: detail.consents.map((c) => c.id),
      referral: detail.referrals.map((r) => r.id),
      household: detail.household ? [detail.household.id] : [],
      ...pathwayRecords(db, personId),
    }),
  };
}

/** The accompaniment's records about the person, for her audit trail. */
function pathwayRecords(db: Reader, personId: number): Record<string, number[]> {
  const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
  const planIds = ids(db.select({ id: plans.id }).from(plans).where(eq(plans.personId, personId)).all());
  return {
    plan: planIds,
    plan_goal: planIds.length ? ids(db.select({ id: planGoals.id }).from(planGoals).where(inArray(planGoals.planId, planIds)).all()) : [],
    plan_review: planIds.length ? ids(db.select({ id: planReviews.id }).from(planReviews).where(inArray(planReviews.planId, planIds)).all()) : [],
    intervention: ids(db.select({ id: interventions.id }).from(interventions).where(eq(interventions.personId, personId)).all()),
    case_note: ids(db.select({ id: caseNotes.id }).from(caseNotes).where(eq(caseNotes.personId, personId)).all()),
    placement_agreement: ids(db.select({ id: placementAgreements.id }).from(placementAgreements).where(eq(placementAgreements.personId, personId)).all()),
  };
}

/** Every event on the person and on the records about them, oldest first. */
function auditTrail(db: Reader, records: Record<string, number[]>): SubjectAccessData['auditEvents'] {
  const conditions = Object.entries(records)
    .filter(([, ids]) => ids.length > 0)
    .map(([entity, ids]) => and(eq(auditEvents.entity, entity), inArray(auditEvents.recordId, ids.map(String))) as SQL);
  return db
    .select({ at: auditEvents.at, byRole: users.role, action: auditEvents.action, entity: auditEvents.entity, recordId: auditEvents.recordId, fields: auditEvents.fields })
    .from(auditEvents).leftJoin(users, eq(users.id, auditEvents.userId))
    .where(or(...conditions)).orderBy(asc(auditEvents.id)).all()
    .map((e) => ({ ...e, fields: auditFields(e.fields) }));
}

/** `AP-2026-0001_dati-personali_2026-05-01` (no extension): the code, never a name, in the file name. */
function fileNameOf(code: string, locale: Locale, today: string): string {
  return `${code}_${locale === 'it' ? 'dati-personali' : 'personal-data'}_${today}`;
}

/**
 * Records the access, then gathers the data in the same transaction (so the document lists its own
 * access event and reads one consistent state), then renders the PDF. Nothing is written to disk.
 */
export async function subjectAccess(ctx: Ctx, personId: number, locale: Locale = ctx.user.locale): Promise<{ pdfBase64: string; json: string; fileName: string }> {
  const person = ctx.db.select().from(persons).where(eq(persons.id, personId)).get();
  if (!person) throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
  // The document holds a restricted person's names: it needs them shown first, with a reason.
  refuseWithoutReveal(ctx, person, 'person.subjectAccessRefused');
  const data = write(ctx, (tx, audit) => {
    audit({ action: 'person.subjectAccess', entity: 'person', recordId: personId, fields: [] });
    return gather(tx, ctx, personId, locale);
  });
  const pdf = await renderSubjectAccessPdf(data);
  return { pdfBase64: Buffer.from(pdf).toString('base64'), json: JSON.stringify(data, null, 2), fileName: fileNameOf(data.person.code, locale, ctx.today) };
}
