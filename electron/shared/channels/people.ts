// Channels for persons (guests), consents, households, referrals and matching.
import { z } from 'zod';
import {
  DECLINE_REASONS, GENDERS, PERMIT_TYPES, PLACE_KINDS, REFERRAL_OUTCOMES, REFERRAL_SOURCES, RELATIONSHIPS,
  STRUCTURE_TYPES, URGENCIES, VULNERABILITIES,
} from '../domain';
import { fiscalCodeProblem } from '../fiscal-code';
import { ALL_ROLES, channel, idSchema, isoDate, MAX_TEXT, optionalDate, optionalText, requiredText, text } from '../schema-kit';
import { auditRowSchema } from '../audit-schema';
import { guestSchema } from './places';

const languageCode = z.string().regex(/^[a-z]{2}$/, { error: 'validation.invalid' });
const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'validation.invalid' });

/** Person fields as typed in the form; the same schema validates in the renderer and in main. */
export const personFieldsSchema = z
  .strictObject({
    displayName: requiredText(80),
    givenNames: optionalText(120),
    familyNames: optionalText(120),
    gender: z.enum(GENDERS, { error: 'validation.required' }),
    birthDate: optionalDate,
    birthYear: z.number().int().min(1900, { error: 'validation.birthYear' }).max(2100, { error: 'validation.birthYear' }).nullish().transform((v) => v ?? null),
    nationality: countryCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    languages: z.array(languageCode).max(20).default([]),
    permitType: z.enum(PERMIT_TYPES).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    permitNumber: optionalText(40),
    permitExpiry: optionalDate,
    fiscalCode: text(16).toUpperCase().nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    referralSource: z.enum(REFERRAL_SOURCES).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).default([]),
    restricted: z.boolean().default(false),
    notes: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.fiscalCode) {
      const problem = fiscalCodeProblem(value.fiscalCode);
      if (problem) ctx.addIssue({ code: 'custom', path: ['fiscalCode'], message: problem });
    }
    if (value.birthDate && value.birthYear !== null && Number(value.birthDate.slice(0, 4)) !== value.birthYear)
      ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'validation.birthYearMismatch' });
  });
export type PersonFields = z.input<typeof personFieldsSchema>;

export const PERSON_STATUSES = ['present', 'past', 'never'] as const;

export const personRowSchema = z.strictObject({
  id: idSchema,
  code: z.string(),
  /** Null when the person is restricted: lists show the code only. */
  displayName: z.string().nullable(),
  restricted: z.boolean(),
  gender: z.enum(GENDERS),
  birthYear: z.number().int().nullable(),
  nationality: z.string().nullable(),
  permitExpiry: z.string().nullable(),
  status: z.enum(PERSON_STATUSES),
  structureName: z.string().nullable(),
  placeLabel: z.string().nullable(),
  entryDate: z.string().nullable(),
  vulnerabilities: z.array(z.string()),
});
export type PersonRow = z.infer<typeof personRowSchema>;

export const PERSON_SORTS = ['code', 'displayName', 'birthYear', 'nationality', 'permitExpiry', 'entryDate', 'structureName'] as const;

