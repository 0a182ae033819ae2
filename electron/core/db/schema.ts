// The register's schema (drizzle-orm). Every change here goes through `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  EXIT_REASONS, GENDERS, GOAL_STATUSES, INTERVENTION_TYPES, PATHWAY_AREAS, PLACE_KINDS, REFERRAL_OUTCOMES, RELATIONSHIPS, STRUCTURE_TYPES, URGENCIES,
  VETTING_OUTCOMES,
} from '../../shared/domain';
import {
  CONTRACT_KINDS, CONTRIBUTION_STATUSES, CONTRIBUTION_TYPES, DECISION_KINDS, EMERGENCY_LEVELS, HOUSING_SITUATIONS, PAYMENT_METHODS,
} from '../../shared/contributions';

/** Staff who can unlock the register. Their key slots live in the slot file, keyed by this id. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'coordinator', 'operator'] }).notNull(),
  locale: text('locale', { enum: ['it', 'en'] }).notNull().default('it'),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  mustChangePassphrase: integer('must_change_passphrase', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  disabledAt: text('disabled_at'),
});

/** Register-wide settings as key/value pairs (auto-lock minutes, creation time). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Append-only, hash-chained record of every write. Update and delete are refused by triggers. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id'),
    /** JSON array of the names of the fields the write changed (never their values). */
    fields: text('fields').notNull().default(sql`'[]'`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_entity_record').on(t.entity, t.recordId)],
);

// ——— The daily register (docs/domain.md › Entities). Dates are local calendar dates 'YYYY-MM-DD'
// (Europe/Rome); periods are half-open: a stay, placement, active or out-of-service period covers the
// nights d with from ≤ d < to, and an empty `to` runs on.

/** Partner association. */
export const partners = sqliteTable('partners', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});

export const structures = sqliteTable(
  'structures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnerId: integer('partner_id').notNull().references(() => partners.id),
    name: text('name').notNull(),
    type: text('type', { enum: STRUCTURE_TYPES }).notNull(),
    /** Confidential: shown only to admins and coordinators, never in lists or exports. */
    address: text('address'),
    womenOnly: integer('women_only', { mode: 'boolean' }).notNull().default(false),
    childrenAllowed: integer('children_allowed', { mode: 'boolean' }).notNull().default(true),
    accessible: integer('accessible', { mode: 'boolean' }).notNull().default(false),
    lgbtSafe: integer('lgbt_safe', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of ISO 639-1 codes spoken by the staff. */
    languages: text('languages').notNull().default(sql`'[]'`),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('structures_partner').on(t.partnerId)],
);

export const rooms = sqliteTable(
  'rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    structureId: integer('structure_id').notNull().references(() => structures.id),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('rooms_structure').on(t.structureId)],
);

export const places = sqliteTable(
  'places',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').notNull().references(() => rooms.id),
    label: text('label').notNull(),
    kind: text('kind', { enum: PLACE_KINDS }).notNull().default('bed'),
    activeFrom: text('active_from').notNull(),
    activeTo: text('active_to'),
  },
  (t) => [index('places_room').on(t.roomId)],
);

export const placeOutOfService = sqliteTable(
  'place_out_of_service',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    placeId: integer('place_id').notNull().references(() => places.id),
    reason: text('reason').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
  },
  (t) => [index('place_oos_place').on(t.placeId, t.fromDate)],
);

/** A guest. Lists and exports show `code`; restricted persons show only the code. */
export const persons = sqliteTable(
  'persons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    /** Display name or alias used day to day. */
    displayName: text('display_name').notNull(),
    givenNames: text('given_names'),
    familyNames: text('family_names'),
    gender: text('gender', { enum: GENDERS }).notNull(),
    birthDate: text('birth_date'),
    /** Estimated birth year when the date is unknown (always set when birthDate is). */
    birthYear: integer('birth_year'),
    /** ISO 3166-1 alpha-2. */
    nationality: text('nationality'),
    /** JSON array of ISO 639-1 codes. */
    languages: text('languages').notNull().default(sql`'[]'`),
    permitType: text('permit_type'),
    permitNumber: text('permit_number'),
    permitExpiry: text('permit_expiry'),
    fiscalCode: text('fiscal_code'),
    referralSource: text('referral_source'),
    /** JSON array of vulnerability flag codes (special-category data). */
    vulnerabilities: text('vulnerabilities').notNull().default(sql`'[]'`),
    restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    /** Lower-case, accent-free names, code and fiscal code, for search (inside the encrypted file). */
    searchText: text('search_text').notNull(),
    /** Lower-case, accent-free legal or display name, for duplicate detection. */
    nameKey: text('name_key').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('persons_fiscal_code').on(t.fiscalCode), index('persons_name_key').on(t.nameKey, t.birthDate)],
);

export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    givenAt: text('given_at').notNull(),
    textVersion: text('text_version').notNull(),
    scope: text('scope').notNull(),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [index('consents_person').on(t.personId)],
);

export const households = sqliteTable('households', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  headPersonId: integer('head_person_id').notNull().references(() => persons.id),
  createdAt: text('created_at').notNull(),
});

/** A person belongs to at most one household. */
export const householdMembers = sqliteTable(
  'household_members',
  {
    householdId: integer('household_id').notNull().references(() => households.id),
    personId: integer('person_id').notNull().references(() => persons.id).unique(),
    relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
  },
  (t) => [index('household_members_household').on(t.householdId)],
);

export const referrals = sqliteTable(
  'referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** ISO date-time. */
    receivedAt: text('received_at').notNull(),
    source: text('source').notNull(),
    people: integer('people').notNull(),
    /** JSON array of children's ages in years. */
    childrenAges: text('children_ages').notNull().default(sql`'[]'`),
    womenOnly: integer('women_only', { mode: 'boolean' }).notNull().default(false),
    accessibility: integer('accessibility', { mode: 'boolean' }).notNull().default(false),
    lgbtSafe: integer('lgbt_safe', { mode: 'boolean' }).notNull().default(false),
    language: text('language'),
    urgency: text('urgency', { enum: URGENCIES }).notNull().default('normal'),
    notes: text('notes'),
    householdId: integer('household_id').references(() => households.id),
    personId: integer('person_id').references(() => persons.id),
    outcome: text('outcome', { enum: REFERRAL_OUTCOMES }).notNull().default('pending'),
    outcomeAt: text('outcome_at'),
    declineReason: text('decline_reason'),
  },
  // By person and by household: the person page lists a person's own and her household's referrals.
  (t) => [index('referrals_outcome').on(t.outcome, t.receivedAt), index('referrals_person').on(t.personId), index('referrals_household').on(t.householdId)],
);

/** A person's time in the programme: entry → exit (null while open). */
export const stays = sqliteTable(
  'stays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    householdId: integer('household_id').references(() => households.id),
    referralId: integer('referral_id').references(() => referrals.id),
    entryDate: text('entry_date').notNull(),
    exitDate: text('exit_date'),
    plannedEnd: text('planned_end'),
    exitReason: text('exit_reason', { enum: EXIT_REASONS }),
    destination: text('destination'),
    /** When the stay was saved (ISO instant): also when its entry was recorded, for the summary's timeliness. */
    createdAt: text('created_at').notNull(),
    /** When the discharge that set the exit date was saved (ISO instant); null while open. Exits saved
     * before this column existed carry the time of their audit event (drizzle/0008). */
    exitRecordedAt: text('exit_recorded_at'),
  },
  (t) => [index('stays_person').on(t.personId, t.entryDate), index('stays_dates').on(t.entryDate, t.exitDate)],
);

/** Proroghe: each extension of a stay's planned end. */
export const stayExtensions = sqliteTable(
  'stay_extensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stayId: integer('stay_id').notNull().references(() => stays.id),
    previousPlannedEnd: text('previous_planned_end'),
    newPlannedEnd: text('new_planned_end').notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedAt: text('granted_at').notNull(),
  },
  (t) => [index('stay_extensions_stay').on(t.stayId)],
);

/** A person in one place from a date to a date, inside the stay. */
export const placements = sqliteTable(
  'placements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stayId: integer('stay_id').notNull().references(() => stays.id),
    personId: integer('person_id').notNull().references(() => persons.id),
    placeId: integer('place_id').notNull().references(() => places.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** When the placement was saved (ISO instant): the entry into its structure for the summary's timeliness. */
    recordedAt: text('recorded_at'),
    /** When its end date was last set (ISO instant): at creation for a bounded placement, by a transfer, a
     * discharge or a correction; null while open. */
    endRecordedAt: text('end_recorded_at'),
  },
  (t) => [
    index('placements_place').on(t.placeId, t.startDate),
    index('placements_person').on(t.personId, t.startDate),
    index('placements_stay').on(t.stayId),
    index('placements_dates').on(t.startDate, t.endDate),
  ],
);

