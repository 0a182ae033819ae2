// Example accompaniment for the generated register: individual plans with goals and quarterly reviews,
// interventions (Italian lessons recorded as group activities) and case notes, spread over the stays in
// proportion to their length. Drawn from its own random stream, so the history it decorates never shifts.
import type Database from 'better-sqlite3';
import { PATHWAY_AREAS, type InterventionType, type PathwayArea } from '../../shared/domain';
import { isoOf, Rng } from './random';
import type { Scale } from './scales';
import type { SimPlacement, SimStay } from './simulation';

export interface PathwayCounts {
  plans: number;
  goals: number;
  reviews: number;
  interventions: number;
  caseNotes: number;
}

/** Which types serve which area (the first is the most common). */
const TYPES_BY_AREA: Record<PathwayArea, InterventionType[]> = {
  housing: ['housing_search', 'other'],
  work_training: ['job_orientation', 'other'],
  italian_language: ['italian_course'],
  health: ['health_accompaniment', 'psychological_support'],
  legal_documents: ['legal_counselling', 'document_procedures', 'cultural_mediation'],
  children_schooling: ['school_enrolment', 'cultural_mediation'],
  social_network: ['cultural_mediation', 'other'],
};
const AREA_WEIGHTS: [PathwayArea, number][] = [
  ['italian_language', 30], ['legal_documents', 20], ['work_training', 15], ['health', 12], ['housing', 10], ['children_schooling', 6], ['social_network', 7],
];
const GOALS: Record<PathwayArea, string[]> = {
  housing: ['Trovare un alloggio in affitto', 'Presentare domanda di casa popolare', 'Preparare il passaggio in coabitazione'],
  work_training: ['Completare un tirocinio', 'Iscriversi a un corso professionale', 'Preparare il curriculum'],
  italian_language: ['Raggiungere il livello A2', 'Frequentare il corso del CPIA', 'Superare l’esame B1'],
  health: ['Iscrizione al Servizio sanitario', 'Scegliere il medico di base', 'Completare le visite programmate'],
  legal_documents: ['Rinnovare il permesso di soggiorno', 'Ottenere il codice fiscale', 'Preparare l’audizione in Commissione'],
  children_schooling: ['Iscrivere i figli a scuola', 'Trovare un posto al nido', 'Attivare il doposcuola'],
  social_network: ['Partecipare a un’attività del quartiere', 'Conoscere i servizi del territorio', 'Entrare in un gruppo di mutuo aiuto'],
};
const PROVIDERS = ['CPIA 1 Torino', 'Sportello legale ASGI', 'Centro per l’impiego', 'ASL Città di Torino', 'Consultorio familiare', 'Mediatrice del Comune'];
const NOTE_OPENINGS = ['Colloquio di verifica', 'Telefonata con i servizi', 'Incontro con l’educatrice', 'Aggiornamento', 'Colloquio individuale'];
const NOTE_BODIES = [
  'la signora riferisce di stare meglio e di frequentare con regolarità il corso.',
  'concordato di rivedersi tra due settimane per i documenti.',
  'emersa preoccupazione per la situazione dei figli a scuola; da seguire.',
  'accompagnata all’appuntamento in Questura, pratica avviata.',
  'buona intesa con le altre ospiti; nessuna criticità.',
  'chiede supporto per cercare lavoro; fissato incontro con l’orientatrice.',
];
const MINUTES = [30, 45, 60, 60, 90, 120];

