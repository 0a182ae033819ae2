// Channels for housing contributions: assessments, decisions, contracts, instalments, payments, the
// yearly budget, the suggestion rule table and the accountant's ledger. Money is integer cents.
import { z } from 'zod';
import {
  CONTRACT_KINDS, CONTRIBUTION_STATUSES, CONTRIBUTION_TYPES, DECISION_KINDS, EMERGENCY_LEVELS, HOUSING_SITUATIONS, PAYMENT_METHODS,
} from '../contributions';
import { MAX_CENTS } from '../money';
import { ALL_ROLES, MANAGERS, channel, idSchema, isoDate, localeSchema, optionalDate, optionalText, requiredText, text } from '../schema-kit';

/** An amount in cents, as parsed from what was typed (electron/shared/money.ts parseEuro). */
export const centsSchema = z.number({ error: 'validation.amount' }).int({ error: 'validation.amount' })
  .min(0, { error: 'validation.amount' }).max(MAX_CENTS, { error: 'validation.amountTooLarge' });
const positiveCents = centsSchema.min(1, { error: 'validation.amountPositive' });
const yearSchema = z.number().int().min(2000).max(2100);
const contributionType = z.enum(CONTRIBUTION_TYPES, { error: 'validation.required' });

export const assessmentSchema = z.strictObject({
  householdSize: z.number({ error: 'validation.required' }).int({ error: 'validation.integer' }).min(1, { error: 'validation.householdSize' }).max(30, { error: 'validation.householdSize' }),
  monthlyIncomeCents: centsSchema,
  iseeCents: centsSchema.nullable(),
  housingSituation: z.enum(HOUSING_SITUATIONS, { error: 'validation.required' }),
  emergencyLevel: z.enum(EMERGENCY_LEVELS, { error: 'validation.required' }),
  notes: optionalText(2000),
  assessedAt: isoDate,
});
export type AssessmentInput = z.input<typeof assessmentSchema>;

export const suggestionSchema = z.strictObject({
  suggestedCents: z.number().int().nullable(),
  band: z.number().int().nullable(),
  baseCents: z.number().int().nullable(),
  perExtraMemberCents: z.number().int().nullable(),
  extraMembers: z.number().int().nullable(),
  rawCents: z.number().int().nullable(),
  cappedBy: z.enum(['band', 'type']).nullable(),
  capCents: z.number().int().nullable(),
});

export const ruleBandSchema = z.strictObject({
  householdMin: z.number().int().min(1, { error: 'validation.householdSize' }).max(30, { error: 'validation.householdSize' }),
  householdMax: z.number().int().min(1, { error: 'validation.householdSize' }).max(30, { error: 'validation.householdSize' }).nullable(),
  emergencyMin: z.enum(EMERGENCY_LEVELS).nullable(),
  iseeMaxCents: centsSchema.nullable(),
  baseCents: centsSchema,
  perExtraMemberCents: centsSchema,
  capCents: centsSchema.nullable(),
});
export const ruleTableSchema = z.strictObject({
  bands: z.array(ruleBandSchema).max(50),
  capCents: centsSchema.nullable(),
}).superRefine((table, ctx) => {
  table.bands.forEach((band, i) => {
    if (band.householdMax !== null && band.householdMax < band.householdMin)
      ctx.addIssue({ code: 'custom', path: ['bands', i, 'householdMax'], message: 'validation.householdRange' });
  });
});

export const contributionRowSchema = z.strictObject({
  id: idSchema,
  reference: z.string(),
  householdId: idSchema,
  householdCode: z.string(),
  partnerName: z.string().nullable(),
  type: z.enum(CONTRIBUTION_TYPES),
  status: z.enum(CONTRIBUTION_STATUSES),
  year: z.number().int(),
  proposedCents: z.number().int(),
  approvedCents: z.number().int().nullable(),
  paidCents: z.number().int(),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  lastPaymentAt: z.string().nullable(),
});
export type ContributionRow = z.infer<typeof contributionRowSchema>;

export const CONTRIBUTION_SORTS = ['reference', 'householdCode', 'type', 'status', 'year', 'proposedCents', 'approvedCents', 'paidCents', 'proposedAt', 'decidedAt'] as const;

