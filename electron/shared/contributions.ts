// Housing contributions: the vocabularies and the suggestion rule. The rule lives here, once: the service
// stores the suggestion it computes at each assessment, and the rule-table editor previews it.
// No Electron or Node imports: bundled into the renderer.

export const CONTRIBUTION_TYPES = ['rental_start', 'sublet_start', 'social_housing', 'host_family_reimbursement'] as const;
export const CONTRIBUTION_STATUSES = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
/** Ordered: a band that asks for "at least high" matches high and critical. */
export const EMERGENCY_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const HOUSING_SITUATIONS = ['programme_shelter', 'host_family', 'private_rental', 'guest_of_others', 'homeless', 'other'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'prepaid_card', 'direct_to_landlord'] as const;
export const DECISION_KINDS = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export const CONTRACT_KINDS = ['rental', 'sublet', 'social_housing', 'host_family'] as const;

export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export type EmergencyLevel = (typeof EMERGENCY_LEVELS)[number];

/** One band of a type's rule table. The first band (in the table's order) that matches applies. */
export interface RuleBand {
  /** Household size from…to, both included; null `householdMax`: and larger. */
  householdMin: number;
  householdMax: number | null;
  /** Matches this emergency level and the ones above it; null: any level. */
  emergencyMin: EmergencyLevel | null;
  /** Matches an ISEE up to this amount (cents, included); null: any ISEE, and also an ISEE not given. */
  iseeMaxCents: number | null;
  /** Amount for a household of one, plus `perExtraMemberCents` for each further member. */
  baseCents: number;
  perExtraMemberCents: number;
  /** The band's own ceiling, or null. */
  capCents: number | null;
}

export interface RuleTable {
  bands: RuleBand[];
  /** Ceiling of any suggestion of this type, or null. */
  capCents: number | null;
}

export interface SuggestionInput {
  householdSize: number;
  emergencyLevel: EmergencyLevel;
  iseeCents: number | null;
}

/** How a suggestion was reached: shown on the contribution page as it was at the assessment. */
export interface Suggestion {
  /** Null when no band matches: the person deciding sets the amount. */
  suggestedCents: number | null;
  /** 1-based position of the band that applied. */
  band: number | null;
  baseCents: number | null;
  perExtraMemberCents: number | null;
  extraMembers: number | null;
  /** base + extra members × per member, before any cap. */
  rawCents: number | null;
  /** Which ceiling lowered the amount, if any, and its value. */
  cappedBy: 'band' | 'type' | null;
  capCents: number | null;
}

const levelRank = (level: EmergencyLevel) => EMERGENCY_LEVELS.indexOf(level);

export function bandMatches(band: RuleBand, input: SuggestionInput): boolean {
  if (input.householdSize < band.householdMin) return false;
  if (band.householdMax !== null && input.householdSize > band.householdMax) return false;
  if (band.emergencyMin !== null && levelRank(input.emergencyLevel) < levelRank(band.emergencyMin)) return false;
  if (band.iseeMaxCents !== null && (input.iseeCents === null || input.iseeCents > band.iseeMaxCents)) return false;
  return true;
}

/** The rule suggests; the person deciding decides. Integer cents throughout. */
export function suggestAmount(table: RuleTable, input: SuggestionInput): Suggestion {
  const index = table.bands.findIndex((band) => bandMatches(band, input));
  if (index < 0)
    return { suggestedCents: null, band: null, baseCents: null, perExtraMemberCents: null, extraMembers: null, rawCents: null, cappedBy: null, capCents: null };
  const band = table.bands[index]!;
  const extraMembers = Math.max(0, input.householdSize - 1);
  const rawCents = band.baseCents + extraMembers * band.perExtraMemberCents;
  let suggestedCents = rawCents;
  let cappedBy: Suggestion['cappedBy'] = null;
  let capCents: number | null = null;
  if (band.capCents !== null && suggestedCents > band.capCents) {
    suggestedCents = band.capCents;
    cappedBy = 'band';
    capCents = band.capCents;
  }
  if (table.capCents !== null && suggestedCents > table.capCents) {
    suggestedCents = table.capCents;
    cappedBy = 'type';
    capCents = table.capCents;
  }
  return { suggestedCents, band: index + 1, baseCents: band.baseCents, perExtraMemberCents: band.perExtraMemberCents, extraMembers, rawCents, cappedBy, capCents };
}

/** The share of a budget used (approved), in tenths of a percent, and whether it passed the warning line of 90 %. */
export function budgetUse(budgetCents: number, approvedCents: number): { permille: number | null; warning: boolean } {
  if (budgetCents <= 0) return { permille: null, warning: approvedCents > 0 };
  const permille = Math.floor((approvedCents * 1000) / budgetCents);
  return { permille, warning: approvedCents * 10 >= budgetCents * 9 };
}

/** A new register's starting rule table: a reasonable example coordinators are expected to adapt. */
export const DEFAULT_RULE_TABLES: Record<ContributionType, RuleTable> = {
  rental_start: {
    capCents: 300_000,
    bands: [
      { householdMin: 1, householdMax: null, emergencyMin: 'high', iseeMaxCents: 600_000, baseCents: 150_000, perExtraMemberCents: 40_000, capCents: null },
      { householdMin: 1, householdMax: null, emergencyMin: null, iseeMaxCents: 600_000, baseCents: 120_000, perExtraMemberCents: 30_000, capCents: null },
      { householdMin: 1, householdMax: null, emergencyMin: null, iseeMaxCents: 1_200_000, baseCents: 80_000, perExtraMemberCents: 20_000, capCents: 200_000 },
      { householdMin: 1, householdMax: null, emergencyMin: null, iseeMaxCents: null, baseCents: 50_000, perExtraMemberCents: 10_000, capCents: 100_000 },
    ],
  },
  sublet_start: {
    capCents: 150_000,
    bands: [
      { householdMin: 1, householdMax: 2, emergencyMin: null, iseeMaxCents: 600_000, baseCents: 70_000, perExtraMemberCents: 20_000, capCents: null },
      { householdMin: 3, householdMax: null, emergencyMin: null, iseeMaxCents: 600_000, baseCents: 90_000, perExtraMemberCents: 15_000, capCents: null },
      { householdMin: 1, householdMax: null, emergencyMin: null, iseeMaxCents: null, baseCents: 40_000, perExtraMemberCents: 10_000, capCents: null },
    ],
  },
  social_housing: {
    capCents: 200_000,
    bands: [
      { householdMin: 1, householdMax: null, emergencyMin: 'high', iseeMaxCents: null, baseCents: 100_000, perExtraMemberCents: 25_000, capCents: null },
      { householdMin: 1, householdMax: null, emergencyMin: null, iseeMaxCents: null, baseCents: 60_000, perExtraMemberCents: 15_000, capCents: null },
    ],
  },
  host_family_reimbursement: {
    capCents: 360_000,
    bands: [
      { householdMin: 1, householdMax: 1, emergencyMin: null, iseeMaxCents: null, baseCents: 180_000, perExtraMemberCents: 0, capCents: null },
      { householdMin: 2, householdMax: null, emergencyMin: null, iseeMaxCents: null, baseCents: 180_000, perExtraMemberCents: 90_000, capCents: null },
    ],
  },
};
