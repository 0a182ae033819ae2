// Channels for social accompaniment (docs/pathway.md): the individual plan of a stay and its goals and
// reviews, interventions (one person or a group activity), case notes, the services register, the
// figures, the reminders on Today, who works in which structure, and host families.
import { z } from 'zod';
import { GOAL_STATUSES, INTERVENTION_TYPES, PATHWAY_AREAS, STRUCTURE_TYPES, VETTING_OUTCOMES } from '../domain';
import { ALL_ROLES, MANAGERS, channel, idSchema, isoDate, optionalDate, optionalText, requiredText, ROLES } from '../schema-kit';

const area = z.enum(PATHWAY_AREAS, { error: 'validation.required' });
const interventionType = z.enum(INTERVENTION_TYPES, { error: 'validation.required' });
const goalStatus = z.enum(GOAL_STATUSES, { error: 'validation.required' });

/** A longest group activity recorded in one go: a course's class. */
export const MAX_GROUP = 40;
/** An intervention lasts at least a minute and at most a day. */
export const MAX_MINUTES = 24 * 60;

export const goalSchema = z.strictObject({
  id: idSchema,
  area,
  description: z.string(),
  targetDate: z.string().nullable(),
  status: goalStatus,
  statusDate: z.string().nullable(),
  dropReason: z.string().nullable(),
});
export type Goal = z.infer<typeof goalSchema>;

export const reviewSchema = z.strictObject({
  id: idSchema,
  reviewedOn: z.string(),
  byName: z.string().nullable(),
  summary: z.string().nullable(),
  nextReview: z.string().nullable(),
  goals: z.array(z.strictObject({ goalId: idSchema, status: goalStatus, targetDate: z.string().nullable() })),
});
export type PlanReview = z.infer<typeof reviewSchema>;

export const planSchema = z.strictObject({
  id: idSchema,
  stayId: idSchema,
  agreedOn: z.string(),
  reviewDue: z.string().nullable(),
  goals: z.array(goalSchema),
  /** Newest first. */
  reviews: z.array(reviewSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const interventionRowSchema = z.strictObject({
  id: idSchema,
  personId: idSchema,
  code: z.string(),
  /** Null when the person is restricted: lists show the code only. */
  displayName: z.string().nullable(),
  date: z.string(),
  area,
  type: interventionType,
  structureId: idSchema.nullable(),
  structureName: z.string().nullable(),
  staffUserId: idSchema.nullable(),
  staffName: z.string().nullable(),
  provider: z.string().nullable(),
  minutes: z.number().int(),
  goalId: idSchema.nullable(),
  outcome: z.string().nullable(),
  groupId: z.number().int().nullable(),
});
export type InterventionRow = z.infer<typeof interventionRowSchema>;

export const noteSchema = z.strictObject({
  id: idSchema,
  date: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  own: z.boolean(),
  confidential: z.boolean(),
  createdAt: z.string(),
});
export type CaseNote = z.infer<typeof noteSchema>;

const staffOption = z.strictObject({ id: idSchema, displayName: z.string(), role: z.enum(ROLES) });
export type StaffOption = z.infer<typeof staffOption>;

export const pathwaySchema = z.strictObject({
  personId: idSchema,
  stays: z.array(z.strictObject({ id: idSchema, entryDate: z.string(), exitDate: z.string().nullable(), plan: planSchema.nullable() })),
  /** Newest first (the latest 500). */
  interventions: z.array(interventionRowSchema),
  interventionCount: z.number().int(),
  minutes: z.number().int(),
  staff: z.array(staffOption),
});
export type Pathway = z.infer<typeof pathwaySchema>;

export const interventionInputSchema = z
  .strictObject({
    /** One person, or several for a group activity (one lesson for eight women). */
    personIds: z.array(idSchema).min(1, { error: 'validation.atLeastOnePerson' }).max(MAX_GROUP, { error: 'validation.tooMany' }),
    date: isoDate,
    area,
    type: interventionType,
    staffUserId: idSchema.nullish().transform((v) => v ?? null),
    provider: optionalText(120),
    minutes: z.number({ error: 'validation.required' }).int({ error: 'validation.minutes' }).min(1, { error: 'validation.minutes' }).max(MAX_MINUTES, { error: 'validation.minutes' }),
    goalId: idSchema.nullish().transform((v) => v ?? null),
    outcome: optionalText(500),
  })
  .superRefine((value, ctx) => {
    if (value.staffUserId === null && value.provider === null)
      ctx.addIssue({ code: 'custom', path: ['provider'], message: 'validation.deliveredBy' });
    if (value.goalId !== null && value.personIds.length > 1)
      ctx.addIssue({ code: 'custom', path: ['goalId'], message: 'validation.goalOnePerson' });
  });

export const interventionFilterSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  structureId: idSchema.nullish().transform((v) => v ?? null),
  area: area.nullish().transform((v) => v ?? null),
  type: interventionType.nullish().transform((v) => v ?? null),
  staffUserId: idSchema.nullish().transform((v) => v ?? null),
});
export type InterventionFilter = z.input<typeof interventionFilterSchema>;

const countMinutes = z.strictObject({ count: z.number().int(), minutes: z.number().int() });

/** The figures of a period for one block (the total, a structure, a structure type or a partner). */
export const figureBlockSchema = z.strictObject({
  interventions: z.number().int(),
  minutes: z.number().int(),
  personsReached: z.number().int(),
  goalsReached: z.number().int(),
  byArea: z.record(z.enum(PATHWAY_AREAS), countMinutes),
  byType: z.record(z.enum(INTERVENTION_TYPES), countMinutes),
});
export type FigureBlock = z.infer<typeof figureBlockSchema>;

export const pathwayFiguresSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  total: figureBlockSchema,
  byStructure: z.array(figureBlockSchema.extend({ structureId: idSchema.nullable(), name: z.string().nullable() })),
  byStructureType: z.array(figureBlockSchema.extend({ type: z.enum(STRUCTURE_TYPES).nullable() })),
  byPartner: z.array(figureBlockSchema.extend({ partnerId: idSchema.nullable(), name: z.string().nullable() })),
});
export type PathwayFigures = z.infer<typeof pathwayFiguresSchema>;