/** Writes the example accompaniment with prepared statements, inside the caller's transaction. */
export function generatePathway(
  sqlite: Database.Database,
  options: { seed: number; scale: Scale; today: number; userId: number | null; structureOfPlace: Map<number, number> },
  sim: { stays: SimStay[]; placements: SimPlacement[] },
): PathwayCounts {
  const rng = new Rng(options.seed ^ 0xacc0);
  const { today, userId } = options;
  const stamp = (day: number) => `${isoOf(day)}T10:00:00.000Z`;
  const byStay = new Map<number, SimPlacement[]>();
  for (const p of sim.placements) (byStay.get(p.stayId) ?? byStay.set(p.stayId, []).get(p.stayId)!).push(p);
  for (const list of byStay.values()) list.sort((a, b) => a.start - b.start);
  const structureOn = (stayId: number, day: number): number | null => {
    let found: number | null = null;
    for (const p of byStay.get(stayId) ?? []) if (p.start <= day) found = options.structureOfPlace.get(p.placeId) ?? null;
    return found;
  };
  const lastDay = (s: SimStay) => Math.min(s.exit === Infinity ? today : s.exit, today);
  const totalDays = sim.stays.reduce((sum, s) => sum + Math.max(0, lastDay(s) - s.entry + 1), 0) || 1;
  const interventionRate = options.scale.interventions / totalDays;
  const noteRate = options.scale.notes / totalDays;

  const plan = sqlite.prepare('INSERT INTO plans (id, stay_id, person_id, agreed_on, review_due, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const goal = sqlite.prepare(`INSERT INTO plan_goals (id, plan_id, area, description, target_date, status, status_date, drop_reason, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const review = sqlite.prepare('INSERT INTO plan_reviews (plan_id, reviewed_on, user_id, goals, summary, next_review, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const intervention = sqlite.prepare(`INSERT INTO interventions (person_id, stay_id, structure_id, date, area, type, staff_user_id, provider, minutes, goal_id, outcome, group_id, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const note = sqlite.prepare('INSERT INTO case_notes (person_id, stay_id, date, body, author_id, confidential, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');

  const counts: PathwayCounts = { plans: 0, goals: 0, reviews: 0, interventions: 0, caseNotes: 0 };
  /** Italian lessons of a structure on a day share one group number. */
  const lessons = new Map<string, number>();
  let nextGroup = 1;
  for (const s of sim.stays) {
    const end = lastDay(s);
    const days = end - s.entry + 1;
    if (days <= 0) continue;
    const goals: { id: number; area: PathwayArea }[] = [];
    // A plan is agreed in the first weeks of a stay that lasts.
    if (days > 14 && rng.chance(0.85)) {
      counts.plans += 1;
      const planId = counts.plans;
      const agreed = s.entry + rng.int(3, 14);
      const open = s.exit === Infinity;
      // Reviewed every quarter: the last review date passed, and the next one due if the stay is open.
      const reviewDays: number[] = [];
      let nextReview = agreed + 90;
      for (; nextReview <= end; nextReview += 90) reviewDays.push(nextReview);
      plan.run(planId, s.id, s.person.id, isoOf(agreed), open ? isoOf(nextReview) : null, stamp(agreed));
      const areas = rng.sample(PATHWAY_AREAS, rng.int(2, 4));
      const states: { goalId: number; status: string; targetDate: string | null; day: number }[] = [];
      for (const area of areas) {
        counts.goals += 1;
        const target = agreed + rng.int(60, 240);
        const settled = rng.float();
        // Settled on a day after the agreement; a goal whose day falls after the stay's last day is still open.
        const statusDay = agreed + rng.int(20, 300);
        const status = statusDay > end ? 'open' : settled < 0.5 ? 'reached' : settled < 0.62 ? 'dropped' : 'open';
        goal.run(counts.goals, planId, area, rng.pick(GOALS[area]), isoOf(target), status, status === 'open' ? null : isoOf(statusDay),
          status === 'dropped' ? 'La persona ha cambiato priorità' : null, stamp(agreed));
        goals.push({ id: counts.goals, area });
        states.push({ goalId: counts.goals, status, targetDate: isoOf(target), day: statusDay });
      }
      // Reviews name who made them: only when the register is generated by a signed-in user.
      if (userId !== null) {
        for (const day of reviewDays) {
          const then = states.map((g) => ({ goalId: g.goalId, status: g.day <= day ? g.status : 'open', targetDate: g.targetDate }));
          review.run(planId, isoOf(day), userId, JSON.stringify(then), 'Verifica trimestrale con la persona', isoOf(day + 90), stamp(day));
          counts.reviews += 1;
        }
      }
    }

    const n = Math.round(days * interventionRate + (rng.float() - 0.5));
    for (let i = 0; i < n; i += 1) {
      const day = s.entry + rng.int(0, days - 1);
      const area = rng.weighted(AREA_WEIGHTS);
      const type = rng.pick(TYPES_BY_AREA[area]);
      const structureId = structureOn(s.id, day);
      let groupId: number | null = null;
      if (type === 'italian_course' && structureId !== null) {
        const key = `${structureId}:${day}`;
        groupId = lessons.get(key) ?? lessons.set(key, nextGroup++).get(key)!;
      }
      const staff = userId !== null && rng.chance(0.6);
      const linked = goals.find((g) => g.area === area);
      intervention.run(
        s.person.id, s.id, structureId, isoOf(day), area, type, staff ? userId : null, staff ? null : rng.pick(PROVIDERS), groupId ? 120 : rng.pick(MINUTES),
        linked && rng.chance(0.5) ? linked.id : null, rng.chance(0.3) ? 'Svolto come previsto' : null, groupId, userId, stamp(day),
      );
      counts.interventions += 1;
    }

    const notes = Math.round(days * noteRate + (rng.float() - 0.5));
    for (let i = 0; i < notes; i += 1) {
      const day = s.entry + rng.int(0, days - 1);
      note.run(s.person.id, s.id, isoOf(day), `${rng.pick(NOTE_OPENINGS)}: ${rng.pick(NOTE_BODIES)}`, userId, rng.chance(0.1) ? 1 : 0, stamp(day));
      counts.caseNotes += 1;
    }
  }
  return counts;
}
