// The shape of a translation dictionary (how to add strings: docs/i18n.md). Italian is the working language
// and the source of truth; every other language is typed as `Dictionary<typeof it>`: the same keys, every leaf
// a string, so a missing or extra key fails `tsc -b`. Plurals are two keys, `<key>_one` and `<key>_other`
// (i18next picks one from `count`), present in both languages.
export type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };
