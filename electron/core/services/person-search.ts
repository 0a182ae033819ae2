// The persons register search: filters, sort and paging in SQL, accent-insensitive, restricted persons
// found by code only (never by names or fiscal code) and always listed without a name.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { PersonRow, personSearchSchema } from '../../shared/channels/people';
import { addDays } from '../../shared/dates';
import { queryWords } from '../../shared/text-normalise';
import type { Ctx } from './context';
import { shownName } from './person-label';

export type PersonSearch = z.output<typeof personSearchSchema>;

// Raw statements prepared once per connection, not drizzle: this runs on every keystroke against 25,000
// persons, the SQL is assembled from the filters in use (CTEs, correlated subqueries, NULLS LAST) which
// drizzle could only carry as raw `sql` fragments anyway, and re-preparing per call costs more than the
// query itself on small pages. Keyed by the connection so a lock (which closes it) drops them all.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Nights covering today: a stay or placement with start ≤ today < end (or no end). */
const PRESENT_STAYS = `SELECT person_id FROM stays WHERE entry_date <= @today AND (exit_date IS NULL OR exit_date > @today)`;

/** Each person's structure tonight, built once and joined by person (a per-person probe would run 25,000
 * times). Placements of one place never share a night, so the one covering tonight is the place's latest
 * started by today: one index probe per place instead of reading every placement's end date. */
const CURRENT_STRUCTURE = `current_structure AS MATERIALIZED (
  SELECT pl.person_id AS person_id, s.name AS name
  FROM structures s JOIN rooms r ON r.structure_id = s.id JOIN places pc ON pc.room_id = r.id
  JOIN placements pl ON pl.id = (SELECT x.id FROM placements x WHERE x.place_id = pc.id AND x.start_date <= @today
    AND (x.end_date IS NULL OR x.end_date > x.start_date) ORDER BY x.start_date DESC LIMIT 1)
  WHERE pl.end_date IS NULL OR pl.end_date > @today)`;

/** Sort expressions; restricted persons sort by no name at all (their place in a name order would hint at it). */
const SORTS: Record<PersonSearch['sort'], string> = {
  // The code index gives this order without sorting; see codeOrder for years past 9999 persons.
  code: 'p.code {dir}',
  // search_text starts with the normalised display name: an accent-insensitive name order.
  displayName: 'CASE WHEN p.restricted THEN NULL ELSE p.search_text END {dir} NULLS LAST, p.code',
  birthYear: 'p.birth_year {dir} NULLS LAST, p.code',
  nationality: 'p.nationality {dir} NULLS LAST, p.code',
  permitExpiry: 'p.permit_expiry {dir} NULLS LAST, p.code',
  // A correlated max() probes the covering stays_person index: measured faster than joining a grouped pass.
  entryDate: '(SELECT max(st.entry_date) FROM stays st WHERE st.person_id = p.id) {dir} NULLS LAST, p.code',
  structureName: 'cs.name {dir} NULLS LAST, p.code',
};

/** Codes of one year sort as text while they have four digits; once a year passes 9999 persons a longer
 * code is a later one, and only then is the (unindexed) numeric order needed. Rechecked when persons are added. */
const longCodes = new WeakMap<Database.Database, { maxId: number; long: boolean }>();
function codeOrder(sqlite: Database.Database): string {
  const maxId = (prepared(sqlite, 'SELECT coalesce(max(id), 0) AS n FROM persons').get() as { n: number }).n;
  let known = longCodes.get(sqlite);
  if (!known || known.maxId !== maxId) {
    const long = Boolean((prepared(sqlite, 'SELECT EXISTS (SELECT 1 FROM persons WHERE length(code) > 12) AS x').get() as { x: number }).x);
    longCodes.set(sqlite, (known = { maxId, long }));
  }
  return known.long ? 'substr(p.code, 1, 8) {dir}, length(p.code) {dir}, p.code {dir}' : SORTS.code;
}

interface Filter {
  where: string[];
  params: Record<string, unknown>;
  /** True when every row must be read anyway (a text search): the total then comes with the page. */
  scans: boolean;
}

const FULL_CODE = /^[A-Z]{2}-\d{4}-\d{4,}$/;

function filterOf(search: PersonSearch, today: string): Filter {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let scans = false;
  const typed = search.query.trim().toUpperCase();
  // A whole code typed (or scanned) is one look-up in the code index, restricted or not.
  const words = FULL_CODE.test(typed) ? [] : queryWords(search.query).sort((a, b) => b.length - a.length);
  if (FULL_CODE.test(typed)) {
    params.code = typed;
    where.push('p.code = @code');
  } else if (words.length > 0) {
    scans = true;
    // Longest word first: the most selective test runs first and the others rarely need to.
    words.forEach((w, i) => (params[`w${i}`] = `%${escapeLike(w)}%`));
    const all = (column: string) => words.map((_, i) => `${column} LIKE @w${i} ESCAPE '\\'`).join(' AND ');
    // A restricted person's names are never matched, nor her fiscal code (anyone can compute it from her
    // name, birth date and birthplace): only her code, which the register gave her.
    where.push(`((p.restricted = 0 AND ${all('p.search_text')}) OR (p.restricted = 1 AND ${all(`replace(lower(p.code), '-', ' ')`)}))`);
  }
  if (search.structureId !== undefined) {
    params.structureId = search.structureId;
    where.push(`p.id IN (SELECT pl.person_id FROM rooms r JOIN places pc ON pc.room_id = r.id JOIN placements pl ON pl.place_id = pc.id
      WHERE r.structure_id = @structureId AND pl.start_date <= @today AND (pl.end_date IS NULL OR pl.end_date > @today))`);
  }
  if (search.status === 'present') where.push(`p.id IN (${PRESENT_STAYS})`);
  // Most of the register is 'past': the unary + keeps SQLite walking persons (in the sort's index order,
  // stopping at the page) instead of looking up every one of them from the stays.
  if (search.status === 'past') where.push(`+p.id IN (SELECT person_id FROM stays) AND p.id NOT IN (${PRESENT_STAYS})`);
  if (search.status === 'never') where.push('p.id NOT IN (SELECT person_id FROM stays)');
  if (search.gender) {
    params.gender = search.gender;
    where.push('p.gender = @gender');
  }
  if (search.nationality) {
    params.nationality = search.nationality;
    where.push('p.nationality = @nationality');
  }
  if (search.vulnerability) {
    // The flags are a JSON array of fixed codes: a quoted code is found by instr without parsing the JSON.
    params.vulnerability = `"${search.vulnerability}"`;
    where.push('instr(p.vulnerabilities, @vulnerability) > 0');
  }
  if (search.permitExpiringWithinDays !== undefined) {
    params.permitLimit = addDays(today, search.permitExpiringWithinDays);
    where.push('p.permit_expiry IS NOT NULL AND p.permit_expiry <= @permitLimit');
  }
  if (/@today\b/.test(where.join(' '))) params.today = today;
  return { where, params, scans };
}

