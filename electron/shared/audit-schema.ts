// The audit row as the renderer sees it (settings › audit log, and a person's trail).
import { z } from 'zod';

export const auditRowSchema = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  recordId: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditRow = z.infer<typeof auditRowSchema>;
