// The monthly placement summary (docs/summary.md): every figure of a month in total, per structure, per
// structure type and per partner, with the warnings behind them, and the short series the charts need.
// A pure read, in SQL over the register: a handful of statements, each one pass that groups in SQLite, run
// in one read transaction so the figures agree with each other. Only aggregates (one row per place, per
// level and value, per length of stay) come back to JavaScript, never the register's rows.
// Deterministic: the same register gives the same object, key for key and in the same order, because a
// closed month stores it as canonical JSON with its SHA-256 (electron/core/services/month-close.ts).
import type Database from 'better-sqlite3';
import {
  AGE_BANDS, HOUSEHOLD_TYPES, STAY_BANDS, SUMMARY_EXIT_REASONS, WARNING_KINDS,
  type FigureBlock, type MonthSummary, type SeriesPoint, type SummaryWarning,
} from '../../shared/channels/summary';
import { CONTRIBUTION_TYPES, type ContributionType } from '../../shared/contributions';
import { addDays, monthRange, nextMonth, romeInstant } from '../../shared/dates';
import { DECLINE_REASONS, GENDERS, STRUCTURE_TYPES, VULNERABILITIES, type StructureType } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { addWorkingDays, TIMELY_WORKING_DAYS, type WorkingDayOptions } from '../../shared/working-days';
import type { Db } from '../db/connection';
import { workingDayOptions } from '../settings';
import { budgetsInForce } from './budgets';

type Level = 'total' | 'structure' | 'type' | 'partner';
const LEVELS: readonly Level[] = ['total', 'structure', 'type', 'partner'];

/** Below this occupancy % a level is flagged as little used (docs/summary.md › Warnings). */
export const LOW_OCCUPANCY_PCT = 65;
/** How many of a little-used level's places the warning names: the least used first. */
const LEAST_USED_PLACES = 10;

// ——— Statements, prepared once per connection (a lock closes it and drops them).

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(sqlite: Database.Database, text: string): Database.Statement {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map()));
  let prepared = statements.get(text);
  if (!prepared) statements.set(text, (prepared = sqlite.prepare(text)));
  return prepared;
}

/** The month's bounds: its first and last day, the day after, and the instants of Rome's midnights that
 * open and close it (referrals are stamped with instants, in UTC). */
interface Bounds {
  s: string;
  e: string;
  n: string;
  sI: string;
  nI: string;
  days: number;
}

function boundsOf(month: string): Bounds {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('INVALID_INPUT', { month: ['validation.month'] });
  const { from: s, to: e, days } = monthRange(month);
  const n = `${nextMonth(month)}-01`;
  return { s, e, n, sI: romeInstant(s)!.toISOString(), nI: romeInstant(n)!.toISOString(), days };
}

// ——— Places: one row per place that was active in the month or held someone in it.

/** Per place: active on some day of the month, active on its last day, the nights it was active and in
 * service, and the nights its placements cover (a sum over placements: a place held twice on a night counts
 * twice). Three passes, none per night or per place: the placements that meet the month (the start/end
 * index, rows read only for those; grouped after, since grouping first would walk every placement by place), the out-of-service periods that meet it (each of their nights within
 * the place's active period counted once, so overlapping periods count once), and the places. */
const PLACES = `
WITH RECURSIVE days(d) AS (SELECT @s UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < @e),
meeting AS MATERIALIZED (
  SELECT x.place_id, x.start_date, x.end_date FROM placements x WHERE x.start_date < @n AND (x.end_date IS NULL OR x.end_date > @s)
),
occupied AS MATERIALIZED (
  SELECT place_id, sum(max(0, CAST(julianday(min(coalesce(end_date, @n), @n)) - julianday(max(start_date, @s)) AS INTEGER))) AS nights
  FROM meeting GROUP BY place_id
),
out_of_service AS MATERIALIZED (
  SELECT o.place_id, count(DISTINCT days.d) AS nights
  FROM place_out_of_service o JOIN places p ON p.id = o.place_id
  JOIN days ON days.d >= o.from_date AND (o.to_date IS NULL OR days.d < o.to_date) AND days.d >= p.active_from AND (p.active_to IS NULL OR days.d < p.active_to)
  WHERE o.from_date <= @e AND (o.to_date IS NULL OR o.to_date > @s) GROUP BY o.place_id
),
per_place AS (
  SELECT p.id AS placeId, r.structure_id AS structureId,
    (p.active_from <= @e AND (p.active_to IS NULL OR p.active_to > @s) AND (p.active_to IS NULL OR p.active_to > p.active_from)) AS active,
    (p.active_from <= @e AND (p.active_to IS NULL OR p.active_to > @e)) AS atEnd,
    max(0, CAST(julianday(min(coalesce(p.active_to, @n), @n)) - julianday(max(p.active_from, @s)) AS INTEGER)) - coalesce(o.nights, 0) AS available,
    coalesce(x.nights, 0) AS occupied
  FROM places p JOIN rooms r ON r.id = p.room_id
  LEFT JOIN occupied x ON x.place_id = p.id LEFT JOIN out_of_service o ON o.place_id = p.id
)
SELECT placeId, structureId, active, atEnd, available, occupied FROM per_place WHERE active OR occupied > 0 ORDER BY placeId`;

interface PlaceRow {
  placeId: number;
  structureId: number;
  active: number;
  atEnd: number;
  available: number;
  occupied: number;
}

// ——— Stays and segments: the units each level counts.

/** Age in whole years on the month's last day, from the birth date or, failing that, the estimated year
 * (as if born on 1 July); null when neither is known. */
