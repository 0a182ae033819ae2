// The nominal list of a month: an AES-256 ZIP that an independent tool (7-Zip, from Debian's p7zip-full)
// opens with the passphrase and reports as AES-256; without the passphrase nothing in the file is readable;
// the plain content is never written to disk, not even as a temporary file; coordinators and admins only,
// with a reason that is kept and audited; restricted persons by their code alone; formula-like names inert.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app';
import type { SaveFileRequest } from '../../electron/core/shell';
import { auditEvents, nominalExports } from '../../electron/core/db/schema';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

const PASSPHRASE = 'ponte sul Po 2026';
const MARKER = 'Zanzibarovna';
const OPERATOR_SECOND = 'operatrice seconda 2026';
const FORMULA = '=HYPERLINK("http://x";"y")';

let template: Template;
let app: AppCore;
let dir: string;
let codes: Record<'lan' | 'hidden' | 'formula' | 'outside', string>;
const started = Date.now();

beforeAll(async () => {
  template = await makeTemplate();
  dir = copyOf(template);
  app = core(dir);
  await login(app, ADMIN.username, ADMIN.passphrase);
  const db = registerDb(app);
  const ids = buildRegister(db, {
    structures: [{ key: 'rifugio', places: [{ key: 'b1' }, { key: 'b2' }, { key: 'b3' }, { key: 'b4' }] }],
    persons: [
      { key: 'lan', displayName: `Nguyễn Thị Lan ${MARKER}`, birthDate: '1990-05-04', nationality: 'VN' },
      { key: 'hidden', displayName: `Riservata ${MARKER}`, restricted: true, birthDate: '1988-02-29' },
      { key: 'formula', displayName: FORMULA },
      { key: 'outside', displayName: `Fuori ${MARKER}` },
    ],
    stays: [
      { key: 's1', person: 'lan', entry: '2026-02-20', exit: '2026-03-10', exitReason: 'socio_economic_inclusion', placements: [{ place: 'b1', from: '2026-02-20', to: '2026-03-10' }] },
      { key: 's2', person: 'hidden', entry: '2026-03-31', placements: [{ place: 'b2', from: '2026-03-31' }] },
      { key: 's3', person: 'formula', entry: '2026-03-05', exit: '2026-03-05', exitReason: 'other', placements: [] },
      { key: 's4', person: 'outside', entry: '2026-04-01', placements: [{ place: 'b4', from: '2026-04-01' }] },
    ],
  });
  const code = (id: number) => db.query.persons.findFirst({ where: (p, { eq }) => eq(p.id, id) }).sync()!.code;
  codes = { lan: code(ids.persons.lan), hidden: code(ids.persons.hidden), formula: code(ids.persons.formula), outside: code(ids.persons.outside) };
}, 120_000);
afterAll(() => {
  app.lock();
  cleanupDirs();
});

/** 7-Zip's listing and extraction of a ZIP file (the independent reader). */
function sevenZip(args: string[]) {
  return spawnSync('7z', args, { encoding: 'utf8' });
}

function zipFile(bytes: Uint8Array): string {
  const out = join(mkdtempSync(join(tmpdir(), 'approdo-nominal-test-')), 'list.zip');
  writeFileSync(out, bytes);
  return out;
}

/** Every file under `root` changed since the test began (bounded: small files only, at most a few levels). */
function recentFiles(root: string, depth = 3): string[] {
  const found: string[] = [];
  let entries: string[];
  try { entries = readdirSync(root); } catch { return found; }
  for (const name of entries) {
    const path = join(root, name);
    let s;
    try { s = statSync(path); } catch { continue; }
    if (s.isDirectory()) { if (depth > 0) found.push(...recentFiles(path, depth - 1)); }
    else if (s.isFile() && s.mtimeMs >= started - 1000 && s.size < 50_000_000) found.push(path);
  }
  return found;
}

