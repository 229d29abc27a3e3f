// The direction a language's text runs in, from its BCP 47 tag. Shared by
// check.mjs and lines.mjs.

// Scripts written right to left (ISO 15924), and languages whose default
// script is, for tags without a script subtag.
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'nkoo', 'rohg', 'syrc', 'thaa', 'mand', 'samr']);
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** `rtl` or `ltr`: the direction text in the language `tag` runs in. */
export function expectedDir(tag) {
  const [language, ...rest] = tag.toLowerCase().split('-');
  const script = rest.find((s) => s.length === 4 && /^[a-z]+$/.test(s));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