const ageAtEnd = (p: string) => `(CASE
  WHEN ${p}.birth_date IS NOT NULL THEN CAST(substr(@e, 1, 4) AS INTEGER) - CAST(substr(${p}.birth_date, 1, 4) AS INTEGER) - (substr(@e, 6, 5) < substr(${p}.birth_date, 6, 5))
  WHEN ${p}.birth_year IS NOT NULL THEN CAST(substr(@e, 1, 4) AS INTEGER) - ${p}.birth_year - (substr(@e, 6, 5) < '07-01')
END)`;

/**
 * The units of every level, one statement's common tables:
 * - `st`: the stays that touch the month in any figure (open at its start or end, entered, left or served
 *   in it), read once;
 * - `seg`: their segments — consecutive placements of a stay in one structure (window functions over the
 *   stay's placements in start order), from the first placement's start to the last one's end, leaving
 *   with reason `transfer` when another structure follows;
 * - `units`: the stays as the total's units, and the segments as their structures' (types and partners add
 *   up their structures' counts, in JavaScript);
 * - `placed_in`: who was served in which structure; `served`: the distinct persons of each level (total,
 *   structure, type, partner) whose unit meets the month, with `pattr` their attributes (age band at the
 *   last day, household and household type).
 */
const UNITS = `
st AS MATERIALIZED (
  SELECT id, person_id, entry_date, exit_date, exit_reason, planned_end, created_at, exit_recorded_at FROM stays
  WHERE (entry_date <= @e AND (exit_date IS NULL OR exit_date >= @s)) OR entry_date BETWEEN @s AND @e OR exit_date BETWEEN @s AND @e
),
pl AS MATERIALIZED (
  SELECT x.id, x.stay_id, x.start_date, x.end_date, x.recorded_at, x.end_recorded_at, r.structure_id,
    lag(r.structure_id) OVER w AS prev_structure, lead(r.structure_id) OVER w AS next_structure
  FROM st CROSS JOIN placements x ON x.stay_id = st.id CROSS JOIN places p ON p.id = x.place_id CROSS JOIN rooms r ON r.id = p.room_id
  WINDOW w AS (PARTITION BY x.stay_id ORDER BY x.start_date, x.id)
),
numbered AS (
  SELECT *, sum(prev_structure IS NOT structure_id) OVER (PARTITION BY stay_id ORDER BY start_date, id ROWS UNBOUNDED PRECEDING) AS seg FROM pl
),
seg AS MATERIALIZED (
  SELECT stay_id, seg, structure_id, min(start_date) AS start_date,
    max(CASE WHEN next_structure IS NOT structure_id THEN coalesce(end_date, '9999-12-31') END) AS end_key,
    max(next_structure IS NOT NULL AND next_structure IS NOT structure_id) AS transfer_out,
    max(CASE WHEN prev_structure IS NOT structure_id THEN recorded_at END) AS entry_recorded,
    max(CASE WHEN next_structure IS NOT structure_id THEN end_recorded_at END) AS exit_recorded
  FROM numbered GROUP BY stay_id, seg, structure_id
),
units AS MATERIALIZED (
  SELECT 'total' AS level, '' AS key, st.id AS stay_id, st.person_id, st.entry_date AS start_date, st.exit_date AS end_date,
    coalesce(st.exit_reason, 'other') AS reason, st.planned_end, NULL AS structure_id, st.created_at AS entry_recorded, st.exit_recorded_at AS exit_recorded
  FROM st
  UNION ALL
  SELECT 'structure', CAST(seg.structure_id AS TEXT), seg.stay_id, st.person_id, seg.start_date, nullif(seg.end_key, '9999-12-31'),
    CASE WHEN seg.transfer_out THEN 'transfer' WHEN st.exit_date IS NULL THEN 'other' ELSE coalesce(st.exit_reason, 'other') END,
    st.planned_end, seg.structure_id, seg.entry_recorded, seg.exit_recorded
  FROM seg CROSS JOIN st ON st.id = seg.stay_id
),
placed_in AS MATERIALIZED (
  SELECT DISTINCT u.person_id, s.id AS structure_id, s.type, s.partner_id FROM units u CROSS JOIN structures s ON s.id = u.structure_id
  WHERE u.start_date <= @e AND (u.end_date IS NULL OR u.end_date >= @s)
),
served AS MATERIALIZED (
  SELECT DISTINCT person_id, 'total' AS level, '' AS key FROM units WHERE level = 'total' AND start_date <= @e AND (end_date IS NULL OR end_date >= @s)
  UNION ALL SELECT person_id, 'structure', CAST(structure_id AS TEXT) FROM placed_in
  UNION ALL SELECT DISTINCT person_id, 'type', type FROM placed_in
  UNION ALL SELECT DISTINCT person_id, 'partner', CAST(partner_id AS TEXT) FROM placed_in
),
people AS MATERIALIZED (
  SELECT p.id, p.gender, p.nationality, p.vulnerabilities, hm.household_id, ${ageAtEnd('p')} AS age
  FROM (SELECT DISTINCT person_id FROM served) sp JOIN persons p ON p.id = sp.person_id
  LEFT JOIN household_members hm ON hm.person_id = p.id
),
hh AS MATERIALIZED (
  SELECT m.household_id, count(*) AS members,
    sum(${ageAtEnd('mp')} IS NULL OR ${ageAtEnd('mp')} >= 18) AS adults, sum(${ageAtEnd('mp')} < 18) AS minors,
    max(m.relationship = 'partner') AS partner
  FROM household_members m JOIN persons mp ON mp.id = m.person_id
  WHERE m.household_id IN (SELECT household_id FROM people WHERE household_id IS NOT NULL)
  GROUP BY m.household_id
),
pattr AS MATERIALIZED (
  SELECT people.id, people.gender, coalesce(people.nationality, '') AS nationality, people.vulnerabilities,
    coalesce(people.household_id, -people.id) AS household,
    CASE WHEN people.age IS NULL THEN 'unknown' WHEN people.age <= 5 THEN '0_5' WHEN people.age <= 17 THEN '6_17' WHEN people.age <= 25 THEN '18_25'
      WHEN people.age <= 40 THEN '26_40' WHEN people.age <= 60 THEN '41_60' ELSE '61_plus' END AS age_band,
    CASE
      WHEN hh.household_id IS NULL OR hh.members = 1 THEN CASE WHEN people.age < 18 THEN 'other' ELSE 'single_adult' END
      WHEN hh.adults = 1 AND hh.minors >= 1 THEN 'single_parent'
      WHEN hh.adults = 2 AND hh.partner AND hh.minors = 0 THEN 'couple'
      WHEN hh.adults = 2 AND hh.partner AND hh.minors >= 1 THEN 'couple_with_children'
      WHEN hh.adults >= 2 AND hh.minors >= 1 THEN 'adults_with_children'
      ELSE 'other'
    END AS household_type
  FROM people LEFT JOIN hh ON hh.household_id = people.household_id
)`;

