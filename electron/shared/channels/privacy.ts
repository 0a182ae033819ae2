// Channels for the privacy duties (GDPR): the retention setting and review, anonymisation, erasure on
// request and the subject-access export of one person's data.
import { z } from 'zod';
import { channel, empty, idSchema, localeSchema, requiredText } from '../schema-kit';

export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 30;
export const DEFAULT_RETENTION_YEARS = 5;
/** The review shows the persons with the oldest last activity first, this many at most (the total comes apart). */
export const MAX_REVIEW_ROWS = 500;
/** Persons per anonymisation request, all in one transaction. */
export const MAX_ANONYMISE_BATCH = 1000;

export const retentionYearsSchema = z
  .number({ error: 'validation.number' })
  .int({ error: 'validation.integer' })
  .min(RETENTION_YEARS_MIN, { error: 'validation.retentionYearsRange' })
  .max(RETENTION_YEARS_MAX, { error: 'validation.retentionYearsRange' });

export const retentionSettingsSchema = z.strictObject({ retentionYears: z.number().int() });

export const retentionDueSchema = z.strictObject({
  personId: idSchema,
  code: z.string(),
  /** Null for a restricted person: lists show the code only. */
  displayName: z.string().nullable(),
  stays: z.number().int(),
  /** The last exit, or for a person never admitted the day of the last contact (record or referral). */
  lastActivity: z.string(),
  /** A person anonymised before who came back and is due again. */
  anonymisedBefore: z.boolean(),
});
export type RetentionDue = z.infer<typeof retentionDueSchema>;

/** The reason of an erasure is kept in the register: the form says not to repeat the erased content in it. */
export const erasureReasonSchema = requiredText(300);

export const privacyChannels = {
  'privacy.getSettings': channel({ input: empty, output: retentionSettingsSchema, access: ['admin', 'coordinator'] }),
  'privacy.setRetentionYears': channel({
    input: z.strictObject({ years: retentionYearsSchema }),
    output: retentionSettingsSchema,
    access: ['admin'],
  }),
  /** Persons due for anonymisation: every stay closed and the last exit older than the retention years. */
  'privacy.retentionReview': channel({
    input: empty,
    output: z.strictObject({
      retentionYears: z.number().int(),
      /** Persons whose last activity is before this date are due. */
      cutoff: z.string(),
      /** At most MAX_REVIEW_ROWS, oldest last activity first. */
      rows: z.array(retentionDueSchema),
      total: z.number().int(),
    }),
    access: ['admin', 'coordinator'],
  }),
  /** Anonymises persons due (RETENTION_NOT_DUE otherwise; PERSON_STAY_OPEN for an open stay), in one transaction. */
  'privacy.anonymise': channel({
    input: z.strictObject({ personIds: z.array(idSchema).min(1, { error: 'validation.required' }).max(MAX_ANONYMISE_BATCH) }),
    output: z.strictObject({ anonymised: z.number().int() }),
    access: ['admin', 'coordinator'],
  }),
  /** Erasure on request: the same anonymisation at once for one person without an open stay, with a reason. */
  'privacy.erase': channel({
    input: z.strictObject({ personId: idSchema, reason: erasureReasonSchema }),
    output: z.strictObject({ code: z.string() }),
    access: ['admin', 'coordinator'],
  }),
  /**
   * One person's data for the person: a PDF (base64) and a JSON document. `fileName` has no extension
   * (the renderer adds .pdf and .json). The app writes no file: the user saves the downloads.
   */
  'privacy.subjectAccess': channel({
    input: z.strictObject({ personId: idSchema, locale: localeSchema.optional() }),
    output: z.strictObject({ pdfBase64: z.string(), json: z.string(), fileName: z.string() }),
    access: ['admin', 'coordinator'],
  }),
} as const;
