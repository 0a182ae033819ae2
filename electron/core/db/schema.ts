// The register's schema (drizzle-orm). Every change here goes through `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Staff who can unlock the register. Their key slots live in the slot file, keyed by this id. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'coordinator', 'operator'] }).notNull(),
  locale: text('locale', { enum: ['it', 'en'] }).notNull().default('it'),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  mustChangePassphrase: integer('must_change_passphrase', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  disabledAt: text('disabled_at'),
});

/** Register-wide settings as key/value pairs (auto-lock minutes, creation time). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Append-only, hash-chained record of every write. Update and delete are refused by triggers. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    recordId: text('record_id'),
    /** JSON array of the names of the fields the write changed (never their values). */
    fields: text('fields').notNull().default(sql`'[]'`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_entity_record').on(t.entity, t.recordId)],
);
