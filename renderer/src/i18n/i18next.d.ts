// Typed translation keys: i18next checks every `t('<section>.<key>')` against the Italian dictionary, so a
// misspelt or removed key fails `tsc -b` instead of showing the raw key on screen.
import 'i18next';
import type { Translation } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
    returnNull: false;
  }
}
