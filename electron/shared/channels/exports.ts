// Channels of what leaves the register as a file for people outside it (docs/privacy.md, "Nominal list").
import { z } from 'zod';
import { monthSchema } from './summary';
import { MANAGERS, channel, localeSchema, newPassphrase, requiredText } from '../schema-kit';

/** A file the main process produced: saved through the native dialog (Electron; `saved` false when the
 * user cancelled, no bytes sent) or handed to the renderer as `base64` for a download (browser host). */
export const deliveredFileSchema = z.strictObject({
  fileName: z.string(),
  saved: z.boolean().nullable(),
  base64: z.string().nullable(),
});

export const exportsChannels = {
  /** The persons served in a month, with their names, for an audit: an AES-256 encrypted ZIP under a
   * passphrase given now (the passphrase rule of the accounts), with the reason recorded in the audit. */
  'exports.nominalList': channel({
    input: newPassphrase({ month: monthSchema, reason: requiredText(300), locale: localeSchema.optional() }),
    output: deliveredFileSchema.extend({ rows: z.number().int() }),
    access: MANAGERS,
  }),
} as const;
