// Channels for backups, restore and the damaged-register offer (issue 4).
import { z } from 'zod';
import { ALL_ROLES, channel, empty, passphraseField, requiredText, usernameSchema, type Role } from '../schema-kit';

/** A path typed (browser host) or picked from a native dialog (Electron); checked in the main process. */
const pathField = requiredText(1024);

export const backupEntrySchema = z.strictObject({
  file: z.string(),
  name: z.string(),
  createdAt: z.string(),
  size: z.number().int(),
  verified: z.boolean(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** Who may restore a backup over a healthy register, signed in to it (the service checks it; the backups page
 * offers the restore on it). With no register, or a damaged one, anyone holding a credential of the backup may. */
export const RESTORE_ROLES: readonly Role[] = ['admin'];

export const restoreInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('passphrase'),
    file: pathField,
    username: usernameSchema,
    passphrase: passphraseField.min(1, { error: 'validation.required' }),
  }),
  z.strictObject({ kind: z.literal('recovery'), file: pathField, recoveryKey: requiredText(80) }),
]);
export type RestoreInput = z.input<typeof restoreInputSchema>;

export const backupChannels = {
  /** The automatic backups folder and what it holds, newest first. */
  'backup.list': channel({
    input: empty,
    output: z.strictObject({
      folder: z.string(),
      backups: z.array(backupEntrySchema),
      /** Whether this host has a folder chooser (Electron) or the path is typed (browser host). */
      canPickFolder: z.boolean(),
    }),
    access: ALL_ROLES,
  }),
  /** The folder chooser for a manual backup (Electron's native dialog); the browser host returns the typed path. */
  'backup.pickFolder': channel({
    input: z.strictObject({ suggested: z.string().max(1024).nullable() }),
    output: z.strictObject({ folder: z.string().nullable(), native: z.boolean() }),
    access: ['admin'],
  }),
  /** A verified backup into the automatic folder now. */
  'backup.run': channel({ input: empty, output: backupEntrySchema, access: ALL_ROLES }),
  /** A verified backup into a chosen folder (a USB drive); audited. */
  'backup.toFolder': channel({ input: z.strictObject({ folder: pathField }), output: backupEntrySchema, access: ['admin'] }),
  /** For the Today page: when the last verified backup was made, and whether that is more than 7 days ago. */
  'backup.status': channel({
    input: empty,
    output: z.strictObject({ lastVerifiedAt: z.string().nullable(), stale: z.boolean() }),
    access: ALL_ROLES,
    passive: true,
  }),
  /** For the setup and login screens: whether the register was found damaged (and quarantined), and, while
   * restoring needs no session (no register, or a damaged one), the verified automatic backups. */
  'backup.offer': channel({
    input: empty,
    output: z.strictObject({
      damaged: z.boolean(),
      quarantinedAt: z.string().nullable(),
      restoreOpen: z.boolean(),
      backups: z.array(backupEntrySchema),
    }),
    access: 'public',
    passive: true,
  }),
  /** Restores a backup file with a passphrase of a user in it or its recovery key. Public while there is no
   * register or it is damaged; otherwise an admin signed in to the real register (checked by the service).
   * The current register is kept aside (`keptAside`: whether there was one); the session ends locked on the
   * restored one, so the caller re-reads `session.state`. */
  'backup.restore': channel({ input: restoreInputSchema, output: z.strictObject({ keptAside: z.boolean() }), access: 'public' }),
} as const;
