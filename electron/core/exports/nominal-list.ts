// The nominal list of a month, for audits (docs/privacy.md, "Nominal list"): one row per stay of the persons
// served in the month — code, names, birth date, gender, nationality, structures, entry and exit — written as
// a CSV inside an AES-256 encrypted ZIP under a passphrase given at export time. Everything is built in
// memory: the plain rows, the CSV and the ZIP never touch the disk (no temporary file); only the encrypted
// ZIP leaves, through the native save dialog or as a download. Coordinators and admins only, with a reason,
// audited in the same transaction that reads the rows.
// Restricted persons appear by their code alone: their names are shown only one person at a time, through
// the audited reveal with a reason (docs/domain.md › restricted persons), never in bulk.
import { configure, TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { monthRange } from '../../shared/dates';
import { it as itVocabulary, en as enVocabulary } from '../../shared/i18n/vocabulary';
import type { Locale } from '../../shared/schema-kit';
import { nominalExports } from '../db/schema';
import { write, type Ctx } from '../services/context';

// In the main process: no web workers (there are none), and Node's own CompressionStream.
configure({ useWebWorkers: false });

const TEXT = {
  it: {
    fileName: 'elenco-nominativo',
    headers: ['Codice', 'Nome visualizzato', 'Nomi', 'Cognomi', 'Genere', 'Data di nascita', 'Anno di nascita stimato', 'Cittadinanza', 'Codice fiscale',
      'Strutture nel mese', 'Ingresso', 'Uscita', 'Motivo di uscita', 'Fine prevista', 'Riservata'],
    restricted: 'riservata', yes: 'sì', no: 'no',
  },
  en: {
    fileName: 'nominal-list',
    headers: ['Code', 'Display name', 'Given names', 'Family names', 'Gender', 'Birth date', 'Estimated birth year', 'Nationality', 'Fiscal code',
      'Structures in the month', 'Entry', 'Exit', 'Exit reason', 'Planned end', 'Restricted'],
    restricted: 'restricted', yes: 'yes', no: 'no',
  },
} as const;

interface NominalRow {
  code: string; displayName: string; givenNames: string | null; familyNames: string | null; gender: string; birthDate: string | null;
  birthYear: number | null; nationality: string | null; fiscalCode: string | null; structures: string | null; entryDate: string;
  exitDate: string | null; exitReason: string | null; plannedEnd: string | null; restricted: number;
}

export interface NominalList {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
}

/** The stays of the persons served in `month` (entry ≤ last day, exit empty or ≥ first day: docs/summary.md),
 * with the structures of their placements that meet the month. */
function readRows(tx: Ctx['db'], from: string, to: string): NominalRow[] {
  return tx.all<NominalRow>(sql`
    SELECT p.code, p.display_name AS displayName, p.given_names AS givenNames, p.family_names AS familyNames, p.gender,
      p.birth_date AS birthDate, p.birth_year AS birthYear, p.nationality, p.fiscal_code AS fiscalCode,
      (SELECT group_concat(name, ' · ') FROM (
         SELECT DISTINCT s.name FROM placements pl
         JOIN places pc ON pc.id = pl.place_id JOIN rooms r ON r.id = pc.room_id JOIN structures s ON s.id = r.structure_id
         WHERE pl.stay_id = st.id AND pl.start_date <= ${to} AND (pl.end_date IS NULL OR pl.end_date >= ${from})
         ORDER BY s.name)) AS structures,
      st.entry_date AS entryDate, st.exit_date AS exitDate, st.exit_reason AS exitReason, st.planned_end AS plannedEnd, p.restricted
    FROM stays st JOIN persons p ON p.id = st.person_id
    WHERE st.entry_date <= ${to} AND (st.exit_date IS NULL OR st.exit_date >= ${from})
    ORDER BY p.code, st.entry_date, st.id`);
}

/** The encrypted ZIP of the month's nominal list. The passphrase and reason are already checked by the contract. */
export async function nominalList(ctx: Ctx, input: { month: string; reason: string; passphrase: string; locale?: Locale }): Promise<NominalList> {
  const locale = input.locale ?? ctx.user.locale;
  const text = TEXT[locale];
  const vocab = (locale === 'it' ? itVocabulary : enVocabulary).vocab;
  const { from, to } = monthRange(input.month);
  const rows = write(ctx, (tx, audit) => {
    const found = readRows(tx, from, to);
    const [logged] = tx.insert(nominalExports)
      .values({ kind: 'month_list', period: input.month, rows: found.length, reason: input.reason, userId: ctx.user.id, at: ctx.now.toISOString() })
      .returning({ id: nominalExports.id }).all();
    audit({ action: 'export.nominalList', entity: 'nominal_export', recordId: logged!.id, fields: ['period', 'rows', 'reason'] });
    return found;
  });

  const body = rows.map((r) => {
    const hidden = r.restricted === 1;
    return [
      r.code,
      hidden ? text.restricted : r.displayName,
      hidden ? null : r.givenNames,
      hidden ? null : r.familyNames,
      vocab.genders[r.gender as keyof typeof vocab.genders] ?? r.gender,
      hidden ? null : r.birthDate,
      hidden ? null : r.birthYear,
      r.nationality,
      hidden ? null : r.fiscalCode,
      r.structures,
      r.entryDate,
      r.exitDate,
      r.exitReason === null ? null : (vocab.exitReasons[r.exitReason as keyof typeof vocab.exitReasons] ?? r.exitReason),
      r.plannedEnd,
      hidden ? text.yes : text.no,
    ];
  });
  // RFC 4180 with `;` (Italian Excel), a BOM so Excel reads UTF-8, and every field that could be read as a
  // formula (names are typed by people) escaped by the library.
  const csv = stringify([[...text.headers], ...body], {
    delimiter: ';', record_delimiter: '\r\n', bom: true, escape_formulas: true, quote_record_delimiter: true,
    cast: { number: (value) => String(value) },
  });

  // The entry's name is visible without the passphrase: it says what and when, never who.
  const name = `${text.fileName}-${input.month}`;
  const zip = new ZipWriter(new Uint8ArrayWriter(), { password: input.passphrase, encryptionStrength: 3, zipCrypto: false });
  await zip.add(`${name}.csv`, new TextReader(csv), { lastModDate: ctx.now });
  const bytes = await zip.close();
  return { fileName: `${name}.zip`, bytes, rows: rows.length };
}