/** Every count of the stays and segments, as rows (figure, level, key, value, n; the flows in a, b, c, d). The
 * persons served are joined to their attributes once (`sa`), then each breakdown is one GROUP BY over it. */
const FIGURES_SQL = `
WITH ${UNITS},
cutoff AS MATERIALIZED (SELECT json_extract(value, '$[0]') AS d, json_extract(value, '$[1]') AS until FROM json_each(@cutoffs)),
sa AS MATERIALIZED (
  SELECT s.level, s.key, s.person_id, a.gender, a.age_band, a.nationality, a.household, a.household_type, a.vulnerabilities
  FROM served s JOIN pattr a ON a.id = s.person_id
)
SELECT 'flows' AS figure, level, key, '' AS value,
  sum(start_date < @s AND (end_date IS NULL OR end_date >= @s)) AS n,
  sum(start_date BETWEEN @s AND @e) AS a,
  coalesce(sum(end_date BETWEEN @s AND @e), 0) AS b,
  sum(start_date <= @e AND (end_date IS NULL OR end_date > @e)) AS c,
  sum(start_date <= @e AND (end_date IS NULL OR end_date > @e) AND planned_end <= @e) AS d
  FROM units GROUP BY level, key
UNION ALL SELECT 'timely', level, key, '', coalesce(sum(entry_recorded < ce.until), 0), coalesce(sum(exit_recorded < cx.until), 0), NULL, NULL, NULL
  FROM units LEFT JOIN cutoff ce ON ce.d = start_date LEFT JOIN cutoff cx ON cx.d = end_date GROUP BY level, key
UNION ALL SELECT 'exitReason', level, key, reason, count(*), NULL, NULL, NULL, NULL FROM units WHERE end_date BETWEEN @s AND @e GROUP BY level, key, reason
UNION ALL SELECT 'lengthOfStay', level, key, CAST(CAST(julianday(end_date) - julianday(start_date) AS INTEGER) AS TEXT), count(*), NULL, NULL, NULL, NULL
  FROM units WHERE end_date BETWEEN @s AND @e GROUP BY level, key, 4
UNION ALL SELECT 'imbalance', level, key, CAST(stay_id AS TEXT), 1, NULL, NULL, NULL, NULL FROM units
  WHERE (start_date <= @e AND (end_date IS NULL OR end_date > @e)) - (start_date < @s AND (end_date IS NULL OR end_date >= @s))
    - (start_date BETWEEN @s AND @e) + coalesce(end_date BETWEEN @s AND @e, 0) <> 0
UNION ALL SELECT 'persons', level, key, '', count(*), count(DISTINCT household), NULL, NULL, NULL FROM sa GROUP BY level, key
UNION ALL SELECT 'gender', level, key, gender, count(*), NULL, NULL, NULL, NULL FROM sa GROUP BY level, key, gender
UNION ALL SELECT 'ageBand', level, key, age_band, count(*), NULL, NULL, NULL, NULL FROM sa GROUP BY level, key, age_band
UNION ALL SELECT 'nationality', level, key, nationality, count(*), NULL, NULL, NULL, NULL FROM sa GROUP BY level, key, nationality
UNION ALL SELECT 'householdType', level, key, household_type, count(*), NULL, NULL, NULL, NULL FROM sa GROUP BY level, key, household_type
UNION ALL SELECT 'vulnerability', sa.level, sa.key, v.value, count(DISTINCT sa.person_id), NULL, NULL, NULL, NULL FROM sa, json_each(sa.vulnerabilities) v
  WHERE sa.vulnerabilities <> '[]' GROUP BY sa.level, sa.key, v.value
UNION ALL SELECT 'structureType', 'total', '', type, count(DISTINCT person_id), NULL, NULL, NULL, NULL FROM placed_in GROUP BY type
UNION ALL SELECT 'partner', 'total', '', CAST(partner_id AS TEXT), count(DISTINCT person_id), NULL, NULL, NULL, NULL FROM placed_in GROUP BY partner_id
UNION ALL SELECT 'typeByPartner', type, CAST(partner_id AS TEXT), '', count(DISTINCT person_id), NULL, NULL, NULL, NULL FROM placed_in GROUP BY type, partner_id`;

interface FigureRow {
  figure: string;
  level: Level;
  key: string;
  value: string;
  n: number;
  a: number | null;
  b: number | null;
  c: number | null;
  d: number | null;
}