export const personSearchSchema = z.strictObject({
  query: text(100).default(''),
  structureId: idSchema.optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  gender: z.enum(GENDERS).optional(),
  nationality: countryCode.optional(),
  vulnerability: z.enum(VULNERABILITIES).optional(),
  /** Permits expiring within this many days from today (already expired included). */
  permitExpiringWithinDays: z.number().int().min(0).max(3650).optional(),
  sort: z.enum(PERSON_SORTS).default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const duplicateSchema = z.strictObject({
  id: idSchema,
  code: z.string(),
  displayName: z.string().nullable(),
  reason: z.enum(['fiscal_code', 'name_birth_date']),
});

export const consentSchema = z.strictObject({
  id: idSchema,
  personId: idSchema,
  givenAt: z.string(),
  textVersion: z.string(),
  scope: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const householdSchema = z.strictObject({
  id: idSchema,
  headPersonId: idSchema,
  members: z.array(z.strictObject({ personId: idSchema, code: z.string(), displayName: z.string().nullable(), relationship: z.enum(RELATIONSHIPS), gender: z.enum(GENDERS), birthYear: z.number().int().nullable() })),
});
export type Household = z.infer<typeof householdSchema>;

export const referralNeedsSchema = z.strictObject({
  people: z.number({ error: 'validation.required' }).int().min(1, { error: 'validation.peopleRange' }).max(20, { error: 'validation.peopleRange' }),
  childrenAges: z.array(z.number().int().min(0).max(17)).max(19).default([]),
  womenOnly: z.boolean().default(false),
  accessibility: z.boolean().default(false),
  lgbtSafe: z.boolean().default(false),
  language: languageCode.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
});

export const referralSchema = z.strictObject({
  id: idSchema,
  receivedAt: z.string(),
  source: z.string(),
  people: z.number().int(),
  childrenAges: z.array(z.number().int()),
  womenOnly: z.boolean(),
  accessibility: z.boolean(),
  lgbtSafe: z.boolean(),
  language: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  notes: z.string().nullable(),
  householdId: idSchema.nullable(),
  personId: idSchema.nullable(),
  personCode: z.string().nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES),
  outcomeAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** Hours from receipt to the outcome (or to now while pending). */
  waitingHours: z.number(),
});
export type Referral = z.infer<typeof referralSchema>;

/** A guest for matching: who, and whether a child of the household (an unknown age then counts as a young child). */
export const matchGuestSchema = z.strictObject({ guest: guestSchema, child: z.boolean().default(false) });

export const matchSchema = z.strictObject({
  structureId: idSchema,
  structureName: z.string(),
  structureType: z.enum(STRUCTURE_TYPES),
  partnerName: z.string(),
  /** The places proposed, one per guest (`guest`: index in the group, head first), in room order. */
  places: z.array(z.strictObject({
    placeId: idSchema, label: z.string(), roomId: idSchema, roomName: z.string(), kind: z.enum(PLACE_KINDS),
    guest: z.number().int(),
    /** The first night the place is needed again (a later booking, an out-of-service period): the placement
     * ends then. Null: free for as long as the stay asks. */
    freeUntil: z.string().nullable(),
  })),
  /** Every parent stays in a room with the young children (or there are none). */
  familyTogether: z.boolean(),
  /** Places free in the structure over the range (may exceed `places`). */
  freeCount: z.number().int(),
  score: z.number(),
  /** Translation keys of why it fits (or what is only partly met). */
  reasons: z.array(z.string()),
});
export type Match = z.infer<typeof matchSchema>;

export const personDetailSchema = z.strictObject({
  id: idSchema,
  code: z.string(),
  /** False while a restricted person's names are hidden (see persons.reveal). */
  namesShown: z.boolean(),
  fields: z.strictObject({
    displayName: z.string().nullable(),
    givenNames: z.string().nullable(),
    familyNames: z.string().nullable(),
    gender: z.enum(GENDERS),
    birthDate: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    nationality: z.string().nullable(),
    languages: z.array(z.string()),
    permitType: z.string().nullable(),
    permitNumber: z.string().nullable(),
    permitExpiry: z.string().nullable(),
    fiscalCode: z.string().nullable(),
    referralSource: z.string().nullable(),
    vulnerabilities: z.array(z.string()),
    restricted: z.boolean(),
    notes: z.string().nullable(),
  }),
  createdAt: z.string(),
  household: householdSchema.nullable(),
  stays: z.array(z.strictObject({
    id: idSchema,
    entryDate: z.string(),
    exitDate: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    exitReason: z.string().nullable(),
    destination: z.string().nullable(),
    referralId: idSchema.nullable(),
    extensions: z.array(z.strictObject({ id: idSchema, previousPlannedEnd: z.string().nullable(), newPlannedEnd: z.string(), grantedBy: z.string(), grantedAt: z.string() })),
    placements: z.array(z.strictObject({ id: idSchema, placeId: idSchema, placeLabel: z.string(), roomName: z.string(), structureId: idSchema, structureName: z.string(), startDate: z.string(), endDate: z.string().nullable() })),
  })),
  referrals: z.array(referralSchema),
  consents: z.array(consentSchema),
  /** The audit trail of this person, for admins and coordinators; null for other roles. */
  audit: z.array(auditRowSchema).nullable(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const peopleChannels = {
  'persons.search': channel({
    input: personSearchSchema,
    output: z.strictObject({ rows: z.array(personRowSchema), total: z.number().int() }),
    access: ALL_ROLES,
    passive: false,
  }),
  'persons.findDuplicates': channel({
    input: z.strictObject({
      excludeId: idSchema.optional(),
      fiscalCode: text(16).toUpperCase().nullish(),
      displayName: text(80).nullish(),
      givenNames: text(120).nullish(),
      familyNames: text(120).nullish(),
      birthDate: isoDate.nullish().or(z.literal('')),
    }),
    output: z.array(duplicateSchema),
    access: ALL_ROLES,
  }),
  /** Refused with POSSIBLE_DUPLICATE unless the duplicates found were shown and acknowledged. */
  'persons.create': channel({
    input: z.strictObject({ fields: personFieldsSchema, acknowledgeDuplicates: z.boolean().default(false) }),
    output: z.strictObject({ id: idSchema, code: z.string() }),
    access: ALL_ROLES,
  }),
  'persons.update': channel({
    input: z.strictObject({ id: idSchema, fields: personFieldsSchema }),
    output: z.strictObject({ id: idSchema, code: z.string() }),
    access: ALL_ROLES,
  }),
  'persons.get': channel({ input: z.strictObject({ id: idSchema }), output: personDetailSchema, access: ALL_ROLES }),
  /** Shows a restricted person's names: asks a reason, writes an audit event. */
  'persons.reveal': channel({
    input: z.strictObject({ id: idSchema, reason: requiredText(300) }),
    output: personDetailSchema,
    access: ALL_ROLES,
  }),
  'consents.add': channel({
    input: z.strictObject({ personId: idSchema, givenAt: isoDate, textVersion: requiredText(40), scope: requiredText(200) }),
    output: consentSchema,
    access: ALL_ROLES,
  }),
  'consents.withdraw': channel({
    input: z.strictObject({ id: idSchema, withdrawnAt: isoDate }),
    output: consentSchema,
    access: ALL_ROLES,
  }),
  'households.create': channel({
    input: z.strictObject({
      headPersonId: idSchema,
      members: z.array(z.strictObject({ personId: idSchema, relationship: z.enum(RELATIONSHIPS) })).max(19).default([]),
    }),
    output: householdSchema,
    access: ALL_ROLES,
  }),
  'households.addMember': channel({
    input: z.strictObject({ householdId: idSchema, personId: idSchema, relationship: z.enum(RELATIONSHIPS) }),
    output: householdSchema,
    access: ALL_ROLES,
  }),
  'households.removeMember': channel({
    input: z.strictObject({ householdId: idSchema, personId: idSchema }),
    output: householdSchema,
    access: ALL_ROLES,
  }),
  'referrals.list': channel({
    input: z.strictObject({ status: z.enum(['pending', 'all']).default('pending'), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(referralSchema),
    access: ALL_ROLES,
  }),
  'referrals.get': channel({ input: z.strictObject({ id: idSchema }), output: referralSchema, access: ALL_ROLES }),
  'referrals.create': channel({
    input: z.strictObject({
      receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { error: 'validation.dateTime' }),
      source: z.enum(REFERRAL_SOURCES, { error: 'validation.required' }),
      needs: referralNeedsSchema,
      urgency: z.enum(URGENCIES).default('normal'),
      notes: optionalText(2000),
      personId: idSchema.nullish(),
      householdId: idSchema.nullish(),
    }),
    output: referralSchema,
    access: ALL_ROLES,
  }),
  /** Declined (with a reason) or withdrawn; `placed` is set by the admission. */
  'referrals.close': channel({
    input: z.strictObject({
      id: idSchema,
      outcome: z.enum(['declined', 'withdrawn']),
      declineReason: z.enum(DECLINE_REASONS).nullish(),
      declineNote: optionalText(MAX_TEXT),
    }),
    output: referralSchema,
    access: ALL_ROLES,
  }),
  /** Places and groups of places that fit a referral or an ad-hoc need over the nights from ≤ d < to. */
  'referrals.match': channel({
    input: z.strictObject({
      referralId: idSchema.optional(),
      needs: referralNeedsSchema.optional(),
      /** The people to place (registered, or the facts of someone being registered), head first; with them
       * the group is known exactly, and `needs` only adds the structure's requirements. */
      guests: z.array(matchGuestSchema).max(20).optional(),
      /** A place the desk already chose (a bed-board cell): its structure comes first, its room is tried
       * first, and the first guest gets it when the rules allow. */
      placeId: idSchema.optional(),
      from: isoDate,
      to: optionalDate,
    }),
    output: z.array(matchSchema),
    access: ALL_ROLES,
  }),
} as const;
