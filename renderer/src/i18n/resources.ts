// The renderer's dictionaries, assembled from one file per feature (docs/i18n.md). Each part holds whole
// top-level sections (`board`, `persons`, …) so a key reads `<section>.<key>` wherever it is defined; two parts
// never share a section (checked here at start-up and by tests/unit/i18n.test.ts).
// No DOM or React here: unit tests read this file in Node.
import * as vocabulary from '../../../electron/shared/i18n/vocabulary';
import * as common from './common';
import * as admission from '../features/admission/i18n';
import * as audit from '../features/audit/i18n';
import * as backups from '../features/backups/i18n';
import * as board from '../features/board/i18n';
import * as contributions from '../features/contributions/i18n';
import * as exportsPart from '../features/exports/i18n';
import * as home from '../features/home/i18n';
import * as monthClose from '../features/month-close/i18n';
import * as pathway from '../features/pathway/i18n';
import * as persons from '../features/persons/i18n';
import * as referrals from '../features/referrals/i18n';
import * as retention from '../features/retention/i18n';
import * as session from '../features/session/i18n';
import * as settings from '../features/settings/i18n';
import * as setup from '../features/setup/i18n';
import * as shell from '../features/shell/i18n';
import * as stays from '../features/stays/i18n';
import * as structures from '../features/structures/i18n';
import * as summary from '../features/summary/i18n';
import * as today from '../features/today/i18n';
import * as users from '../features/users/i18n';

const parts = {
  vocabulary, common, admission, audit, backups, board, contributions, exports: exportsPart, home, monthClose, pathway, persons, referrals, retention, session, settings, setup, shell, stays, structures,
  summary, today, users,
};

/** One language's dictionary: the sections of every part, each section from exactly one part. */
function assemble<L extends 'it' | 'en'>(locale: L): { [P in keyof typeof parts]: (typeof parts)[P][L] }[keyof typeof parts] {
  const out: Record<string, unknown> = {};
  for (const [partName, part] of Object.entries(parts))
    for (const [section, strings] of Object.entries(part[locale])) {
      if (section in out) throw new Error(`i18n: section "${section}" is defined twice (again in ${partName})`);
      out[section] = strings;
    }
  return out as never;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Sections<L extends 'it' | 'en'> = UnionToIntersection<{ [P in keyof typeof parts]: (typeof parts)[P][L] }[keyof typeof parts]>;

/** Italian: the working language, the fallback, and the type of every key `t()` accepts. */
export const it = assemble('it') as Sections<'it'>;
export const en = assemble('en') as Sections<'en'>;
export type Translation = Sections<'it'>;