/** Extensions granted in the month, each with the structure the stay was placed in that day (the stay's
 * latest placement begun by then; none before its first placement). */
const EXTENSIONS = `
SELECT e.id AS id, (SELECT r.structure_id FROM placements x JOIN places p ON p.id = x.place_id JOIN rooms r ON r.id = p.room_id
    WHERE x.stay_id = e.stay_id AND x.start_date <= e.granted_at ORDER BY x.start_date DESC, x.id DESC LIMIT 1) AS structureId
FROM stay_extensions e WHERE e.granted_at BETWEEN @s AND @e ORDER BY e.id`;

/** The referrals that count in the month — received in it, decided in it, or still pending at its start —
 * read in one scan (the outcome index would fetch most rows one by one). */
const REFERRALS_OF_MONTH = `
relevant AS MATERIALIZED (
  SELECT id, received_at, outcome, outcome_at, decline_reason FROM referrals NOT INDEXED
  WHERE received_at < @nI AND (received_at >= @sI OR outcome = 'pending' OR outcome_at IS NULL OR outcome_at >= @sI)
)`;

/** The total figures: received, withdrawn in the month, pending at its end; and declined by reason. */
const REFERRALS = `
WITH ${REFERRALS_OF_MONTH}
SELECT 'totals' AS what, '' AS reason,
  coalesce(sum(received_at >= @sI), 0) AS received,
  coalesce(sum(outcome = 'withdrawn' AND outcome_at >= @sI AND outcome_at < @nI), 0) AS withdrawn,
  coalesce(sum(outcome = 'pending' OR outcome_at IS NULL OR outcome_at >= @nI), 0) AS pendingAtEnd
FROM relevant
UNION ALL
SELECT 'declined', coalesce(decline_reason, 'other'), count(*), 0, 0 FROM relevant
WHERE outcome = 'declined' AND outcome_at >= @sI AND outcome_at < @nI GROUP BY 2`;

/** The referrals placed in the month, with the hours from receipt to the admission that placed them and
 * the structures of that admission's first placements (one row per structure; none: total only). The hours are
 * rounded to the millisecond first: julianday's binary fractions would make 23 hours 22.999…. */
const PLACED = `
WITH ${REFERRALS_OF_MONTH},
placed AS MATERIALIZED (
  SELECT id, received_at, outcome_at FROM relevant WHERE outcome = 'placed' AND outcome_at >= @sI AND outcome_at < @nI
),
admitted AS MATERIALIZED (
  SELECT DISTINCT st.referral_id, rm.structure_id FROM stays st
  JOIN placements x ON x.id = (SELECT y.id FROM placements y WHERE y.stay_id = st.id ORDER BY y.start_date, y.id LIMIT 1)
  JOIN places p ON p.id = x.place_id JOIN rooms rm ON rm.id = p.room_id
  WHERE st.referral_id IN (SELECT id FROM placed)
)
SELECT r.id AS id, round((julianday(r.outcome_at) - julianday(r.received_at)) * 86400000) / 3600000.0 AS hours, a.structure_id AS structureId
FROM placed r LEFT JOIN admitted a ON a.referral_id = r.id ORDER BY r.id, a.structure_id`;

// ——— Contributions (docs/contributions.md): decisions are never changed, so "approved in the month" and
// "approved by its last day" are read from the decisions as they stood then, and a later withdrawal or
// revision never rewrites a past month.

/** Per contribution, its last decision dated in the month and its last decision dated up to the month's
 * last day (of the contributions with a decision this year): approved in the month when the first is an
 * approval, approved this year to date when the second is an approval dated this year. "Last" is the
 * greatest date, then id; SQLite takes the other columns of a lone max() aggregate from the row that holds
 * the maximum, which spares a window sort. */
const CONTRIBUTIONS_DECIDED = `
WITH by_end AS MATERIALIZED (
  SELECT d.contribution_id, d.kind, d.amount_cents, d.date, max(d.date || printf('%012d', d.id)) AS last
  FROM contribution_decisions d
  WHERE d.date <= @e AND d.contribution_id IN (SELECT contribution_id FROM contribution_decisions NOT INDEXED WHERE date BETWEEN @y0 AND @e)
  GROUP BY d.contribution_id
),
in_month AS MATERIALIZED (
  SELECT d.contribution_id, d.kind, d.amount_cents, max(d.date || printf('%012d', d.id)) AS last
  FROM contribution_decisions d NOT INDEXED WHERE d.date BETWEEN @s AND @e GROUP BY d.contribution_id
)
SELECT 'month' AS what, c.type, c.partner_id AS partnerId, count(*) AS n, sum(m.amount_cents) AS cents, group_concat(DISTINCT c.household_id) AS households
  FROM in_month m JOIN contributions c ON c.id = m.contribution_id WHERE m.kind = 'approved' GROUP BY c.type, c.partner_id
UNION ALL
SELECT 'year', c.type, c.partner_id, count(*), sum(a.amount_cents), NULL
  FROM by_end a JOIN contributions c ON c.id = a.contribution_id WHERE a.kind = 'approved' AND a.date >= @y0 GROUP BY c.type, c.partner_id`;

