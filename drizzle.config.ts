// drizzle-kit only generates SQL from the schema; the app applies it with its own migrate() at unlock,
// because drizzle-kit cannot open an encrypted register.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/db/schema.ts',
  out: './drizzle',
});
