// Channels for stays and placements: admission, transfer, extension, discharge, date correction.
import { z } from 'zod';
import { EXIT_REASONS, RELATIONSHIPS } from '../domain';
import { personFieldsSchema } from './people';
import { ALL_ROLES, channel, idSchema, isoDate, optionalDate, optionalText, requiredText } from '../schema-kit';

const stayResult = z.strictObject({ stayIds: z.array(idSchema), placementIds: z.array(idSchema) });

/** One person admitted now and the place of their first night. A place free only until a later booking
 * takes a placement that ends then (`placementEnd`, the night of the planned move); the stay stays open. */
export const admissionMemberSchema = z.strictObject({ personId: idSchema, placeId: idSchema, placementEnd: optionalDate });

export const admissionSchema = z.strictObject({
  entryDate: isoDate,
  plannedEnd: optionalDate,
  referralId: idSchema.nullish(),
  householdId: idSchema.nullish(),
  /** One entry per person admitted now, each with the place for their first night. */
  members: z.array(admissionMemberSchema).min(1, { error: 'validation.atLeastOnePerson' }).max(20),
});

/** One person of an intake: a registered person (`personId`) or one registered now (`fields`), their
 * relationship to the first person (the head), and their place. */
export const intakePersonSchema = z.strictObject({
  personId: idSchema.optional(),
  fields: personFieldsSchema.optional(),
  /** The possible duplicates found for `fields` were shown, and this is someone else. */
  acknowledgeDuplicates: z.boolean().default(false),
  relationship: z.enum(RELATIONSHIPS, { error: 'validation.required' }),
  placeId: idSchema,
  placementEnd: optionalDate,
}).refine((p) => (p.personId === undefined) !== (p.fields === undefined), { error: 'validation.invalid', path: ['personId'] });

export const intakeSchema = z.strictObject({
  entryDate: isoDate,
  plannedEnd: optionalDate,
  referralId: idSchema.nullish(),
  /** The head first. */
  people: z.array(intakePersonSchema).min(1, { error: 'validation.atLeastOnePerson' }).max(20),
});

export const staysChannels = {
  /** The one intake: registers who is new, builds or completes the household, admits everyone. All or nothing. */
  'intake.admit': channel({
    input: intakeSchema,
    output: z.strictObject({
      stayIds: z.array(idSchema),
      placementIds: z.array(idSchema),
      householdId: idSchema.nullable(),
      persons: z.array(z.strictObject({ id: idSchema, code: z.string() })),
    }),
    access: ALL_ROLES,
  }),
  'stays.admit': channel({ input: admissionSchema, output: stayResult, access: ALL_ROLES }),
  /** Ends the person's current placement on `date` and starts the next one there: not a new entry. */
  'placements.transfer': channel({
    input: z.strictObject({ personId: idSchema, date: isoDate, toPlaceId: idSchema }),
    output: stayResult,
    access: ALL_ROLES,
  }),
  'stays.extend': channel({
    input: z.strictObject({ stayId: idSchema, newPlannedEnd: isoDate, grantedBy: requiredText(120), grantedAt: isoDate }),
    output: stayResult,
    access: ALL_ROLES,
  }),
  /** Closes the stays (a household together, or one person) and their open placements on the exit date. */
  'stays.discharge': channel({
    input: z.strictObject({
      stayIds: z.array(idSchema).min(1).max(20),
      exitDate: isoDate,
      exitReason: z.enum(EXIT_REASONS, { error: 'validation.required' }),
      destination: optionalText(200),
    }),
    output: stayResult,
    access: ALL_ROLES,
  }),
  /** Corrects a wrongly typed date; the audit trail keeps the fact and the reason. */
  'stays.correctDate': channel({
    input: z.strictObject({
      target: z.enum(['entry', 'exit', 'plannedEnd', 'placementStart', 'placementEnd']),
      /** A stay id for entry/exit/plannedEnd, a placement id for placementStart/placementEnd. */
      id: idSchema,
      date: isoDate,
      reason: requiredText(300),
    }),
    output: stayResult,
    access: ALL_ROLES,
  }),
} as const;