/** Payments not cancelled, in the month and from 1 January to the month's last day. */
const CONTRIBUTIONS_PAID = `
SELECT 'month' AS what, c.type, c.partner_id AS partnerId, count(*) AS n, sum(p.amount_cents) AS cents, group_concat(DISTINCT c.household_id) AS households
  FROM contribution_payments p JOIN contributions c ON c.id = p.contribution_id
  WHERE p.date BETWEEN @s AND @e AND p.cancelled_at IS NULL GROUP BY c.type, c.partner_id
UNION ALL
SELECT 'year', c.type, c.partner_id, count(*), sum(p.amount_cents), NULL
  FROM contribution_payments p JOIN contributions c ON c.id = p.contribution_id
  WHERE p.date BETWEEN @y0 AND @e AND p.cancelled_at IS NULL GROUP BY c.type, c.partner_id`;

interface MoneyRow {
  what: 'month' | 'year';
  type: ContributionType;
  partnerId: number | null;
  n: number;
  cents: number;
  households: string | null;
}

const STRUCTURES = `SELECT s.id, s.name, s.type, s.partner_id AS partnerId FROM structures s ORDER BY s.id`;
const PARTNERS = `SELECT id, name FROM partners ORDER BY id`;

/**
 * Timeliness (docs/summary.md): an entry or exit dated d is on time when it was recorded on or before the
 * third working day after d, Rome calendar days — that is, before Rome's midnight that ends that working day.
 * The instant is worked out here for each day of the month (JSON pairs [d, instant]) and compared in SQL
 * with the recording instants, stored as UTC ISO strings (which order as text). An unknown recording time is
 * not on time.
 */
function cutoffsOf(b: Bounds, options: WorkingDayOptions): string {
  const pairs: [string, string][] = [];
  for (let d = b.s; d <= b.e; d = addDays(d, 1)) pairs.push([d, romeInstant(addDays(addWorkingDays(d, TIMELY_WORKING_DAYS, options), 1))!.toISOString()]);
  return JSON.stringify(pairs);
}

// ——— Building the blocks

/** x ÷ y with one decimal, half away from zero (x, y ≥ 0 integers); null when y is 0. */
function tenths(x: number, y: number): number | null {
  if (y === 0) return null;
  return Math.floor((20 * x + y) / (2 * y)) / 10;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

interface Acc {
  places: number;
  placesAtEnd: number;
  available: number;
  occupied: number;
  /** Place id → [available, occupied], for the occupancy warnings. */
  placeNights: Map<number, [number, number]>;
  figures: Map<string, number>;
  exitsByReason: Record<(typeof SUMMARY_EXIT_REASONS)[number], number>;
  /** Length of stay in days → exits. */
  lengths: Map<number, number>;
  byGender: Record<(typeof GENDERS)[number], number>;
  byAgeBand: Record<(typeof AGE_BANDS)[number], number>;
  nationalities: Map<string, number>;
  byStructureType: Record<StructureType, number>;
  partners: Map<number, number>;
  byVulnerability: Record<(typeof VULNERABILITIES)[number], number>;
  byHouseholdType: Record<(typeof HOUSEHOLD_TYPES)[number], number>;
  placed: Set<number>;
  hours: Map<number, number>;
  extensionsGranted: number;
  imbalanced: Set<number>;
}

const newAcc = (): Acc => ({
  places: 0, placesAtEnd: 0, available: 0, occupied: 0, placeNights: new Map(), figures: new Map(),
  exitsByReason: zeros(SUMMARY_EXIT_REASONS), lengths: new Map(), byGender: zeros(GENDERS), byAgeBand: zeros(AGE_BANDS), nationalities: new Map(),
  byStructureType: zeros(STRUCTURE_TYPES), partners: new Map(), byVulnerability: zeros(VULNERABILITIES), byHouseholdType: zeros(HOUSEHOLD_TYPES),
  placed: new Set(), hours: new Map(), extensionsGranted: 0, imbalanced: new Set(),
});

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (x: number | null) => (x === null ? null : Math.sign(x) * Math.round(Math.abs(x) * 10) / 10);

function lengthOfStay(lengths: Map<number, number>): FigureBlock['lengthOfStay'] {
  const bands = zeros(STAY_BANDS);
  let exits = 0;
  let sum = 0;
  const ordered = [...lengths.entries()].sort(([a], [b]) => a - b);
  for (const [days, n] of ordered) {
    exits += n;
    sum += days * n;
    bands[days <= 30 ? '0_30' : days <= 60 ? '31_60' : days <= 90 ? '61_90' : days <= 180 ? '91_180' : days <= 365 ? '181_365' : '366_plus'] += n;
  }
  // The median from the histogram: the middle exit (or the mean of the two middle ones).
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, n] of ordered) if ((seen += n) > rank) return days;
    return 0;
  };
  const medianDays = exits === 0 ? null : exits % 2 ? at(exits >> 1) : (at((exits >> 1) - 1) + at(exits >> 1)) / 2;
  // A negative length (an exit before its entry) is a data error the balance warning points at; its mean is still exact.
  const meanDays = exits === 0 ? null : sum >= 0 ? tenths(sum, exits) : -tenths(-sum, exits)!;
  return { exits, meanDays, medianDays, bands };
}

/** The ten most frequent nationalities (ties by code), then everyone else and the unknown ones. */
function nationalities(counts: Map<string, number>): FigureBlock['byNationality'] {
  const known = [...counts.entries()].filter(([code]) => code !== '').sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const top = known.slice(0, 10).map(([code, count]) => ({ code, count }));
  const other = known.slice(10).reduce((sum, [, n]) => sum + n, 0);
  return [...top, { code: 'other', count: other }, { code: 'unknown', count: counts.get('') ?? 0 }];
}

// ——— The summary

/** The connection under a drizzle database: the summary runs its own prepared statements on it. Pass the
 * connection's `db` (ctx.db), also from inside a write transaction (the read then joins it as a savepoint);
 * a drizzle transaction object does not carry the connection. */