const reminderRow = z.strictObject({
  personId: idSchema,
  code: z.string(),
  label: z.string(),
  date: z.string(),
  structureName: z.string().nullable(),
  /** For a goal past its target: its area. */
  area: area.nullable(),
});
export type ReminderRow = z.infer<typeof reminderRow>;

export const hostFamilySchema = z.strictObject({
  structureId: idSchema,
  name: z.string(),
  vettings: z.array(z.strictObject({
    id: idSchema, vettedOn: z.string(), outcome: z.enum(VETTING_OUTCOMES), vettedBy: z.string(), renewalDue: z.string().nullable(), notes: z.string().nullable(),
  })),
  agreements: z.array(z.strictObject({
    id: idSchema, personId: idSchema, code: z.string(), displayName: z.string().nullable(), signedOn: z.string(), startDate: z.string(),
    endDate: z.string().nullable(), conditions: z.string().nullable(),
  })),
  placements: z.array(z.strictObject({
    id: idSchema, personId: idSchema, code: z.string(), displayName: z.string().nullable(), placeLabel: z.string(), startDate: z.string(), endDate: z.string().nullable(),
  })),
});
export type HostFamily = z.infer<typeof hostFamilySchema>;

export const pathwayChannels = {
  /** The plans of a person's stays, her interventions and the staff who may deliver one. Notes come apart (notes.list). */
  'pathway.get': channel({ input: z.strictObject({ personId: idSchema }), output: pathwaySchema, access: ALL_ROLES }),
  /** Creates the stay's plan, or changes its agreement and review dates. */
  'plans.save': channel({
    input: z.strictObject({ stayId: idSchema, agreedOn: isoDate, reviewDue: optionalDate }),
    output: planSchema,
    access: ALL_ROLES,
  }),
  'goals.add': channel({
    input: z.strictObject({ planId: idSchema, area, description: requiredText(300), targetDate: optionalDate }),
    output: planSchema,
    access: ALL_ROLES,
  }),
  /** Marks a goal reached or dropped (with a reason), or opens it again. */
  'goals.setStatus': channel({
    input: z.strictObject({ goalId: idSchema, status: goalStatus, date: isoDate, dropReason: optionalText(300) }).superRefine((value, ctx) => {
      if (value.status === 'dropped' && value.dropReason === null) ctx.addIssue({ code: 'custom', path: ['dropReason'], message: 'validation.dropReason' });
    }),
    output: planSchema,
    access: ALL_ROLES,
  }),
  /** A review with the person: the goals' state is kept as it stands, with a summary and the next review date. */
  'plans.review': channel({
    input: z.strictObject({ planId: idSchema, reviewedOn: isoDate, summary: optionalText(2000), nextReview: optionalDate }),
    output: planSchema,
    access: ALL_ROLES,
  }),
  'interventions.add': channel({
    input: interventionInputSchema,
    output: z.strictObject({ ids: z.array(idSchema), groupId: z.number().int().nullable() }),
    access: ALL_ROLES,
  }),
  /** The services register: a period's interventions, filtered, a page at a time, with counts and hours per type. */
  'interventions.list': channel({
    input: interventionFilterSchema.extend({ offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.strictObject({
      rows: z.array(interventionRowSchema),
      total: z.number().int(),
      minutes: z.number().int(),
      persons: z.number().int(),
      byType: z.array(z.strictObject({ type: interventionType, count: z.number().int(), minutes: z.number().int() })),
    }),
    access: ALL_ROLES,
  }),
  /** Members of staff who deliver interventions (the register's filter and the form's choice). */
  'interventions.staff': channel({ input: z.strictObject({}), output: z.array(staffOption), access: ALL_ROLES }),
  /** A person's case notes the user may read: refused (nothing else said) when she may read none. */
  'notes.list': channel({ input: z.strictObject({ personId: idSchema }), output: z.array(noteSchema), access: ALL_ROLES }),
  'notes.add': channel({
    input: z.strictObject({ personId: idSchema, date: isoDate, body: requiredText(4000), confidential: z.boolean().default(false) }),
    output: noteSchema,
    access: ALL_ROLES,
  }),
  /** Interventions, persons reached, hours and goals reached in a period, in total and per structure, type and partner. */
  'pathway.figures': channel({ input: z.strictObject({ from: isoDate, to: isoDate }), output: pathwayFiguresSchema, access: MANAGERS }),
  /** Plan reviews due within a week and goals past their target date, for the staff of the person's structure. */
  'pathway.reminders': channel({
    input: z.strictObject({ date: isoDate }),
    output: z.strictObject({ reviewsDue: z.array(reminderRow), goalsPastTarget: z.array(reminderRow) }),
    access: ALL_ROLES,
  }),
  /** Who works in a structure (operators see the case notes of persons placed there). */
  'structures.staff': channel({
    input: z.strictObject({ structureId: idSchema }),
    output: z.strictObject({ assigned: z.array(idSchema), users: z.array(staffOption) }),
    access: ALL_ROLES,
  }),
  'structures.setStaff': channel({
    input: z.strictObject({ structureId: idSchema, userIds: z.array(idSchema).max(200) }),
    output: z.strictObject({ assigned: z.array(idSchema), users: z.array(staffOption) }),
    access: MANAGERS,
  }),
  'hostFamily.get': channel({ input: z.strictObject({ structureId: idSchema }), output: hostFamilySchema, access: ALL_ROLES }),
  'hostFamily.addVetting': channel({
    input: z.strictObject({
      structureId: idSchema, vettedOn: isoDate, outcome: z.enum(VETTING_OUTCOMES, { error: 'validation.required' }), vettedBy: requiredText(120),
      renewalDue: optionalDate, notes: optionalText(1000),
    }),
    output: hostFamilySchema,
    access: MANAGERS,
  }),
  /** Records a placement agreement, or changes one (`id`). */
  'hostFamily.saveAgreement': channel({
    input: z.strictObject({
      id: idSchema.optional(), structureId: idSchema, personId: idSchema, signedOn: isoDate, startDate: isoDate, endDate: optionalDate,
      conditions: optionalText(2000),
    }),
    output: hostFamilySchema,
    access: MANAGERS,
  }),
} as const;