interface DetailRow {
  id: number;
  code: string;
  display_name: string;
  restricted: number;
  gender: PersonRow['gender'];
  birth_year: number | null;
  nationality: string | null;
  permit_expiry: string | null;
  vulnerabilities: string;
  present: number;
  last_entry: string | null;
  structure_name: string | null;
  place_label: string | null;
}

/** What a page of rows shows, for at most `limit` ids: per-person probes are cheap at this size. */
const PAGE_DETAIL = `
SELECT x.*, pc.label AS place_label, s.name AS structure_name FROM (
  SELECT p.id, p.code, p.display_name, p.restricted, p.gender, p.birth_year, p.nationality, p.permit_expiry, p.vulnerabilities,
    EXISTS (SELECT 1 FROM stays st WHERE st.person_id = p.id AND st.entry_date <= @today AND (st.exit_date IS NULL OR st.exit_date > @today)) AS present,
    (SELECT max(st.entry_date) FROM stays st WHERE st.person_id = p.id) AS last_entry,
    (SELECT pl.place_id FROM placements pl WHERE pl.person_id = p.id AND pl.start_date <= @today AND (pl.end_date IS NULL OR pl.end_date > @today)
      ORDER BY pl.start_date DESC LIMIT 1) AS place_id
  FROM persons p WHERE p.id IN (SELECT value FROM json_each(@ids))
) x
LEFT JOIN places pc ON pc.id = x.place_id
LEFT JOIN rooms r ON r.id = pc.room_id
LEFT JOIN structures s ON s.id = r.structure_id`;

export function searchPersons(ctx: Ctx, search: PersonSearch): { rows: PersonRow[]; total: number } {
  const { where, params, scans } = filterOf(search, ctx.today);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = (search.sort === 'code' ? codeOrder(ctx.sqlite) : SORTS[search.sort]).replaceAll('{dir}', search.direction === 'desc' ? 'DESC' : 'ASC');
  const joins = search.sort === 'structureName' ? { cte: CURRENT_STRUCTURE, join: 'LEFT JOIN current_structure cs ON cs.person_id = p.id' } : null;
  const pageParams: Record<string, unknown> = { ...params, limit: search.limit, offset: search.offset };
  if (search.sort === 'structureName') pageParams.today = ctx.today;
  // A text search reads every row anyway: counting in the same pass (a window over the matches) saves a
  // second scan. Otherwise a separate count can walk an index alone and the page can stop early.
  const pageSql = `${joins ? `WITH ${joins.cte} ` : ''}SELECT p.id${scans ? ', count(*) OVER () AS total' : ''} FROM persons p
    ${joins?.join ?? ''} ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  let total: number;
  let page: { id: number; total?: number }[];
  if (scans) {
    page = prepared(ctx.sqlite, pageSql).all(pageParams) as typeof page;
    total = page[0]?.total ?? (search.offset > 0 ? (prepared(ctx.sqlite, `SELECT count(*) AS n FROM persons p ${whereSql}`).get(params) as { n: number }).n : 0);
  } else {
    total = (prepared(ctx.sqlite, `SELECT count(*) AS n FROM persons p ${whereSql}`).get(params) as { n: number }).n;
    page = total === 0 || search.offset >= total ? [] : (prepared(ctx.sqlite, pageSql).all(pageParams) as typeof page);
  }
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total };

  const details = new Map(
    (prepared(ctx.sqlite, PAGE_DETAIL).all({ ids: JSON.stringify(ids), today: ctx.today }) as DetailRow[]).map((d) => [d.id, d]),
  );
  const rows = ids.map((id): PersonRow => {
    const d = details.get(id)!;
    return {
      id: d.id,
      code: d.code,
      displayName: shownName({ restricted: d.restricted, displayName: d.display_name }),
      restricted: Boolean(d.restricted),
      gender: d.gender,
      birthYear: d.birth_year,
      nationality: d.nationality,
      permitExpiry: d.permit_expiry,
      status: d.present ? 'present' : d.last_entry ? 'past' : 'never',
      structureName: d.structure_name,
      placeLabel: d.place_label,
      entryDate: d.last_entry,
      vulnerabilities: JSON.parse(d.vulnerabilities) as string[],
    };
  });
  return { rows, total };
}
