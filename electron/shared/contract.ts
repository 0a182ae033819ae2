// The one IPC contract: every channel's name, input and output schemas and who may call it.
// Main (handlers), preload (exposed calls) and renderer (typed client) all derive from this object.
// No Electron or Node imports here: it is bundled into the sandboxed preload and the renderer.
import { z } from 'zod';
import type { Envelope } from './errors';
import {
  ALL_ROLES, accessAllows, channel, empty, localeSchema, newPassphrase, passphraseField, requiredText, roleSchema, text, displayNameSchema, usernameSchema, type ChannelSpec,
  type Role,
} from './schema-kit';
import { placesChannels } from './channels/places';
import { peopleChannels } from './channels/people';
import { staysChannels } from './channels/stays';
import { backupChannels } from './channels/backup';
import { privacyChannels } from './channels/privacy';
import { contributionsChannels } from './channels/contributions';
import { pathwayChannels } from './channels/pathway';
import { exportsChannels } from './channels/exports';
import { monthCloseChannels, summaryChannels } from './channels/summary';

export * from './schema-kit';

const userId = z.number().int().positive();

export const sessionUserSchema = z.strictObject({
  id: userId,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionStateSchema = z.strictObject({
  register: z.enum(['absent', 'present']),
  /** The demo register holds generated example data only; the UI marks it DEMO everywhere. */
  registerKind: z.enum(['real', 'demo']),
  demoExists: z.boolean(),
  state: z.enum(['locked', 'unlocked']),
  user: sessionUserSchema.nullable(),
  /** Set after a first passphrase given by an admin, or after unlocking with the recovery key. */
  mustChangePassphrase: z.boolean(),
  /** True after unlocking with the recovery key: the new passphrase is set without the old one. */
  recoveredWithKey: z.boolean(),
  /** Set while a freshly shown recovery key has not yet been confirmed as written down. */
  recoveryKeyPending: z.boolean(),
  autoLockMinutes: z.number().int().nullable(),
  /** While locked: who was signed in last in this process, to prefill the lock screen (even after a reload). */
  lastUsername: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const recoveryKeyShownSchema = z.strictObject({
  /** The key in groups, for reading aloud and writing down. Shown once. */
  groups: z.array(z.string()),
  /** Which group (1-based) the user must retype to confirm. */
  confirmGroup: z.number().int().positive(),
  state: sessionStateSchema,
});
export type RecoveryKeyShown = z.infer<typeof recoveryKeyShownSchema>;

export const userRowSchema = z.strictObject({
  id: userId,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'disabled']),
  mustChangePassphrase: z.boolean(),
  /** False after a rekey or before a first passphrase: the admin must give this user a new passphrase. */
  hasKeySlot: z.boolean(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRowSchema>;

import { auditRowSchema, type AuditRow } from './audit-schema';
export { auditRowSchema, type AuditRow };

export const chainReportSchema = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
});
export type ChainReport = z.infer<typeof chainReportSchema>;

export const foundationChannels = {
  'session.state': channel({ input: empty, output: sessionStateSchema, access: 'public', passive: true }),
  'register.create': channel({
    input: newPassphrase({ displayName: displayNameSchema, username: usernameSchema }),
    output: recoveryKeyShownSchema,
    access: 'public',
  }),
  /** Creates the separate DEMO register, filled with generated example data, and opens it. */
  'register.createDemo': channel({
    input: newPassphrase({ displayName: displayNameSchema, username: usernameSchema }),
    output: recoveryKeyShownSchema,
    access: 'public',
  }),
  /** Chooses which register (real or demo) the login screen opens; locks the current one. */
  'register.switch': channel({
    input: z.strictObject({ kind: z.enum(['real', 'demo']) }),
    output: sessionStateSchema,
    access: 'public',
  }),
  'session.login': channel({
    input: z.strictObject({ username: usernameSchema, passphrase: passphraseField.min(1, { error: 'validation.required' }) }),
    output: sessionStateSchema,
    access: 'public',
  }),
  'session.recover': channel({
    input: z.strictObject({ username: usernameSchema, recoveryKey: requiredText(80) }),
    output: sessionStateSchema,
    access: 'public',
  }),
  'session.lock': channel({ input: empty, output: sessionStateSchema, access: 'public' }),
  'session.activity': channel({ input: empty, output: empty, access: 'unlocked' }),
  /** Shows again a recovery key that has not been confirmed yet (e.g. after the window was reloaded). */
  'setup.pendingRecoveryKey': channel({ input: empty, output: recoveryKeyShownSchema, access: 'unlocked' }),
  'setup.confirmRecoveryKey': channel({
    input: z.strictObject({ group: z.number().int().positive().max(20), value: requiredText(20) }),
    output: sessionStateSchema,
    access: 'unlocked',
  }),
  'account.changePassphrase': channel({
    input: newPassphrase({ current: passphraseField }),
    output: sessionStateSchema,
    access: 'unlocked',
  }),
  'account.setLocale': channel({
    input: z.strictObject({ locale: localeSchema }),
    output: sessionStateSchema,
    access: ALL_ROLES,
  }),
  'register.overview': channel({
    input: empty,
    output: z.strictObject({
      createdAt: z.string(),
      activeUsers: z.number().int(),
      auditEvents: z.number().int(),
      lastAuditAt: z.string().nullable(),
      schemaVersion: z.number().int(),
    }),
    access: ALL_ROLES,
  }),
  'settings.get': channel({
    input: empty,
    output: z.strictObject({ autoLockMinutes: z.number().int(), saintJohnHoliday: z.boolean() }),
    access: ALL_ROLES,
  }),
  /** 24 June (Saint John, Turin's patron saint) as a holiday when counting working days (docs/summary.md). */
  'settings.setSaintJohnHoliday': channel({
    input: z.strictObject({ holiday: z.boolean() }),
    output: z.strictObject({ saintJohnHoliday: z.boolean() }),
    access: ['admin'],
  }),
  'settings.setAutoLock': channel({
    input: z.strictObject({
      minutes: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' })
        .min(1, { error: 'validation.autoLockRange' }).max(120, { error: 'validation.autoLockRange' }),
    }),
    output: z.strictObject({ autoLockMinutes: z.number().int() }),
    access: ['admin'],
  }),
  'users.list': channel({ input: empty, output: z.array(userRowSchema), access: ['admin'] }),
  'users.create': channel({
    input: newPassphrase({ displayName: displayNameSchema, username: usernameSchema, role: roleSchema }),
    output: userRowSchema,
    access: ['admin'],
  }),
  'users.setRole': channel({
    input: z.strictObject({ userId, role: roleSchema }),
    output: userRowSchema,
    access: ['admin'],
  }),
  /** Disables a user; with `rekey` (the screen's default) replaces the data key at once, so her old slot opens
   * nothing current, and with `deleteOldBackups` deletes the automatic backups made before (docs/security.md). */
  'users.disable': channel({
    input: z.strictObject({ userId, rekey: z.boolean().default(true), deleteOldBackups: z.boolean().default(false) }),
    output: z.strictObject({ user: userRowSchema, rekeyed: z.boolean(), deletedBackups: z.number().int(), state: sessionStateSchema }),
    access: ['admin'],
  }),
  'users.resetPassphrase': channel({
    input: newPassphrase({ userId }),
    output: userRowSchema,
    access: ['admin'],
  }),
  'register.rekey': channel({
    input: z.strictObject({ passphrase: passphraseField.min(1, { error: 'validation.required' }) }),
    output: recoveryKeyShownSchema,
    access: ['admin'],
  }),
  'audit.list': channel({
    input: z.strictObject({
      page: z.number().int().min(1).max(1_000_000),
      pageSize: z.number().int().min(1).max(200),
    }),
    output: z.strictObject({
      rows: z.array(auditRowSchema),
      total: z.number().int(),
      chain: chainReportSchema,
    }),
    access: ['admin', 'coordinator'],
  }),
} as const satisfies Record<string, ChannelSpec>;

export const contract = {
  ...foundationChannels,
  ...placesChannels,
  ...peopleChannels,
  ...staysChannels,
  ...backupChannels,
  ...privacyChannels,
  ...contributionsChannels,
  ...pathwayChannels,
  ...exportsChannels,
  ...summaryChannels,
  ...monthCloseChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

/**
 * Whether a signed-in user with `role` may call `channel`, read from the channel's `access`: the renderer
 * shows a page, a tab or a button exactly when this holds, so a change of access changes the menus too.
 */
export const canCall = (channel: ChannelName, role: Role): boolean => accessAllows(contract[channel].access, role);

/** What the preload exposes as `window.approdo`: one function per channel, the input in, an envelope back. */
export type ApprodoApi = {
  readonly [C in ChannelName]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
};

/** Largest serialised payload accepted on any channel, in characters. */
export const MAX_PAYLOAD_CHARS = 16_384;

/** IPC channel names on the wire are namespaced so nothing else in Electron collides with them. */
export const wireName = (name: ChannelName) => `approdo:${name}`;
