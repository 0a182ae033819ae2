// Revocation and the bounds around keys and backups (issue 9): a disabled user's old slot opens nothing
// current, slots and backups that ask for too much are refused quickly, a demo backup cannot pass for one of
// the real register.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, snapshot, tempDir, type Template } from './helpers';
import { registerPaths } from '../../electron/core/register';
import { keyConnection } from '../../electron/core/db/connection';
import { containerProgress, readContainer } from '../../electron/core/backup/container';
import { backupsDirOf } from '../../electron/core/backup/locations';
import { openSlot, parseSlotFile, userSlot } from '../../electron/core/keys/slots';

const COORDINATOR = { username: 'coordinatrice', displayName: 'Coordinatrice Prova', role: 'coordinator' as const, passphrase: 'coordinator own words' };

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterEach(() => {
  containerProgress.onChunk = null;
});
afterAll(cleanupDirs);

const userId = async (app: Parameters<typeof call>[0], username: string) => (await call(app, 'users.list', {})).find((u) => u.username === username)!.id;

describe('disabling a user', () => {
  it('with a rekey: her old slot, from a backup made before, no longer opens the register; the others still sign in with their passphrases', async () => {
    const dir = copyOf(template);
    const paths = registerPaths(dir);
    let now = Date.parse('2026-03-01T10:00:00Z');
    const app = core(dir, { clock: () => new Date(now) });
    await login(app, ADMIN.username, ADMIN.passphrase);
    await call(app, 'users.create', { ...COORDINATOR, passphraseRepeat: COORDINATOR.passphrase });
    const yesterday = await call(app, 'backup.run', {});
    now += 24 * 3600_000;
    const result = await call(app, 'users.disable', { userId: await userId(app, OPERATOR.username), rekey: true, deleteOldBackups: false });
    expect(result).toMatchObject({ rekeyed: true, deletedBackups: 0, user: { status: 'disabled', hasKeySlot: false } });
    await call(app, 'persons.create', { fields: { displayName: 'Accolta dopo', gender: 'female', restricted: true }, acknowledgeDuplicates: false });
    app.lock();

    // What she holds: her passphrase and the slot file inside yesterday's automatic backup. It still gives
    // her the old data key…
    const oldSlots = parseSlotFile(readContainer(yesterday.file).slots.toString('utf8'));
    const oldKey = await openSlot(oldSlots, userSlot(oldSlots, OPERATOR.username)!, OPERATOR.passphrase);
    expect(oldKey).not.toBeNull();
    // …which opens nothing of the current register with the plain driver,
    const plain = new Database(paths.db, { readonly: true });
    keyConnection(plain, oldKey!);
    expect(() => plain.prepare('SELECT count(*) FROM persons').get()).toThrow();
    plain.close();
    // nor through the app, with that slot file put in place of the current one (and nothing is moved).
    const stolen = tempDir();
    cpSync(dir, stolen, { recursive: true });
    writeFileSync(registerPaths(stolen).slots, readContainer(yesterday.file).slots);
    const before = snapshot(stolen);
    expect((await refusal(core(stolen), 'session.login', { username: OPERATOR.username, passphrase: OPERATOR.passphrase })).code).toBe('KEY_SLOTS_MISMATCH');
    expect(snapshot(stolen)).toEqual(before);

    await login(app, COORDINATOR.username, COORDINATOR.passphrase);
    app.lock();
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect((await call(app, 'audit.list', { page: 1, pageSize: 50 })).rows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.disable', 'register.rekey']));
    app.lock();
  });

  it('can delete the automatic backups made before the rekey, keeping a fresh one under the new key; a disabled admin takes the recovery key with her', async () => {
    const dir = copyOf(template);
    let now = Date.parse('2026-03-01T10:00:00Z');
    const app = core(dir, { clock: () => new Date(now) });
    await login(app, ADMIN.username, ADMIN.passphrase);
    const second = await call(app, 'users.create', { username: 'admin2', displayName: 'Second admin', role: 'admin', passphrase: 'second admin phrase', passphraseRepeat: 'second admin phrase' });
    const old = await call(app, 'backup.run', {});
    now += 3 * 24 * 3600_000;
    const result = await call(app, 'users.disable', { userId: second.id, rekey: true, deleteOldBackups: true });
    expect(result.deletedBackups).toBe(1);
    expect(result.state.recoveryKeyPending).toBe(true);
    const fresh = await call(app, 'setup.pendingRecoveryKey', {});
    await call(app, 'setup.confirmRecoveryKey', { group: fresh.confirmGroup, value: fresh.groups[fresh.confirmGroup - 1]! });
    const { backups } = await call(app, 'backup.list', {});
    expect(backups.map((b) => b.file)).not.toContain(old.file);
    expect(backups).toHaveLength(1);
    app.lock();
    expect((await refusal(app, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey })).code).toBe('WRONG_RECOVERY_KEY');
  });
});

/** Rewrites a slot file's first user slot with `change` applied. */
function tamperSlots(path: string, change: (slot: Record<string, any>) => void): void {
  const file = JSON.parse(readFileSync(path, 'utf8'));
  change(file.slots[0]);
  writeFileSync(path, JSON.stringify(file));
}