/** Each time a restricted person's names were shown, with the reason given (the audit keeps the fact). */
export const nameReveals = sqliteTable(
  'name_reveals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('name_reveals_person').on(t.personId)],
);

/** Corrections of wrongly typed dates: what was changed, from what to what, and why. */
export const dateCorrections = sqliteTable(
  'date_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity', { enum: ['stay', 'placement'] }).notNull(),
    recordId: integer('record_id').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason').notNull(),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('date_corrections_record').on(t.entity, t.recordId)],
);

/** Each anonymisation of a person (retention review or erasure on request): when, by whom, and for an
 * erasure the reason given — never the erased content. The audit log keeps the fact and the field names. */
export const personAnonymisations = sqliteTable(
  'person_anonymisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    kind: text('kind', { enum: ['retention', 'erasure'] }).notNull(),
    reason: text('reason'),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('person_anonymisations_person').on(t.personId, t.at)],
);

// ——— Housing contributions (docs/contributions.md). Money is integer cents; dates are calendar dates.

/** A contribution to a household: its assessment (as last recorded), the suggestion computed then, and
 * the current state of its decisions and payments (kept in step by the service in each write, so the
 * list filters and totals in SQL; the decisions and payments tables hold the history). */
export const contributions = sqliteTable(
  'contributions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'CTB-2026-0001': the decision reference the ledger and paper files use. */
    reference: text('reference').notNull().unique(),
    householdId: integer('household_id').notNull().references(() => households.id),
    /** The household head's person code, copied at creation (codes never change, nor does a household's
     * head): the list searches and sorts by it without joining persons. */
    householdCode: text('household_code').notNull().default(''),
    /** The partner association following the household (for budgets split per partner). */
    partnerId: integer('partner_id').references(() => partners.id),
    type: text('type', { enum: CONTRIBUTION_TYPES }).notNull(),
    status: text('status', { enum: CONTRIBUTION_STATUSES }).notNull(),
    /** Budget year: the proposal's year, then the approval's. */
    year: integer('year').notNull(),
    proposedCents: integer('proposed_cents').notNull(),
    /** The amount of the current approval (null unless approved). */
    approvedCents: integer('approved_cents'),
    /** Sum of the payments not cancelled. */
    paidCents: integer('paid_cents').notNull().default(0),
    proposedAt: text('proposed_at').notNull(),
    decidedAt: text('decided_at'),
    householdSize: integer('household_size').notNull(),
    monthlyIncomeCents: integer('monthly_income_cents').notNull(),
    iseeCents: integer('isee_cents'),
    housingSituation: text('housing_situation', { enum: HOUSING_SITUATIONS }).notNull(),
    emergencyLevel: text('emergency_level', { enum: EMERGENCY_LEVELS }).notNull(),
    assessmentNotes: text('assessment_notes'),
    assessedAt: text('assessed_at').notNull(),
    suggestedCents: integer('suggested_cents'),
    /** JSON: how the suggestion was computed (electron/shared/contributions.ts Suggestion). */
    suggestion: text('suggestion').notNull(),
    ruleTableId: integer('rule_table_id'),
    /** Reference numbers of the documents kept on paper. */
    paperReferences: text('paper_references'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('contributions_year').on(t.year, t.type, t.status),
    index('contributions_household').on(t.householdId),
    index('contributions_status').on(t.status, t.proposedAt),
    // The list's sorts walk these instead of sorting 10,000 rows.
    index('contributions_proposed_at').on(t.proposedAt),
    index('contributions_decided_at').on(t.decidedAt),
    index('contributions_approved').on(t.approvedCents),
    index('contributions_paid').on(t.paidCents),
    index('contributions_household_code').on(t.householdCode),
  ],
);

/** Every decision on a contribution, never changed: proposed, approved (a revision is a new approval),
 * rejected, withdrawn; an approval past the remaining budget carries the override and its reason. */