function clientOf(db: Db): Database.Database {
  const client = (db as Db & { $client?: Database.Database }).$client;
  if (!client) throw new Error('the summary reads through the connection\'s db (ctx.db), not a transaction object');
  return client;
}

/** Every figure of a month 'YYYY-MM' (docs/summary.md), in total, per structure, per type and per partner. */
export function monthSummary(db: Db, month: string): MonthSummary {
  const sqlite = clientOf(db);
  const b = boundsOf(month);
  return sqlite.transaction(() => {
    const params = { s: b.s, e: b.e, n: b.n, sI: b.sI, nI: b.nI, y0: `${month.slice(0, 4)}-01-01`, cutoffs: cutoffsOf(b, workingDayOptions(db)) };
    return compute(db, sqlite, month, b, params);
  })();
}

function compute(db: Db, sqlite: Database.Database, month: string, b: Bounds, params: Record<string, string>): MonthSummary {
  const structures = statement(sqlite, STRUCTURES).all() as { id: number; name: string; type: StructureType; partnerId: number }[];
  const partners = statement(sqlite, PARTNERS).all() as { id: number; name: string }[];
  const structureById = new Map(structures.map((s) => [s.id, s]));

  const accs = new Map<string, Acc>();
  const acc = (level: Level, key: string) => {
    const id = `${level}:${key}`;
    let a = accs.get(id);
    if (!a) accs.set(id, (a = newAcc()));
    return a;
  };
  /** The blocks a structure's figure goes to: its own, its type's and its partner's. */
  const blocksOfStructure = (structureId: number): Acc[] => {
    const s = structureById.get(structureId)!;
    return [acc('structure', String(s.id)), acc('type', s.type), acc('partner', String(s.partnerId))];
  };
  const total = acc('total', '');
  for (const s of structures) blocksOfStructure(s.id);
  for (const t of STRUCTURE_TYPES) acc('type', t);
  for (const p of partners) acc('partner', String(p.id));

  // Places and place-nights: additive, so each place adds to its structure, type, partner and the total.
  for (const p of statement(sqlite, PLACES).all(params) as PlaceRow[]) {
    for (const a of [total, ...blocksOfStructure(p.structureId)]) {
      a.places += p.active;
      a.placesAtEnd += p.atEnd;
      a.available += p.available;
      a.occupied += p.occupied;
      a.placeNights.set(p.placeId, [p.available, p.occupied]);
    }
  }

  for (const r of statement(sqlite, FIGURES_SQL).all(params) as FigureRow[]) {
    if (r.figure === 'typeByPartner') {
      // Persons served in the structures of one type and one partner: the type's breakdown by partner and the partner's by type.
      acc('type', r.level).partners.set(Number(r.key), r.n);
      acc('partner', r.key).byStructureType[r.level as unknown as StructureType] = r.n;
      continue;
    }
    const a = acc(r.level, r.key);
    switch (r.figure) {
      case 'exitReason': a.exitsByReason[r.value as keyof Acc['exitsByReason']] += r.n; break;
      case 'lengthOfStay': a.lengths.set(Number(r.value), (a.lengths.get(Number(r.value)) ?? 0) + r.n); break;
      case 'gender': a.byGender[r.value as keyof Acc['byGender']] += r.n; break;
      case 'ageBand': a.byAgeBand[r.value as keyof Acc['byAgeBand']] += r.n; break;
      case 'nationality': a.nationalities.set(r.value, r.n); break;
      case 'householdType': a.byHouseholdType[r.value as keyof Acc['byHouseholdType']] += r.n; break;
      // Flags no longer in the vocabulary are left out, as the person page leaves them out.
      case 'vulnerability': if (r.value in a.byVulnerability) a.byVulnerability[r.value as keyof Acc['byVulnerability']] += r.n; break;
      case 'structureType': a.byStructureType[r.value as StructureType] += r.n; break;
      case 'partner': a.partners.set(Number(r.value), r.n); break;
      case 'imbalance': a.imbalanced.add(Number(r.value)); break;
      case 'timely':
        a.figures.set('entriesOnTime', r.n);
        a.figures.set('exitsOnTime', r.a!);
        break;
      case 'persons':
        a.figures.set('persons', r.n);
        a.figures.set('households', r.a!);
        break;
      case 'flows':
        a.figures.set('openAtStart', r.n);
        a.figures.set('entries', r.a!);
        a.figures.set('exits', r.b!);
        a.figures.set('openAtEnd', r.c!);
        a.figures.set('pastPlannedEnd', r.d!);
        break;
      default: throw new Error(`unknown figure ${r.figure}`);
    }
  }

  // A structure's persons are all of its type and its partner; so are a type's and a partner's own.
  const additive = ['openAtStart', 'entries', 'exits', 'openAtEnd', 'pastPlannedEnd', 'entriesOnTime', 'exitsOnTime'] as const;
  for (const s of structures) {
    const own = acc('structure', String(s.id));
    const persons = own.figures.get('persons') ?? 0;
    own.byStructureType[s.type] = persons;
    own.partners.set(s.partnerId, persons);
    // Flows, exits by reason and lengths of stay add up: a type's and a partner's are their structures' sums.
    for (const a of [acc('type', s.type), acc('partner', String(s.partnerId))]) {
      for (const f of additive) a.figures.set(f, (a.figures.get(f) ?? 0) + (own.figures.get(f) ?? 0));
      for (const reason of SUMMARY_EXIT_REASONS) a.exitsByReason[reason] += own.exitsByReason[reason];
      for (const [days, n] of own.lengths) a.lengths.set(days, (a.lengths.get(days) ?? 0) + n);
      for (const id of own.imbalanced) a.imbalanced.add(id);
    }
  }
  for (const t of STRUCTURE_TYPES) acc('type', t).byStructureType[t] = acc('type', t).figures.get('persons') ?? 0;
  for (const p of partners) acc('partner', String(p.id)).partners.set(p.id, acc('partner', String(p.id)).figures.get('persons') ?? 0);

  for (const x of statement(sqlite, EXTENSIONS).all(params) as { id: number; structureId: number | null }[]) {
    total.extensionsGranted += 1;
    if (x.structureId !== null) for (const a of blocksOfStructure(x.structureId)) a.extensionsGranted += 1;
  }

  // Referrals placed in the month: once per level, however many of the household's stays it placed there.
  for (const r of statement(sqlite, PLACED).all(params) as { id: number; hours: number; structureId: number | null }[]) {
    for (const a of [total, ...(r.structureId === null ? [] : blocksOfStructure(r.structureId))]) {
      a.placed.add(r.id);
      a.hours.set(r.id, r.hours);
    }
  }
  const referralTotals = { received: 0, withdrawn: 0, pendingAtEnd: 0 };
  const declinedByReason = zeros(DECLINE_REASONS);
  for (const r of statement(sqlite, REFERRALS).all(params) as { what: string; reason: string; received: number; withdrawn: number; pendingAtEnd: number }[]) {
    if (r.what === 'totals') Object.assign(referralTotals, { received: r.received, withdrawn: r.withdrawn, pendingAtEnd: r.pendingAtEnd });
    else declinedByReason[(r.reason in declinedByReason ? r.reason : 'other') as keyof typeof declinedByReason] += r.received;
  }

  const contributions = contributionFigures(db, sqlite, params, partners.map((p) => p.id));
  const partnerIds = partners.map((p) => p.id);

  const block = (level: Level, key: string): FigureBlock => {
    const a = acc(level, key);
    const f = (name: string) => a.figures.get(name) ?? 0;
    const openAtStart = f('openAtStart');
    const entries = f('entries');
    const exits = f('exits');
    return {
      places: a.places,
      placesAtEnd: a.placesAtEnd,
      availableNights: a.available,
      occupiedNights: a.occupied,
      occupancyPct: tenths(a.occupied * 100, a.available),
      openAtStart,
      entries,
      exits,
      exitsByReason: a.exitsByReason,
      openAtEnd: f('openAtEnd'),
      expectedOpenAtEnd: openAtStart + entries - exits,
      personsServed: f('persons'),
      householdsServed: f('households'),
      lengthOfStay: lengthOfStay(a.lengths),
      byGender: a.byGender,
      byAgeBand: a.byAgeBand,
      byNationality: nationalities(a.nationalities),
      byStructureType: a.byStructureType,
      byPartner: partnerIds.map((partnerId) => ({ partnerId, count: a.partners.get(partnerId) ?? 0 })),
      byVulnerability: a.byVulnerability,
      byHouseholdType: a.byHouseholdType,
      referrals: {
        received: level === 'total' ? referralTotals.received : null,
        placed: a.placed.size,
        declined: level === 'total' ? Object.values(declinedByReason).reduce((x, y) => x + y, 0) : null,
        declinedByReason: level === 'total' ? declinedByReason : null,
        withdrawn: level === 'total' ? referralTotals.withdrawn : null,
        pendingAtEnd: level === 'total' ? referralTotals.pendingAtEnd : null,
        medianHoursToAdmission: round1(median([...a.hours.values()].sort((x, y) => x - y))),
      },
      extensions: { pastPlannedEndAtEnd: f('pastPlannedEnd'), granted: a.extensionsGranted },
      contributions: level === 'total' ? contributions.total : level === 'partner' ? contributions.partner(Number(key)) : null,
      timeliness: {
        entries, entriesOnTime: f('entriesOnTime'), exits, exitsOnTime: f('exitsOnTime'),
        pct: tenths((f('entriesOnTime') + f('exitsOnTime')) * 100, entries + exits),
      },
    };
  };

  const summary: MonthSummary = {
    month,
    from: b.s,
    to: b.e,
    days: b.days,
    total: block('total', ''),
    structures: structures.map((s) => ({ id: s.id, name: s.name, type: s.type, partnerId: s.partnerId, figures: block('structure', String(s.id)) })),
    types: STRUCTURE_TYPES.map((type) => ({ type, figures: block('type', type) })),
    partners: partners.map((p) => ({ id: p.id, name: p.name, figures: block('partner', String(p.id)) })),
    warnings: [],
  };
  summary.warnings = warningsOf(summary, (level, key) => acc(level, key));
  return summary;
}