describe('key slots', () => {
  it('asking for an excessive key-derivation cost are refused before any derivation', async () => {
    const dir = copyOf(template);
    tamperSlots(registerPaths(dir).slots, (slot) => (slot.kdf.p = 16));
    const app = core(dir);
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('KEY_SLOTS_INVALID');
    const dir2 = copyOf(template);
    tamperSlots(registerPaths(dir2).slots, (slot) => (slot.kdf.r = 32));
    expect((await refusal(core(dir2), 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('KEY_SLOTS_INVALID');
  });

  it('with an AES-GCM tag cut short are refused', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    for (const part of ['privateKey', 'sealed'] as const) {
      tamperSlots(registerPaths(dir).slots, (slot) => (slot[part].tag = Buffer.from(slot[part].tag, 'base64').subarray(0, 4).toString('base64')));
      expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('KEY_SLOTS_INVALID');
      cpSync(join(template.dir, 'approdo.keys.json'), registerPaths(dir).slots);
    }
  });
});

/** A backup file whose header says its database part is `dbLength` bytes, made sparse to that size. */
function inflatedBackup(source: string, dbLength: number): string {
  const parsed = readContainer(source);
  const header = Buffer.from(JSON.stringify({ ...parsed.header, dbLength }), 'utf8');
  const file = join(tempDir(), 'inflated.approdo-backup');
  const fd = openSync(file, 'w');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  let at = 0;
  for (const part of [Buffer.from('APPRODO-BACKUP\u0000\u0001', 'latin1'), length, header, parsed.slots]) at += writeSync(fd, part, 0, part.length, at);
  ftruncateSync(fd, at + dbLength + 32);
  closeSync(fd);
  return file;
}

describe('a restore', () => {
  it('of a named pipe is refused at once, and the app keeps answering', async () => {
    const fresh = core(join(tempDir(), 'register'));
    const fifo = join(tempDir(), 'pipe.approdo-backup');
    execFileSync('mkfifo', [fifo]);
    const restore = fresh.dispatch('backup.restore', { kind: 'recovery', file: fifo, recoveryKey: template.recoveryKey }, { trusted: true });
    expect((await call(fresh, 'session.state', {})).state).toBe('locked');
    expect(await restore).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
  });

  it('of a sparse backup claiming an 8 GiB database is refused before any key is derived', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const backup = await call(app, 'backup.run', {});
    app.lock();
    const fresh = core(join(tempDir(), 'register'));
    const file = inflatedBackup(backup.file, 8 * 1024 ** 3);
    expect((await refusal(fresh, 'backup.restore', { kind: 'passphrase', file, username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('BACKUP_INVALID');
  });

  it('checks a large backup a MiB at a time: an IPC call made during the check is answered before it ends', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const backup = await call(app, 'backup.run', {});
    app.lock();
    const fresh = core(join(tempDir(), 'register'));
    const file = inflatedBackup(backup.file, 64 * 1024 * 1024);
    let chunks = 0;
    let answeredAt: number | null = null;
    containerProgress.onChunk = (done) => {
      chunks = done + 1;
      if (done === 1) void call(fresh, 'session.state', {}).then(() => (answeredAt = chunks));
    };
    const refused = await refusal(fresh, 'backup.restore', { kind: 'passphrase', file, username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(refused.code).toBe('BACKUP_INVALID');
    expect(chunks).toBeGreaterThan(32);
    expect(answeredAt).not.toBeNull();
    expect(answeredAt!).toBeLessThan(chunks);
  });

  it('with a slot asking for an excessive key-derivation cost is refused as an invalid backup', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const backup = await call(app, 'backup.run', {});
    app.lock();
    const parsed = readContainer(backup.file);
    const slots = JSON.parse(parsed.slots.toString('utf8'));
    slots.slots[0].kdf.p = 16;
    const bytes = Buffer.from(JSON.stringify(slots), 'utf8');
    const header = Buffer.from(JSON.stringify({ ...parsed.header, slotsLength: bytes.length, slotsSha256: (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex') }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const whole = readFileSync(backup.file);
    const file = join(tempDir(), 'crafted.approdo-backup');
    writeFileSync(file, Buffer.concat([Buffer.from('APPRODO-BACKUP\u0000\u0001', 'latin1'), length, header, bytes, whole.subarray(parsed.dbOffset)]));
    const fresh = core(join(tempDir(), 'register'));
    expect((await refusal(fresh, 'backup.restore', { kind: 'passphrase', file, username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('BACKUP_INVALID');
  });
});

describe('the demo register', () => {
  it('cannot write a backup into the real register’s backup folder, and its backups never count for the real register', async () => {
    const dir = copyOf(template);
    const app = core(dir, { populateDemo: () => undefined });
    await login(app, ADMIN.username, ADMIN.passphrase);
    app.lock();
    await call(app, 'register.switch', { kind: 'demo' });
    const shown = await call(app, 'register.createDemo', { username: 'demo', displayName: 'Demo', passphrase: 'anyone at the screen', passphraseRepeat: 'anyone at the screen' });
    await call(app, 'setup.confirmRecoveryKey', { group: shown.confirmGroup, value: shown.groups[shown.confirmGroup - 1]! });
    const realBackups = backupsDirOf(registerPaths(dir));
    mkdirSync(realBackups, { recursive: true });
    expect((await refusal(app, 'backup.toFolder', { folder: realBackups })).code).toBe('BACKUP_FOLDER_RESERVED');
    expect((await refusal(app, 'backup.toFolder', { folder: dir })).code).toBe('BACKUP_FOLDER_RESERVED');
    // Copied there by hand, a demo backup is not listed for the real register nor makes it look fresh.
    const usb = tempDir();
    const demoBackup = await call(app, 'backup.toFolder', { folder: usb });
    cpSync(demoBackup.file, join(realBackups, demoBackup.name));
    app.lock();
    await call(app, 'register.switch', { kind: 'real' });
    await login(app, ADMIN.username, ADMIN.passphrase);
    const listed = (await call(app, 'backup.list', {})).backups;
    expect(listed.map((b) => b.name)).not.toContain(demoBackup.name);
    expect((await call(app, 'backup.status', {})).lastVerifiedAt).toBe(listed[0]!.createdAt);
    expect(listed[0]!.createdAt < demoBackup.createdAt).toBe(true);
    app.lock();
  });
});
