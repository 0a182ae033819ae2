// `npm run bench`: the foundation's figures, each a median over several runs, and ratios measured
// against a baseline in the same run (never absolute timings compared across machines).
// Later issues add the reference-size register (search, bed board, matching, monthly summary).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { createAppCore } from '../electron/core/app';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../electron/core/db/schema';
import { openRegisterDb } from '../electron/core/db/connection';
import { migrate } from '../electron/core/db/migrate';
import { appendAudit } from '../electron/core/audit';
import { auditEvents } from '../electron/core/db/schema';

process.env.APPRODO_QUIET_LOG = '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const rows: [string, string, string][] = [];
const report = (name: string, value: string, target: string) => rows.push([name, value, target]);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'approdo-bench-'));
  const migrations = resolve('drizzle');
  try {
    // Unlock: key derivation + open + migration check, as a user sees it.
    const app = createAppCore({ registerDir: dir, migrationsFolder: migrations, failureDelayMs: () => 0 });
    const admin = { username: 'admin', displayName: 'Bench', passphrase: 'bench passphrase 2026' };
    await app.dispatch('register.create', { ...admin, passphraseRepeat: admin.passphrase }, { trusted: true });
    app.lock();
    const unlocks: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 5); i += 1) {
      const t = performance.now();
      const r = await app.dispatch('session.login', { username: 'admin', passphrase: admin.passphrase }, { trusted: true });
      unlocks.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.code);
      app.lock();
    }
    report('unlock (median)', `${(median(unlocks) / 1000).toFixed(2)} s`, '0.3–1.0 s');

    // Writes: the same audited inserts, one transaction each, encrypted vs plain SQLite with the same pragmas.
    const key = randomBytes(32);
    const writes = 400;
    const writeRun = (encrypted: boolean) => {
      const file = join(dir, `writes-${encrypted ? 'enc' : 'plain'}-${randomBytes(4).toString('hex')}.db`);
      const conn = encrypted ? openRegisterDb(file, key, { create: true }) : plainConnection(file);
      migrate(conn.sqlite, migrations);
      const ms = time(() => {
        for (let i = 0; i < writes; i += 1)
          conn.db.transaction((tx) => appendAudit(tx, { userId: 1, action: 'bench.write', entity: 'bench', recordId: i, fields: ['a', 'b'] }));
      });
      conn.sqlite.close();
      return writes / (ms / 1000);
    };
    const enc: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      plain.push(writeRun(false));
      enc.push(writeRun(true));
    }
    report('write throughput encrypted ÷ plain', (median(enc) / median(plain)).toFixed(2), '≥ 0.8');
    report('  encrypted writes/s (median)', median(enc).toFixed(0), '');

    // Reads: the audit page query through drizzle vs the same SQL as a raw prepared statement.
    const conn = openRegisterDb(join(dir, 'reads.db'), key, { create: true });
    migrate(conn.sqlite, migrations);
    conn.db.transaction((tx) => {
      for (let i = 0; i < 20_000; i += 1) appendAudit(tx, { userId: 1, action: 'bench.write', entity: 'bench', recordId: i, fields: ['a'] });
    });
    const raw = conn.sqlite.prepare('SELECT * FROM audit_events ORDER BY id DESC LIMIT 200 OFFSET ?');
    // The app's hot reads use drizzle prepared queries (built once, placeholders bound per call).
    const orm = conn.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(200).offset(sql.placeholder('offset')).prepare();
    const loops = 300;
    const rawMs: number[] = [];
    const ormMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      rawMs.push(time(() => { for (let j = 0; j < loops; j += 1) raw.all((j % 50) * 200); }));
      ormMs.push(time(() => { for (let j = 0; j < loops; j += 1) orm.all({ offset: (j % 50) * 200 }); }));
    }
    report('ORM query ÷ raw prepared statement (throughput)', (median(rawMs) / median(ormMs)).toFixed(2), '≥ 0.8');
    conn.sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Approdo benchmark (${RUNS} runs each, medians)`);
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${target}`);
}

function plainConnection(file: string) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

void main();
