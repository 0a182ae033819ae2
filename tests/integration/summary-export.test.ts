// The monthly summary's aggregate exports from a real register (the services; their channels and screen wait
// for disclosure control to be fast enough at a month's full size, docs/disclosure.md › Limits): the preview, the XLSX and the CSV hold the
// same published values; no person's name, code or birth date and no structure address appears anywhere in
// the files' bytes (the XLSX's inner XML included); small counts leave as <3; the export is audited.
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app';
import { auditEvents, persons } from '../../electron/core/db/schema';
import { ctxOf } from '../../electron/core/services/context';
import { summaryFile, summaryPreview } from '../../electron/core/exports/summary-export';
import { ADMIN, cleanupDirs, copyOf, core, login, makeTemplate, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

const NAME = 'Quirinella Zbigniewska';
const ADDRESS = 'Via Riservatissima 77';
const BIRTH = '1983-07-19';

let template: Template;
let app: AppCore;
let dir: string;
let codes: string[];

beforeAll(async () => {
  template = await makeTemplate();
  dir = copyOf(template);
  app = core(dir);
  await login(app, ADMIN.username, ADMIN.passphrase);
  const db = registerDb(app);
  buildRegister(db, {
    structures: [
      { key: 'rifugio', address: ADDRESS, places: [{ key: 'a1' }, { key: 'a2' }, { key: 'a3' }, { key: 'a4' }] },
      { key: 'casa', type: 'cohousing', address: `${ADDRESS} bis`, places: [{ key: 'b1' }, { key: 'b2' }, { key: 'b3' }] },
    ],
    persons: [
      { key: 'p1', displayName: `${NAME} Uno`, birthDate: BIRTH, nationality: 'NG' },
      { key: 'p2', displayName: `${NAME} Due`, birthDate: '1990-01-02', nationality: 'NG' },
      { key: 'p3', displayName: `${NAME} Tre`, birthDate: '1991-02-03', nationality: 'UA' },
      { key: 'p4', displayName: `${NAME} Quattro`, birthDate: '1992-03-04', nationality: 'UA' },
      { key: 'p5', displayName: `${NAME} Cinque`, birthDate: '1993-04-05', nationality: 'PE' },
    ],
    stays: [
      { key: 's1', person: 'p1', entry: '2026-02-10', placements: [{ place: 'a1', from: '2026-02-10' }] },
      { key: 's2', person: 'p2', entry: '2026-03-03', placements: [{ place: 'a2', from: '2026-03-03' }] },
      { key: 's3', person: 'p3', entry: '2026-01-05', exit: '2026-03-20', exitReason: 'socio_economic_inclusion', placements: [{ place: 'a3', from: '2026-01-05', to: '2026-03-20' }] },
      { key: 's4', person: 'p4', entry: '2026-03-08', placements: [{ place: 'b1', from: '2026-03-08' }] },
      { key: 's5', person: 'p5', entry: '2025-12-01', placements: [{ place: 'b2', from: '2025-12-01' }] },
    ],
  });
  codes = db.select({ code: persons.code }).from(persons).all().map((p) => p.code);
}, 120_000);
afterAll(() => {
  app.lock();
  cleanupDirs();
});

/** Everything a file says, as text: the CSV itself, or every part of the XLSX's ZIP. */
function textOf(bytes: Uint8Array, kind: 'csv' | 'xlsx'): string {
  if (kind === 'csv') return Buffer.from(bytes).toString('utf8');
  return Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n');
}

describe('summary exports', () => {
  it('preview, XLSX and CSV publish the same values, small counts as <3', async () => {
    const preview = summaryPreview(ctxOf(app.session), '2026-03', 'it');
    const figures = preview.tables.find((t) => t.section === 'figures' && t.level === 'structure')!;
    const entries = figures.columns.findIndex((c) => c.key === 'entries');
    // One entry in each structure in March: both <3.
    expect(figures.rows.map((r) => r.cells[entries]!.shown)).toEqual(['<3', '<3']);
    expect(preview.note).toContain('«<3»');
    expect(preview.header[0]).toContain('marzo 2026');

    const xlsx = await summaryFile(ctxOf(app.session), { month: '2026-03', format: 'xlsx', locale: 'it' });
    expect(xlsx.fileName).toBe('riepilogo-mensile-2026-03.xlsx');
    const sheets = await readExcelFile(Buffer.from(xlsx.bytes));
    const perStructure = sheets.find((s) => s.sheet === 'Per struttura')!.data;
    const labels = perStructure[5]!;
    for (const row of figures.rows) {
      const line = perStructure.find((r) => r[0] === row.label)!;
      figures.columns.forEach((c, i) => expect(line[labels.indexOf(c.label)]).toBe(row.cells[i]!.shown ?? 'x'));
    }

    const csv = await summaryFile(ctxOf(app.session), { month: '2026-03', format: 'csv', separator: ',', locale: 'en' });
    expect(csv.fileName).toBe('monthly-summary-2026-03.csv');
    const lines = parse(Buffer.from(csv.bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(lines.filter((l) => l.section === 'figures' && l.level === 'structure' && l.figure === 'entries').map((l) => l.value)).toEqual(['<3', '<3']);
    expect(lines.find((l) => l.section === 'figures' && l.level === 'total' && l.figure === 'personsServed')!.value).toBe('5');
  });

  it('holds no name, person code, birth date or address anywhere in the files', async () => {
    for (const [format, kind] of [['xlsx', 'xlsx'], ['csv', 'csv']] as const) {
      const file = await summaryFile(ctxOf(app.session), { month: '2026-03', format, locale: 'it' });
      const text = textOf(file.bytes, kind);
      for (const secret of [NAME, 'Zbigniew', ADDRESS, 'Riservatissima', BIRTH, ...codes]) expect(text, `${format}: ${secret}`).not.toContain(secret);
    }
  });

  it('is audited', async () => {
    await summaryFile(ctxOf(app.session), { month: '2026-03', format: 'csv' });
    const last = registerDb(app).select().from(auditEvents).all().at(-1)!;
    expect(last).toMatchObject({ action: 'export.summary', entity: 'month', recordId: '2026-03' });
  });
});