/** The warnings of every level, in a fixed order: kind, then level, then the level's own order. */
function warningsOf(summary: MonthSummary, accOf: (level: Level, key: string) => Acc): SummaryWarning[] {
  const levels: { level: Level; key: string; warnKey: SummaryWarning['key']; figures: FigureBlock }[] = [
    { level: 'total', key: '', warnKey: null, figures: summary.total },
    ...summary.structures.map((s) => ({ level: 'structure' as const, key: String(s.id), warnKey: s.id, figures: s.figures })),
    ...summary.types.map((t) => ({ level: 'type' as const, key: t.type, warnKey: t.type, figures: t.figures })),
    ...summary.partners.map((p) => ({ level: 'partner' as const, key: String(p.id), warnKey: p.id, figures: p.figures })),
  ];
  const warnings: SummaryWarning[] = [];
  for (const kind of WARNING_KINDS) {
    for (const level of LEVELS) {
      for (const l of levels.filter((x) => x.level === level)) {
        const f = l.figures;
        const a = accOf(l.level, l.key);
        const places = [...a.placeNights.entries()];
        if (kind === 'balance' && f.openAtEnd !== f.expectedOpenAtEnd) {
          warnings.push({ kind, level, key: l.warnKey, value: f.openAtEnd - f.expectedOpenAtEnd, stayIds: [...a.imbalanced].sort((x, y) => x - y), placeIds: [] });
        } else if (kind === 'occupancyOver' && f.occupiedNights > f.availableNights) {
          // Nothing available at all: the value is the occupied place-nights (a percentage of nothing does not exist).
          warnings.push({
            kind, level, key: l.warnKey, value: f.occupancyPct ?? f.occupiedNights, stayIds: [],
            placeIds: places.filter(([, [available, occupied]]) => occupied > available).map(([id]) => id).sort((x, y) => x - y),
          });
        } else if (kind === 'occupancyLow' && f.occupancyPct !== null && f.occupancyPct < LOW_OCCUPANCY_PCT) {
          const leastUsed = places.filter(([, [available]]) => available > 0)
            .sort(([i, [av1, oc1]], [j, [av2, oc2]]) => oc1 * av2 - oc2 * av1 || i - j)
            .slice(0, LEAST_USED_PLACES).map(([id]) => id).sort((x, y) => x - y);
          warnings.push({ kind, level, key: l.warnKey, value: f.occupancyPct, stayIds: [], placeIds: leastUsed });
        }
      }
    }
  }
  return warnings;
}

