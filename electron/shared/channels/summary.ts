// The monthly placement summary (docs/summary.md): every figure of a month in total, per structure, per
// structure type and per partner, the warnings behind them, the 12-month series for the charts, and the
// month close with its versions and amendments.
// The shape is the snapshot stored when a month is closed: keep it a plain JSON tree whose leaves are
// numbers (or null where a figure does not exist: a mean of no exits, a percentage of nothing) so that
// two snapshots compare figure by figure and exports flatten it without knowing every field.
import { z } from 'zod';
import { CONTRIBUTION_TYPES } from '../contributions';
import { DECLINE_REASONS, EXIT_REASONS, GENDERS, STRUCTURE_TYPES, VULNERABILITIES } from '../domain';
import { ALL_ROLES, MANAGERS, channel, idSchema } from '../schema-kit';

/** A calendar month 'YYYY-MM'. */
export const monthSchema = z
  .string({ error: 'validation.required' })
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { error: 'validation.month' });

/** Length-of-stay bands of the exits of the month, in days (exit − entry). */
export const STAY_BANDS = ['0_30', '31_60', '61_90', '91_180', '181_365', '366_plus'] as const;
/** Age bands at the last day of the month; `unknown` when neither birth date nor estimated year is known. */
export const AGE_BANDS = ['0_5', '6_17', '18_25', '26_40', '41_60', '61_plus', 'unknown'] as const;
/** Household types of the persons served (docs/summary.md says how each is decided). */
export const HOUSEHOLD_TYPES = ['single_adult', 'single_parent', 'couple', 'couple_with_children', 'adults_with_children', 'other'] as const;
/** Exit reasons of the summary: the SAI list, and `transfer` for leaving one structure for another
 * inside the programme (counted only per structure, type and partner; never in the totals). */
export const SUMMARY_EXIT_REASONS = [...EXIT_REASONS, 'transfer'] as const;

const count = z.number().int().nonnegative();
const cents = z.number().int();
/** A percentage with one decimal; null when its denominator is zero. */
const pct = z.number().nullable();
const counts = <K extends string>(keys: readonly [K, ...K[]]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);
const countAndCents = z.strictObject({ count, cents });

export const figureBlockSchema = z.strictObject({
  /** Places active on at least one day of the month. */
  places: count,
  /** Places active on the month's last day. */
  placesAtEnd: count,
  availableNights: count,
  occupiedNights: count,
  occupancyPct: pct,
  openAtStart: count,
  entries: count,
  exits: count,
  exitsByReason: counts(SUMMARY_EXIT_REASONS),
  openAtEnd: count,
  /** openAtStart + entries − exits; `balanced` says whether it equals openAtEnd. */
  expectedOpenAtEnd: z.number().int(),
  personsServed: count,
  householdsServed: count,
  lengthOfStay: z.strictObject({
    exits: count,
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    bands: counts(STAY_BANDS),
  }),
  byGender: counts(GENDERS),
  byAgeBand: counts(AGE_BANDS),
  /** The ten most frequent nationalities of the persons served (ISO 3166 alpha-2), then `other` and `unknown`. */
  byNationality: z.array(z.strictObject({ code: z.string(), count })),
  byStructureType: counts(STRUCTURE_TYPES),
  byPartner: z.array(z.strictObject({ partnerId: idSchema, count })),
  byVulnerability: counts(VULNERABILITIES),
  byHouseholdType: counts(HOUSEHOLD_TYPES),
  /** Per structure, type and partner only `placed` and `medianHoursToAdmission` exist (a referral names
   * no structure until it is placed); the others are null there. */
  referrals: z.strictObject({
    received: count.nullable(),
    placed: count,
    declined: count.nullable(),
    declinedByReason: counts(DECLINE_REASONS).nullable(),
    withdrawn: count.nullable(),
    pendingAtEnd: count.nullable(),
    medianHoursToAdmission: z.number().nullable(),
  }),
  extensions: z.strictObject({ pastPlannedEndAtEnd: count, granted: count }),
  /** Null at the levels a contribution cannot be given to (docs/summary.md says which). */
  contributions: z.strictObject({
    decided: z.strictObject(Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, countAndCents])) as Record<(typeof CONTRIBUTION_TYPES)[number], typeof countAndCents>),
    disbursed: z.strictObject(Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, countAndCents])) as Record<(typeof CONTRIBUTION_TYPES)[number], typeof countAndCents>),
    householdsSupported: count,
    /** Year to date (1 January to the month's last day) against the year's budget, per type. */
    yearToDate: z.strictObject(Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, z.strictObject({ approvedCents: cents, paidCents: cents, budgetCents: cents.nullable() })])) as Record<(typeof CONTRIBUTION_TYPES)[number], z.ZodObject<{ approvedCents: typeof cents; paidCents: typeof cents; budgetCents: z.ZodNullable<typeof cents> }>>),
  }).nullable(),
  timeliness: z.strictObject({
    entries: count,
    entriesOnTime: count,
    exits: count,
    exitsOnTime: count,
    pct,
  }),
});
export type FigureBlock = z.infer<typeof figureBlockSchema>;

