// The main-process log never holds register data: marker names go through the app (setup, a failed
// unlock, users, persons, refusals, an internal error that quotes the value, a full disk) with the real
// file sink, and then no byte of any log file holds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, cleanupDirs, core, login, refusal, tempDir } from './helpers';
import type { AppCore } from '../../electron/core/app';
import { consoleSink, setLogSink } from '../../electron/core/log';
import { createFileLogSink, logsDirFor } from '../../electron/core/log-file';

// One odd word, in every case the app may store it in (usernames are lower-cased).
const MARKER = 'Zqxwvmarker';
const ADMIN = { username: 'zqxwvmarker', displayName: `${MARKER} Amministratrice`, passphrase: 'correct horse battery' };
const OPERATOR = { username: 'zqxwvmarker-op', displayName: `Operatrice ${MARKER}`, role: 'operator' as const, passphrase: 'first passphrase 123' };
const PERSON = {
  displayName: `${MARKER} Persona`,
  givenNames: `${MARKER} Given`,
  familyNames: `${MARKER} Family`,
  gender: 'female' as const,
  birthDate: '1990-04-12',
  notes: `Note about ${MARKER}: lives with her sister`,
};

let app: AppCore;
let logsDir: string;

function logText(): string {
  return readdirSync(logsDir)
    .map((name) => readFileSync(join(logsDir, name), 'utf8'))
    .join('');
}

beforeAll(async () => {
  const registerDir = join(tempDir(), 'register');
  logsDir = logsDirFor(registerDir);
  setLogSink(createFileLogSink({ dir: logsDir }));
  app = core(registerDir);

  const shown = await call(app, 'register.create', { ...ADMIN, passphraseRepeat: ADMIN.passphrase });
  await call(app, 'setup.confirmRecoveryKey', { group: shown.confirmGroup, value: shown.groups[shown.confirmGroup - 1]! });
  await call(app, 'session.lock', {});
  // A failed unlock under the marker username: the throttle logs the attempt.
  expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: `wrong ${MARKER} phrase` })).code).toBe('WRONG_CREDENTIALS');
  await login(app, ADMIN.username, ADMIN.passphrase);

  await call(app, 'users.create', { ...OPERATOR, passphraseRepeat: OPERATOR.passphrase });
  const person = await call(app, 'persons.create', { fields: PERSON, acknowledgeDuplicates: false });
  // A case note, and one whose write fails inside the database with a message quoting its text.
  await call(app, 'notes.add', { personId: person.id, date: '2026-01-10', body: `Nota ${MARKER}: colloquio riservato` });
  app.session.open().conn.sqlite.exec("CREATE TEMP TRIGGER quote_note BEFORE INSERT ON case_notes BEGIN SELECT RAISE(ABORT, 'refused: ' || NEW.body); END");
  expect((await refusal(app, 'notes.add', { personId: person.id, date: '2026-01-10', body: `Seconda nota ${MARKER}` })).code).toBe('INTERNAL');
  app.session.open().conn.sqlite.exec('DROP TRIGGER quote_note');

  // Refusals: a possible duplicate, an invalid input, a channel that does not exist.
  expect((await refusal(app, 'persons.create', { fields: PERSON, acknowledgeDuplicates: false })).code).toBe('POSSIBLE_DUPLICATE');
  expect((await refusal(app, 'persons.create', { fields: { ...PERSON, displayName: MARKER.repeat(20) } })).code).toBe('INVALID_INPUT');
  expect((await refusal(app, `persons.${MARKER}`, { name: MARKER })).code).toBe('UNKNOWN_CHANNEL');

  // An internal error whose message quotes the value being written (as a SQLite constraint message could).
  const { sqlite } = app.session.open().conn;
  sqlite.exec("CREATE TEMP TRIGGER quote_name BEFORE INSERT ON persons BEGIN SELECT RAISE(ABORT, 'refused: ' || NEW.display_name); END");
  expect((await refusal(app, 'persons.create', { fields: { ...PERSON, displayName: `${MARKER} Seconda` }, acknowledgeDuplicates: true })).code).toBe('INTERNAL');
  sqlite.exec('DROP TRIGGER quote_name');

  // A full disk: the register may not grow by a page, and the insert drags a megabyte of ballast with it.
  sqlite.exec('CREATE TABLE log_privacy_ballast (b BLOB)');
  sqlite.exec('CREATE TEMP TRIGGER ballast AFTER INSERT ON persons BEGIN INSERT INTO log_privacy_ballast VALUES (zeroblob(1000000)); END');
  const pages = Number(sqlite.pragma('page_count', { simple: true }));
  sqlite.pragma(`max_page_count = ${pages}`);
  const full = await refusal(app, 'persons.create', { fields: { ...PERSON, displayName: `${MARKER} Terza` }, acknowledgeDuplicates: true });
  expect(full.code).toBe('DISK_FULL');
  sqlite.pragma('max_page_count = 1073741823');
  sqlite.exec('DROP TRIGGER ballast');
  await call(app, 'session.lock', {});
});

afterAll(() => {
  app?.shutdown();
  setLogSink(consoleSink);
  cleanupDirs();
});

describe('the main-process log', () => {
  it('recorded the events of the run, so finding no marker means something', () => {
    const text = logText();
    expect(text).toContain('failed unlock attempt');
    expect(text).toContain('[session] unlocked');
    expect(text).toContain('handler failed on persons.create: SqliteError');
    expect(text).toContain('storage fault on persons.create: DISK_FULL');
  });

  it('holds no name, username, free text or error message carrying them, in any file', () => {
    const files = readdirSync(logsDir);
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const content = readFileSync(join(logsDir, name), 'utf8');
      expect(content.toLowerCase(), name).not.toContain(MARKER.toLowerCase());
      expect(content, name).not.toContain('lives with her sister');
      expect(content, name).not.toContain('refused:');
    }
  });
});
