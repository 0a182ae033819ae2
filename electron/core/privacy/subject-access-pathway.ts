// The accompaniment part of the subject-access document: plans, services received, case notes (all of
// them, confidential ones included: they are the person's data) and host-family agreements; staff by role.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { interventions, placementAgreements, planGoals, planReviews, plans, users } from '../db/schema';
import type { Plan } from '../../shared/channels/pathway';
import { allNotesOf } from '../services/notes';
import type { SubjectAccessData } from './subject-access-data';

type Reader = Pick<Db, 'select'>;

export function pathwayOfSubject(db: Reader, personId: number): SubjectAccessData['pathway'] {
  const planRows = db.select().from(plans).where(eq(plans.personId, personId)).orderBy(asc(plans.agreedOn)).all();
  const ids = planRows.map((p) => p.id);
  const goals = ids.length ? db.select().from(planGoals).where(inArray(planGoals.planId, ids)).orderBy(asc(planGoals.id)).all() : [];
  const reviews = ids.length
    ? db.select({ review: planReviews, byRole: users.role }).from(planReviews).leftJoin(users, eq(users.id, planReviews.userId))
      .where(inArray(planReviews.planId, ids)).orderBy(desc(planReviews.reviewedOn), desc(planReviews.id)).all()
    : [];
  return {
    plans: planRows.map((p) => ({
      id: p.id, stayId: p.stayId, agreedOn: p.agreedOn, reviewDue: p.reviewDue,
      goals: goals.filter((g) => g.planId === p.id).map(({ planId: _p, createdAt: _c, ...g }) => g),
      reviews: reviews.filter((r) => r.review.planId === p.id).map(({ review: r, byRole }) => ({
        id: r.id, reviewedOn: r.reviewedOn, byRole: byRole ?? null, summary: r.summary, nextReview: r.nextReview,
        goals: JSON.parse(r.goals) as Plan['reviews'][number]['goals'],
      })),
    })),
    interventions: db.select({
      date: interventions.date, area: interventions.area, type: interventions.type, minutes: interventions.minutes, byRole: users.role,
      provider: interventions.provider, outcome: interventions.outcome,
    }).from(interventions).leftJoin(users, eq(users.id, interventions.staffUserId))
      .where(eq(interventions.personId, personId)).orderBy(asc(interventions.date), asc(interventions.id)).all(),
    caseNotes: allNotesOf(db, personId),
    agreements: db.select({ signedOn: placementAgreements.signedOn, startDate: placementAgreements.startDate, endDate: placementAgreements.endDate, conditions: placementAgreements.conditions })
      .from(placementAgreements).where(eq(placementAgreements.personId, personId)).orderBy(asc(placementAgreements.startDate)).all(),
  };
}