export const WARNING_KINDS = ['balance', 'occupancyOver', 'occupancyLow'] as const;
export const summaryWarningSchema = z.strictObject({
  kind: z.enum(WARNING_KINDS),
  level: z.enum(['total', 'structure', 'type', 'partner']),
  /** The structure or partner id, or the structure type; null for the total. */
  key: z.union([idSchema, z.enum(STRUCTURE_TYPES)]).nullable(),
  /** The figure behind the warning: the occupancy %, or openAtEnd − expectedOpenAtEnd. */
  value: z.number(),
  /** The stays (balance) or places (occupancy) that cause it, for the page to link to. */
  stayIds: z.array(idSchema),
  placeIds: z.array(idSchema),
});
export type SummaryWarning = z.infer<typeof summaryWarningSchema>;

export const monthSummarySchema = z.strictObject({
  month: monthSchema,
  from: z.string(),
  to: z.string(),
  days: count,
  total: figureBlockSchema,
  structures: z.array(z.strictObject({ id: idSchema, name: z.string(), type: z.enum(STRUCTURE_TYPES), partnerId: idSchema, figures: figureBlockSchema })),
  types: z.array(z.strictObject({ type: z.enum(STRUCTURE_TYPES), figures: figureBlockSchema })),
  partners: z.array(z.strictObject({ id: idSchema, name: z.string(), figures: figureBlockSchema })),
  warnings: z.array(summaryWarningSchema),
});
export type MonthSummary = z.infer<typeof monthSummarySchema>;

/** One month of the charts' series (the last 12 months up to the one asked). */
export const seriesPointSchema = z.strictObject({
  month: monthSchema,
  availableNights: count,
  occupiedNights: count,
  occupancyPct: pct,
  entries: count,
  exits: count,
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const MONTH_STATUSES = ['open', 'closed', 'amended'] as const;
export type MonthStatus = (typeof MONTH_STATUSES)[number];

export const closureSchema = z.strictObject({
  month: monthSchema,
  version: z.number().int().positive(),
  sha256: z.string(),
  closedAt: z.string(),
  closedByName: z.string().nullable(),
});
export type Closure = z.infer<typeof closureSchema>;

/** One figure that differs between the last closed version and the register today. */
export const amendmentSchema = z.strictObject({
  /** The figure's path in the summary, e.g. `total.entries` or `structures[id=4].exitsByReason.other`. */
  path: z.string(),
  closed: z.number().nullable(),
  current: z.number().nullable(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const monthStateSchema = z.strictObject({
  month: monthSchema,
  status: z.enum(MONTH_STATUSES),
  /** Every version closed so far, oldest first. */
  versions: z.array(closureSchema),
  /** Empty unless amended. */
  amendments: z.array(amendmentSchema),
});
export type MonthState = z.infer<typeof monthStateSchema>;

/** The figures (electron/core/services/summary.ts). */
export const summaryChannels = {
  'summary.month': channel({ input: z.strictObject({ month: monthSchema }), output: monthSummarySchema, access: MANAGERS }),
  'summary.series': channel({ input: z.strictObject({ to: monthSchema, months: z.number().int().min(1).max(24) }), output: z.array(seriesPointSchema), access: MANAGERS }),
};

/** The month close (electron/core/services/month-close.ts). */
export const monthCloseChannels = {
  /** A month's status, its versions and, when amended, the figures that changed since the last version. */
  'summary.state': channel({ input: z.strictObject({ month: monthSchema }), output: monthStateSchema, access: MANAGERS }),
  /** The status of every month of a year (closed, amended or open), for the month picker. */
  'summary.months': channel({
    input: z.strictObject({ year: z.number().int().min(1900).max(2100) }),
    output: z.array(z.strictObject({ month: monthSchema, status: z.enum(MONTH_STATUSES), version: z.number().int().nullable() })),
    access: MANAGERS,
  }),
  /** Close a month (version 1) or close it again (the next version); `expectedVersion` is the last version
   * the coordinator saw (0: none), so two coordinators closing at once do not both win. */
  'summary.close': channel({
    input: z.strictObject({ month: monthSchema, expectedVersion: z.number().int().nonnegative() }),
    output: monthStateSchema,
    access: MANAGERS,
  }),
  /** The closed months, for every form that enters or corrects a date to say so before saving. */
  'summary.closedMonths': channel({ input: z.strictObject({}), output: z.array(monthSchema), access: ALL_ROLES }),
};