export const contributionDecisions = sqliteTable(
  'contribution_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contributionId: integer('contribution_id').notNull().references(() => contributions.id),
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    amountCents: integer('amount_cents'),
    date: text('date').notNull(),
    motivation: text('motivation'),
    /** Remaining budget of the year and type just before this approval (what the override went past). */
    remainingCents: integer('remaining_cents'),
    override: integer('override', { mode: 'boolean' }).notNull().default(false),
    overrideReason: text('override_reason'),
    userId: integer('user_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('contribution_decisions_contribution').on(t.contributionId), index('contribution_decisions_override').on(t.override, t.date)],
);

/** The housing contract a contribution helps to start. The address is confidential, like a structure's. */
export const contributionContracts = sqliteTable('contribution_contracts', {
  contributionId: integer('contribution_id').primaryKey().references(() => contributions.id),
  kind: text('kind', { enum: CONTRACT_KINDS }).notNull(),
  landlord: text('landlord'),
  address: text('address'),
  startDate: text('start_date'),
  monthlyRentCents: integer('monthly_rent_cents'),
  durationMonths: integer('duration_months'),
});

export const contributionInstalments = sqliteTable(
  'contribution_instalments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contributionId: integer('contribution_id').notNull().references(() => contributions.id),
    dueDate: text('due_date').notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('contribution_instalments_contribution').on(t.contributionId, t.dueDate)],
);

/** Actual payments. Never edited or deleted: a mistaken one is cancelled with a reason. */
export const contributionPayments = sqliteTable(
  'contribution_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contributionId: integer('contribution_id').notNull().references(() => contributions.id),
    date: text('date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    receiptReference: text('receipt_reference'),
    userId: integer('user_id').references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    cancelledBy: integer('cancelled_by').references(() => users.id),
  },
  (t) => [index('contribution_payments_contribution').on(t.contributionId, t.date), index('contribution_payments_date').on(t.date)],
);

/** Budgets per year and type, optionally per partner: each change is a new row (the history); the
 * latest row of a (year, type, partner) is in force. */
export const budgetEntries = sqliteTable(
  'budget_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    type: text('type', { enum: CONTRIBUTION_TYPES }).notNull(),
    partnerId: integer('partner_id').references(() => partners.id),
    amountCents: integer('amount_cents').notNull(),
    note: text('note'),
    userId: integer('user_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('budget_entries_year').on(t.year, t.type, t.partnerId)],
);

/** The suggestion rule table of a type: each save is a new version (JSON RuleTable); the latest is in force. */
export const contributionRuleTables = sqliteTable(
  'contribution_rule_tables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: CONTRIBUTION_TYPES }).notNull(),
    rules: text('rules').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('contribution_rule_tables_type').on(t.type, t.id)],
);

// ——— Social accompaniment (docs/pathway.md): who works where, the individual plan, the interventions
// delivered, case notes, and host families' vetting and placement agreements.

/** The structures a member of staff works in: an operator sees the case notes of persons placed there. */
export const staffStructures = sqliteTable(
  'staff_structures',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    structureId: integer('structure_id').notNull().references(() => structures.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.structureId] }), index('staff_structures_structure').on(t.structureId)],
);

/** The individual plan (progetto individualizzato) of one stay, agreed with the person on a date. */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stayId: integer('stay_id').notNull().references(() => stays.id),
    personId: integer('person_id').notNull().references(() => persons.id),
    agreedOn: text('agreed_on').notNull(),
    /** When the plan is next to be reviewed with the person. */
    reviewDue: text('review_due'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('plans_stay').on(t.stayId), index('plans_person').on(t.personId), index('plans_review_due').on(t.reviewDue)],
);