describe('nominal list', () => {
  it('is an AES-256 ZIP that 7-Zip opens with the passphrase: the persons served in the month, restricted ones by code', async () => {
    expect(spawnSync('7z', ['i'], { encoding: 'utf8' }).status, '7-Zip (apt-get install p7zip-full) is needed by this test').toBe(0);
    const result = await call(app, 'exports.nominalList', { month: '2026-03', reason: 'Verifica del Comune', passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE, locale: 'it' });
    expect(result).toMatchObject({ fileName: 'elenco-nominativo-2026-03.zip', saved: null, rows: 3 });
    const bytes = Buffer.from(result.base64!, 'base64');
    const file = zipFile(bytes);

    const listing = sevenZip(['l', '-slt', `-p${PASSPHRASE}`, file]);
    expect(listing.status, listing.stderr).toBe(0);
    expect(listing.stdout).toContain('Path = elenco-nominativo-2026-03.csv');
    expect(listing.stdout).toMatch(/Method = AES-256 Deflate/);
    expect(listing.stdout).toMatch(/Encrypted = \+/);

    const csv = execFileSync('7z', ['x', '-so', `-p${PASSPHRASE}`, file], { encoding: 'utf8' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('Codice;Nome visualizzato;Nomi;Cognomi;Genere;Data di nascita;Anno di nascita stimato;Cittadinanza;Codice fiscale;Strutture nel mese;Ingresso;Uscita;Motivo di uscita;Fine prevista;Riservata');
    expect(lines).toHaveLength(4);
    const row = (code: string) => lines.find((l) => l.startsWith(code)) ?? '';
    // Accented and Vietnamese letters exactly as typed; a stay ending inside the month; the birth date kept.
    expect(row(codes.lan)).toContain(`Nguyễn Thị Lan ${MARKER}`);
    expect(row(codes.lan)).toContain('1990-05-04');
    expect(row(codes.lan)).toContain('2026-02-20;2026-03-10');
    // Restricted: the code, no name, no birth date.
    expect(row(codes.hidden)).toContain(';riservata;');
    expect(row(codes.hidden)).not.toContain(MARKER);
    expect(row(codes.hidden)).not.toContain('1988-02-29');
    expect(row(codes.hidden)).toMatch(/;sì$/);
    // A formula typed as a name stays text: escaped with a leading quote by the CSV library.
    expect(row(codes.formula)).toContain(`'=HYPERLINK`);
    expect(csv).not.toContain(codes.outside);

    // Without the passphrase: 7-Zip refuses, and no name or code is in the bytes.
    const wrong = sevenZip(['x', '-so', '-pnot the passphrase', file]);
    expect(wrong.status).not.toBe(0);
    const raw = bytes.toString('latin1');
    for (const secret of [MARKER, codes.lan, codes.hidden, 'Nguy', '1990-05-04']) expect(raw).not.toContain(secret);
  });

  it('writes nothing in clear: no temporary file anywhere holds the content', async () => {
    await call(app, 'exports.nominalList', { month: '2026-03', reason: 'Controllo', passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE });
    const marker = Buffer.from(MARKER, 'utf8');
    const leaked = [...recentFiles(tmpdir()), ...recentFiles(dir)].filter((path) => {
      try { return readFileSync(path).includes(marker); } catch { return false; }
    });
    expect(leaked).toEqual([]);
  });

  it('keeps the reason and audits the export', async () => {
    const db = registerDb(app);
    const before = db.select().from(nominalExports).all().length;
    await call(app, 'exports.nominalList', { month: '2026-03', reason: 'Audit regionale n. 12', passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE });
    const logged = db.select().from(nominalExports).all();
    expect(logged).toHaveLength(before + 1);
    expect(logged.at(-1)).toMatchObject({ kind: 'month_list', period: '2026-03', rows: 3, reason: 'Audit regionale n. 12' });
    const event = db.select().from(auditEvents).all().at(-1)!;
    expect(event).toMatchObject({ action: 'export.nominalList', entity: 'nominal_export', recordId: String(logged.at(-1)!.id) });
  });

  it('refuses an operator, a short or mismatched passphrase and a missing reason, logging nothing', async () => {
    const db = registerDb(app);
    const before = db.select().from(nominalExports).all().length;
    const base = { month: '2026-03', reason: 'Verifica', passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE };
    expect((await refusal(app, 'exports.nominalList', { ...base, passphrase: 'corta', passphraseRepeat: 'corta' })).fieldErrors).toMatchObject({ passphrase: ['validation.passphraseTooShort'] });
    expect((await refusal(app, 'exports.nominalList', { ...base, passphraseRepeat: `${PASSPHRASE}!` })).fieldErrors).toMatchObject({ passphraseRepeat: ['validation.passphraseMismatch'] });
    expect((await refusal(app, 'exports.nominalList', { ...base, reason: '  ' })).fieldErrors).toMatchObject({ reason: ['validation.required'] });
    expect((await refusal(app, 'exports.nominalList', { ...base, month: '2026-13' })).fieldErrors).toMatchObject({ month: ['validation.month'] });
    app.lock();
    await login(app, OPERATOR.username, OPERATOR.passphrase);
    await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: OPERATOR_SECOND, passphraseRepeat: OPERATOR_SECOND });
    try {
      expect((await refusal(app, 'exports.nominalList', base)).code).toBe('FORBIDDEN');
    } finally {
      app.lock();
      await login(app, ADMIN.username, ADMIN.passphrase);
    }
    expect(registerDb(app).select().from(nominalExports).all()).toHaveLength(before);
  });

  it('in the Electron shell goes through the native save dialog and sends no bytes to the renderer', async () => {
    const saved: SaveFileRequest[] = [];
    app.shutdown();
    const shellApp = core(dir, { shell: { saveFile: async (request) => (saved.push(request), true) } });
    try {
      await login(shellApp, ADMIN.username, ADMIN.passphrase);
      const result = await call(shellApp, 'exports.nominalList', { month: '2026-03', reason: 'Verifica', passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE });
      expect(result).toMatchObject({ saved: true, base64: null, rows: 3 });
      expect(saved[0]!.suggestedName).toBe('elenco-nominativo-2026-03.zip');
      const listing = sevenZip(['l', '-slt', `-p${PASSPHRASE}`, zipFile(saved[0]!.bytes)]);
      expect(listing.stdout).toMatch(/Method = AES-256 Deflate/);
    } finally {
      shellApp.shutdown();
      app = core(dir);
      await login(app, ADMIN.username, ADMIN.passphrase);
    }
  });
});
