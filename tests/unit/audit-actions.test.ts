// Every audit action and field name the code writes has an Italian and an English label: the audit screens
// and the subject-access PDF never show a raw key such as `placement.create` or `personId`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, AUDIT_FIELDS, auditActionLabel, auditFieldLabel } from '../../electron/shared/audit-actions';

const root = resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const core = sources(join(root, 'electron/core')).map((path) => readFileSync(path, 'utf8')).join('\n');
// The benchmark writes audit events too (with dummy field names, not shown anywhere).
const code = `${core}\n${readFileSync(join(root, 'scripts/bench.ts'), 'utf8')}`;

describe('audit labels', () => {
  it('gives every listed action and field a label in both languages, distinct within each language', () => {
    for (const table of [AUDIT_ACTIONS, AUDIT_FIELDS] as Record<string, { it: string; en: string }>[]) {
      for (const [key, label] of Object.entries(table)) {
        expect(label.it.trim(), `${key} (it)`).not.toBe('');
        expect(label.en.trim(), `${key} (en)`).not.toBe('');
      }
    }
    for (const locale of ['it', 'en'] as const) {
      const labels = AUDIT_ACTION_NAMES.map((a) => auditActionLabel(a, locale));
      expect(new Set(labels).size, `${locale}: two actions share a label`).toBe(labels.length);
    }
  });

  it('lists every action written in the code (literal, or built from a known set)', () => {
    const literal = [...code.matchAll(/action: '([a-zA-Z_.]+)'/g)].map((m) => m[1]!);
    const chosen = [...code.matchAll(/action: [^,'?]*\? '([a-zA-Z_.]+)' : '([a-zA-Z_.]+)'/g)].flatMap((m) => [m[1]!, m[2]!]);
    const built = ['stay.correctDate', 'placement.correctDate', 'referral.declined', 'referral.withdrawn', 'person.updateRefused', 'person.subjectAccessRefused'];
    const missing = [...new Set([...literal, ...chosen, ...built])].filter((a) => !(a in AUDIT_ACTIONS) && a !== 'deny');
    expect(missing).toEqual([]);
    expect(literal.length).toBeGreaterThan(40);
  });

  it('labels every field name listed literally in an audit event', () => {
    const fields = [...core.matchAll(/(?:audit|appendAudit)\((?:tx, )?\{[^}]*?fields: [^[\n]*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-zA-Z_.]+)'/g)].map((f) => f[1]!));
    const missing = [...new Set(fields)].filter((f) => !(f in AUDIT_FIELDS));
    expect(missing).toEqual([]);
    expect(auditFieldLabel('personId', 'it')).toBe('persona');
    expect(auditActionLabel('placement.create', 'it')).toBe('posto assegnato');
    expect(auditActionLabel('unknown.action', 'en')).toBe('unknown.action');
  });
});