/** A goal of the plan in one area, with a target date and its status (open, reached, dropped with a reason). */
export const planGoals = sqliteTable(
  'plan_goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => plans.id),
    area: text('area', { enum: PATHWAY_AREAS }).notNull(),
    /** Free text about the person: cleared by anonymisation. */
    description: text('description').notNull(),
    targetDate: text('target_date'),
    status: text('status', { enum: GOAL_STATUSES }).notNull().default('open'),
    /** The day the goal was reached or dropped. */
    statusDate: text('status_date'),
    dropReason: text('drop_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('plan_goals_plan').on(t.planId), index('plan_goals_status').on(t.status, t.targetDate), index('plan_goals_reached').on(t.status, t.statusDate)],
);

/** Each review of a plan with the person: what the goals stood at then (JSON), a summary and the next review date. */
export const planReviews = sqliteTable(
  'plan_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => plans.id),
    reviewedOn: text('reviewed_on').notNull(),
    userId: integer('user_id').notNull().references(() => users.id),
    /** JSON array of { goalId, status, targetDate } after the review: the plan's history. */
    goals: text('goals').notNull().default(sql`'[]'`),
    summary: text('summary'),
    nextReview: text('next_review'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('plan_reviews_plan').on(t.planId, t.reviewedOn)],
);

/** A service delivered to a person on a day: area, type, who delivered it, how long, which goal it served. */
export const interventions = sqliteTable(
  'interventions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    stayId: integer('stay_id').notNull().references(() => stays.id),
    /** The structure the person was placed in that day (null: not placed then), fixed when recorded. */
    structureId: integer('structure_id').references(() => structures.id),
    date: text('date').notNull(),
    area: text('area', { enum: PATHWAY_AREAS }).notNull(),
    type: text('type', { enum: INTERVENTION_TYPES }).notNull(),
    /** A member of staff, or else an external service named in `provider`. */
    staffUserId: integer('staff_user_id').references(() => users.id),
    provider: text('provider'),
    minutes: integer('minutes').notNull(),
    goalId: integer('goal_id').references(() => planGoals.id),
    /** A short outcome: free text about the person, cleared by anonymisation. */
    outcome: text('outcome'),
    /** Rows recorded together for one group activity (a lesson for eight women) share this number. */
    groupId: integer('group_id'),
    /** Who recorded it (null only in generated example data made without a signed-in user). */
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('interventions_date').on(t.date, t.structureId),
    index('interventions_person').on(t.personId, t.date),
    index('interventions_group').on(t.groupId),
  ],
);

/** Case notes: the most sensitive text of the register. Read only through the notes service (visibility
 * rules), never in lists, exports or logs; deleted by anonymisation and erasure. */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull().references(() => persons.id),
    stayId: integer('stay_id').references(() => stays.id),
    date: text('date').notNull(),
    body: text('body').notNull(),
    /** The named user who wrote it (null only in generated example data made without a signed-in user). */
    authorId: integer('author_id').references(() => users.id),
    /** Readable by the author, coordinators and admins only. */
    confidential: integer('confidential', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('case_notes_person').on(t.personId, t.date)],
);

/** A host household's vetting (structures of type host family): when, outcome, who vetted, renewal due. */
export const hostVettings = sqliteTable(
  'host_vettings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    structureId: integer('structure_id').notNull().references(() => structures.id),
    vettedOn: text('vetted_on').notNull(),
    outcome: text('outcome', { enum: VETTING_OUTCOMES }).notNull(),
    vettedBy: text('vetted_by').notNull(),
    renewalDue: text('renewal_due'),
    notes: text('notes'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('host_vettings_structure').on(t.structureId, t.vettedOn)],
);

/** The agreement for hosting one person with a host household: dates and conditions. */
export const placementAgreements = sqliteTable(
  'placement_agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    structureId: integer('structure_id').notNull().references(() => structures.id),
    personId: integer('person_id').notNull().references(() => persons.id),
    signedOn: text('signed_on').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** Free text (house rules, contribution to expenses…): cleared by anonymisation of the person. */
    conditions: text('conditions'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('placement_agreements_structure').on(t.structureId, t.startDate), index('placement_agreements_person').on(t.personId)],
);

/** The closed months of the monthly summary (docs/summary.md › Month close): each close stores the month's
 * figures as canonical JSON with its SHA-256; closing again adds the next version. Append-only: triggers
 * refuse UPDATE and DELETE (drizzle/0008), like the audit log. */
export const monthClosures = sqliteTable(
  'month_closures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    version: integer('version').notNull(),
    /** The summary as canonical JSON (sorted keys, no whitespace). */
    snapshot: text('snapshot').notNull(),
    /** SHA-256 of the snapshot's UTF-8 bytes, hex. */
    sha256: text('sha256').notNull(),
    closedBy: integer('closed_by').notNull().references(() => users.id),
    closedAt: text('closed_at').notNull(),
  },
  (t) => [uniqueIndex('month_closures_month_version').on(t.month, t.version)],
);

/** Files with personal data that left the register (docs/privacy.md › Nominal list): what, for which
 * period, how many rows, who, when and why. The audit keeps the fact; this table keeps the reason. */
export const nominalExports = sqliteTable(
  'nominal_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['month_list'] }).notNull(),
    period: text('period').notNull(),
    rows: integer('rows').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('nominal_exports_at').on(t.at)],
);