export const contributionSearchSchema = z.strictObject({
  /** Household code or contribution reference, or a part of one. */
  query: text(40).default(''),
  status: z.enum(CONTRIBUTION_STATUSES).optional(),
  type: contributionType.optional(),
  year: yearSchema.optional(),
  partnerId: idSchema.optional(),
  /** Approved and not fully paid. */
  outstanding: z.boolean().optional(),
  sort: z.enum(CONTRIBUTION_SORTS).default('proposedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

const moneyTotals = z.strictObject({ proposedCents: z.number().int(), approvedCents: z.number().int(), paidCents: z.number().int() });

export const decisionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(DECISION_KINDS),
  amountCents: z.number().int().nullable(),
  date: z.string(),
  motivation: z.string().nullable(),
  override: z.boolean(),
  overrideReason: z.string().nullable(),
  remainingCents: z.number().int().nullable(),
  byName: z.string().nullable(),
  byRole: z.string().nullable(),
  at: z.string(),
  /** True for an approval that a later approval revised. */
  superseded: z.boolean(),
});

export const contractFieldsSchema = z.strictObject({
  kind: z.enum(CONTRACT_KINDS, { error: 'validation.required' }),
  landlord: optionalText(200),
  address: optionalText(300),
  startDate: optionalDate,
  monthlyRentCents: centsSchema.nullable(),
  durationMonths: z.number({ error: 'validation.integer' }).int({ error: 'validation.integer' }).min(1, { error: 'validation.duration' }).max(600, { error: 'validation.duration' }).nullable(),
});

export const paymentSchema = z.strictObject({
  id: idSchema,
  date: z.string(),
  amountCents: z.number().int(),
  method: z.enum(PAYMENT_METHODS),
  receiptReference: z.string().nullable(),
  recordedAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Paid so far, this payment included (cancelled payments count nothing). */
  runningPaidCents: z.number().int(),
  /** Approved amount minus what was paid so far. */
  balanceCents: z.number().int(),
});

export const contributionDetailSchema = z.strictObject({
  row: contributionRowSchema,
  partnerId: idSchema.nullable(),
  members: z.array(z.strictObject({ personId: idSchema, code: z.string(), displayName: z.string().nullable(), relationship: z.string() })),
  /** Whether any member has a stay open today. */
  currentStay: z.boolean(),
  assessment: z.strictObject({
    householdSize: z.number().int(),
    monthlyIncomeCents: z.number().int(),
    iseeCents: z.number().int().nullable(),
    housingSituation: z.enum(HOUSING_SITUATIONS),
    emergencyLevel: z.enum(EMERGENCY_LEVELS),
    notes: z.string().nullable(),
    assessedAt: z.string(),
  }),
  suggestion: suggestionSchema,
  paperReferences: z.string().nullable(),
  decisions: z.array(decisionSchema),
  contract: contractFieldsSchema.extend({ address: z.string().nullable(), addressHidden: z.boolean() }).nullable(),
  instalments: z.array(z.strictObject({ id: idSchema, dueDate: z.string(), amountCents: z.number().int() })),
  payments: z.array(paymentSchema),
  /** Remaining budget of the contribution's year and type (and partner share, where split), today. */
  budgetRemainingCents: z.number().int().nullable(),
});
export type ContributionDetail = z.infer<typeof contributionDetailSchema>;

const budgetLine = z.strictObject({
  type: z.enum(CONTRIBUTION_TYPES),
  partnerId: idSchema.nullable(),
  partnerName: z.string().nullable(),
  budgetCents: z.number().int(),
  /** Approved and not yet paid. */
  committedCents: z.number().int(),
  paidCents: z.number().int(),
  /** Budget − approved (committed + paid). Negative after an override. */
  remainingCents: z.number().int(),
  /** Share of the budget approved, in tenths of a percent. */
  usedPermille: z.number().int().nullable(),
  warning: z.boolean(),
});

export const budgetPageSchema = z.strictObject({
  year: z.number().int(),
  lines: z.array(budgetLine),
  totals: z.strictObject({ budgetCents: z.number().int(), committedCents: z.number().int(), paidCents: z.number().int(), remainingCents: z.number().int() }),
  /** Twelve months: approved in the month (new commitments) and paid in the month, and paid by the end of it. */
  months: z.array(z.strictObject({ month: z.number().int(), approvedCents: z.number().int(), paidCents: z.number().int(), cumulativeApprovedCents: z.number().int(), cumulativePaidCents: z.number().int() })),
  overrides: z.array(z.strictObject({
    contributionId: idSchema, reference: z.string(), householdCode: z.string(), type: z.enum(CONTRIBUTION_TYPES),
    date: z.string(), amountCents: z.number().int(), remainingCents: z.number().int().nullable(), reason: z.string().nullable(), byName: z.string().nullable(),
  })),
  history: z.array(z.strictObject({
    type: z.enum(CONTRIBUTION_TYPES), partnerName: z.string().nullable(), amountCents: z.number().int(), note: z.string().nullable(), at: z.string(), byName: z.string().nullable(),
  })),
});
export type BudgetPage = z.infer<typeof budgetPageSchema>;

const ruleTableOut = z.strictObject({
  type: z.enum(CONTRIBUTION_TYPES),
  table: z.strictObject({ bands: z.array(ruleBandSchema), capCents: z.number().int().nullable() }),
  version: z.number().int().nullable(),
  savedAt: z.string().nullable(),
  byName: z.string().nullable(),
});

const owner = z.strictObject({ householdId: idSchema.nullish(), personId: idSchema.nullish() });

export const contributionsChannels = {
  'contributions.list': channel({
    input: contributionSearchSchema,
    output: z.strictObject({ rows: z.array(contributionRowSchema), total: z.number().int(), totals: moneyTotals }),
    access: ALL_ROLES,
  }),
  'contributions.get': channel({ input: z.strictObject({ id: idSchema }), output: contributionDetailSchema, access: ALL_ROLES }),
  /** The contributions of a household, or of the household a person belongs to (household and person pages). */
  'contributions.ofHousehold': channel({ input: owner, output: z.array(contributionRowSchema), access: ALL_ROLES }),
  /** A new contribution with its assessment, proposed at `proposedCents`. For a person without a
   * household, a household of one is created with them as its head. */
  'contributions.create': channel({
    input: owner.extend({
      type: contributionType,
      partnerId: idSchema.nullish(),
      assessment: assessmentSchema,
      proposedCents: centsSchema,
      paperReferences: optionalText(300),
    }),
    output: contributionDetailSchema,
    access: ALL_ROLES,
  }),
  /** A new assessment or proposed amount while the contribution is still proposed. */
  'contributions.reassess': channel({
    input: z.strictObject({ id: idSchema, assessment: assessmentSchema, proposedCents: centsSchema, paperReferences: optionalText(300) }),
    output: contributionDetailSchema,
    access: ALL_ROLES,
  }),
  'contributions.setPaperReferences': channel({
    input: z.strictObject({ id: idSchema, paperReferences: optionalText(300) }),
    output: contributionDetailSchema,
    access: ALL_ROLES,
  }),
  /** Approves, or revises an approval (a new decision; the old one stays). Past the remaining budget only with an override reason. */
  'contributions.approve': channel({
    input: z.strictObject({
      id: idSchema, amountCents: positiveCents, date: isoDate, motivation: requiredText(1000),
      overrideReason: optionalText(1000),
    }),
    output: contributionDetailSchema,
    access: MANAGERS,
  }),
  'contributions.reject': channel({
    input: z.strictObject({ id: idSchema, date: isoDate, motivation: requiredText(1000) }),
    output: contributionDetailSchema,
    access: MANAGERS,
  }),
  /** Operators withdraw a proposal; an approval (nothing paid) only a coordinator or an admin withdraws. */
  'contributions.withdraw': channel({
    input: z.strictObject({ id: idSchema, date: isoDate, motivation: requiredText(1000) }),
    output: contributionDetailSchema,
    access: ALL_ROLES,
  }),
  'contributions.saveContract': channel({
    input: z.strictObject({ id: idSchema, contract: contractFieldsSchema }),
    output: contributionDetailSchema,
    access: ALL_ROLES,
  }),
  'contributions.addInstalment': channel({
    input: z.strictObject({ id: idSchema, dueDate: isoDate, amountCents: positiveCents }),
    output: contributionDetailSchema,
    access: MANAGERS,
  }),
  'contributions.removeInstalment': channel({
    input: z.strictObject({ instalmentId: idSchema }),
    output: contributionDetailSchema,
    access: MANAGERS,
  }),
  'payments.record': channel({
    input: z.strictObject({
      contributionId: idSchema, date: isoDate, amountCents: positiveCents,
      method: z.enum(PAYMENT_METHODS, { error: 'validation.required' }), receiptReference: optionalText(120),
    }),
    output: contributionDetailSchema,
    access: MANAGERS,
  }),
  'payments.cancel': channel({
    input: z.strictObject({ paymentId: idSchema, reason: requiredText(500) }),
    output: contributionDetailSchema,
    access: MANAGERS,
  }),
  /** The suggestion the current rule table gives for an assessment (the form shows it as it is typed). */
  'contributions.suggest': channel({
    input: z.strictObject({ type: contributionType, householdSize: assessmentSchema.shape.householdSize, emergencyLevel: z.enum(EMERGENCY_LEVELS), iseeCents: centsSchema.nullable() }),
    output: suggestionSchema,
    access: ALL_ROLES,
  }),
  'budgets.get': channel({ input: z.strictObject({ year: yearSchema }), output: budgetPageSchema, access: ALL_ROLES }),
  'budgets.set': channel({
    input: z.strictObject({ year: yearSchema, type: contributionType, partnerId: idSchema.nullish(), amountCents: centsSchema, note: optionalText(500) }),
    output: budgetPageSchema,
    access: MANAGERS,
  }),
  'contributionRules.get': channel({ input: z.strictObject({}), output: z.array(ruleTableOut), access: ALL_ROLES }),
  'contributionRules.save': channel({
    input: z.strictObject({ type: contributionType, table: ruleTableSchema }),
    output: z.array(ruleTableOut),
    access: MANAGERS,
  }),
  /**
   * The accountant's ledger of a budget year (XLSX). With a native save dialog (Electron) the main process
   * writes the file where the user chose (`saved`: false when cancelled) and sends no bytes; otherwise
   * (browser host) `base64` carries the file for the renderer to download.
   */
  'ledger.export': channel({
    input: z.strictObject({ year: yearSchema, locale: localeSchema.optional() }),
    output: z.strictObject({
      fileName: z.string(),
      saved: z.boolean().nullable(),
      base64: z.string().nullable(),
      rows: z.number().int(),
      totals: z.array(z.strictObject({ type: z.enum(CONTRIBUTION_TYPES), paidCents: z.number().int(), payments: z.number().int(), cancelledPayments: z.number().int() })),
    }),
    access: MANAGERS,
  }),
} as const;
