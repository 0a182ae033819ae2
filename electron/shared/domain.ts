// The register's vocabularies, shared by the database schema, the contract and the renderer.
// Codes are stable (stored); labels live in the renderer's dictionaries.

export const STRUCTURE_TYPES = ['shelter', 'cohousing', 'host_family', 'other'] as const;
export const PLACE_KINDS = ['bed', 'cot'] as const;
export const GENDERS = ['female', 'male', 'nonbinary', 'unknown'] as const;
export const RELATIONSHIPS = ['head', 'partner', 'child', 'parent', 'sibling', 'other_relative', 'other'] as const;
export const URGENCIES = ['low', 'normal', 'high', 'immediate'] as const;
export const REFERRAL_OUTCOMES = ['pending', 'placed', 'declined', 'withdrawn'] as const;
/** SAI exit reasons: inserimento socio-economico, scadenza termini, abbandono volontario, allontanamento,
 * trasferimento ad altro progetto, rimpatrio volontario assistito, altro. */
export const EXIT_REASONS = [
  'socio_economic_inclusion', 'term_expired', 'voluntary_abandonment', 'removal',
  'transfer_other_project', 'assisted_voluntary_return', 'other',
] as const;
export const PERMIT_TYPES = [
  'asylum', 'subsidiary_protection', 'special_protection', 'asylum_request', 'humanitarian', 'family',
  'work', 'study', 'eu_long_term', 'minor_age', 'victim_of_trafficking', 'domestic_violence', 'other',
] as const;
export const VULNERABILITIES = [
  'violence_survivor', 'trafficking', 'single_parent', 'pregnancy', 'disability', 'mental_health',
  'chronic_illness', 'lgbt', 'unaccompanied_minor', 'elderly', 'torture_survivor', 'other',
] as const;
export const REFERRAL_SOURCES = [
  'social_services', 'anti_violence_centre', 'municipal_office', 'reception_system', 'health_service',
  'police', 'association', 'self', 'other',
] as const;
export const DECLINE_REASONS = ['no_place', 'needs_not_met', 'not_eligible', 'refused_by_person', 'other'] as const;

export type StructureType = (typeof STRUCTURE_TYPES)[number];
export type Gender = (typeof GENDERS)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];

// ——— Social accompaniment (docs/pathway.md)

/** Areas of the individual plan (progetto individualizzato), of its goals and of the interventions. */
export const PATHWAY_AREAS = ['housing', 'work_training', 'italian_language', 'health', 'legal_documents', 'children_schooling', 'social_network'] as const;
export const GOAL_STATUSES = ['open', 'reached', 'dropped'] as const;
export const INTERVENTION_TYPES = [
  'cultural_mediation', 'legal_counselling', 'job_orientation', 'italian_course', 'health_accompaniment',
  'psychological_support', 'school_enrolment', 'document_procedures', 'housing_search', 'other',
] as const;
/** Outcome of a host household's vetting. */
export const VETTING_OUTCOMES = ['approved', 'approved_with_conditions', 'not_approved'] as const;

export type PathwayArea = (typeof PATHWAY_AREAS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type InterventionType = (typeof INTERVENTION_TYPES)[number];