type Contributions = NonNullable<FigureBlock['contributions']>;

function contributionFigures(db: Db, sqlite: Database.Database, params: Record<string, string>, partnerIds: number[]) {
  const year = Number(params.y0!.slice(0, 4));
  const rows: (MoneyRow & { kind: 'decided' | 'paid' })[] = [
    ...(statement(sqlite, CONTRIBUTIONS_DECIDED).all(params) as MoneyRow[]).map((r) => ({ ...r, kind: 'decided' as const })),
    ...(statement(sqlite, CONTRIBUTIONS_PAID).all(params) as MoneyRow[]).map((r) => ({ ...r, kind: 'paid' as const })),
  ];
  const budgets = budgetsInForce(db, year);
  const empty = (): Contributions => ({
    decided: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { count: 0, cents: 0 }])) as Contributions['decided'],
    disbursed: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { count: 0, cents: 0 }])) as Contributions['disbursed'],
    householdsSupported: 0,
    yearToDate: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { approvedCents: 0, paidCents: 0, budgetCents: null }])) as Contributions['yearToDate'],
  });
  const fill = (keep: (r: MoneyRow) => boolean, budgetOf: (type: ContributionType) => number | null): Contributions => {
    const c = empty();
    const households = new Set<string>();
    for (const r of rows.filter(keep)) {
      if (r.what === 'month') {
        const line = r.kind === 'decided' ? c.decided[r.type] : c.disbursed[r.type];
        line.count += r.n;
        line.cents += r.cents;
        for (const h of r.households?.split(',') ?? []) households.add(h);
      } else if (r.kind === 'decided') c.yearToDate[r.type].approvedCents += r.cents;
      else c.yearToDate[r.type].paidCents += r.cents;
    }
    for (const type of CONTRIBUTION_TYPES) c.yearToDate[type].budgetCents = budgetOf(type);
    c.householdsSupported = households.size;
    return c;
  };
  // The type's budget is the sum of its rows in force (the whole and the partners' shares); a partner's, its own share.
  const totalBudget = (type: ContributionType) => {
    const lines = budgets.filter((x) => x.type === type);
    return lines.length === 0 ? null : lines.reduce((sum, x) => sum + x.amountCents, 0);
  };
  const byPartner = new Map(partnerIds.map((id) => [id, fill((r) => r.partnerId === id, (type) => budgets.find((x) => x.type === type && x.partnerId === id)?.amountCents ?? null)]));
  return { total: fill(() => true, totalBudget), partner: (id: number) => byPartner.get(id)! };
}

// ——— The series for the charts

/** Per month: the total place-nights and the stays entered and left (the same definitions as the summary). */
const SERIES_FLOWS = `SELECT coalesce(sum(entry_date BETWEEN @s AND @e), 0) AS entries, coalesce(sum(exit_date BETWEEN @s AND @e), 0) AS exits
FROM stays WHERE entry_date BETWEEN @s AND @e OR exit_date BETWEEN @s AND @e`;

/** The `months` months ending with `to` ('YYYY-MM'), oldest first. */
export function monthSeries(db: Db, to: string, months: number): SeriesPoint[] {
  const sqlite = clientOf(db);
  boundsOf(to);
  const list: string[] = [];
  let [year, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  for (let i = 0; i < months; i += 1) {
    list.unshift(`${year}-${String(m).padStart(2, '0')}`);
    [year, m] = m === 1 ? [year - 1, 12] : [year, m - 1];
  }
  return sqlite.transaction(() => list.map((month) => {
    const b = boundsOf(month);
    const params = { s: b.s, e: b.e, n: b.n };
    let availableNights = 0;
    let occupiedNights = 0;
    for (const p of statement(sqlite, PLACES).all(params) as PlaceRow[]) {
      availableNights += p.available;
      occupiedNights += p.occupied;
    }
    const flows = statement(sqlite, SERIES_FLOWS).get(params) as { entries: number; exits: number };
    return { month, availableNights, occupiedNights, occupancyPct: tenths(occupiedNights * 100, availableNights), entries: flows.entries, exits: flows.exits };
  }))();
}
