// Fills xliff/qps-ploc.xlf, the QA pseudo-locale, from the English sources: every letter accented, each string about
// a third longer and wrapped in ⟦…⟧, placeholders (<x …/>) and XML entities kept as they are. A string that is cut
// off, not translated, or built by concatenation shows at a glance. Run by `npm run i18n:extract`; never edit by hand.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../xliff/qps-ploc.xlf', import.meta.url);

const ACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i],
  ]),
);

/** Padding that grows a string by about 35% of its letters, so layouts are tested with longer languages. */
const padding = (letters) => (letters ? ' ' + '·'.repeat(Math.max(1, Math.ceil(letters * 0.35))) : '');

/** Pseudo-translates the inner XML of a <source>: text is accented, `<x …/>` tags and `&…;` entities pass through. */
export function pseudoLocalize(sourceXml) {
  let letters = 0;
  const body = sourceXml.replace(/(<[^>]*>|&[#\w]+;)|([^<&]+)/g, (_, kept, text) => {
    if (kept) return kept;
    return text.replace(/[A-Za-z]/g, (letter) => (letters++, ACCENTED[letter]));
  });
  return `⟦${body}${padding(letters)}⟧`;
}

export function fillPseudoLocale(xliff) {
  // Old targets go first wherever they stand (a <note> may sit between source and target), then one per source.
  return xliff
    .replace(/\s*<target\b[^>]*>[\s\S]*?<\/target>/g, '')
    .replace(
      /(<source>)([\s\S]*?)(<\/source>)/g,
      (_, open, source, close) => `${open}${source}${close}\n  <target state="translated">${pseudoLocalize(source)}</target>`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = readFileSync(FILE, 'utf8');
  const after = fillPseudoLocale(before);
  writeFileSync(FILE, after);
  const units = (after.match(/<trans-unit\b/g) ?? []).length;
  console.log(`xliff/qps-ploc.xlf: ${units} pseudo-translated strings`);
}
