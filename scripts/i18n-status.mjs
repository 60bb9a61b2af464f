// Lists, per translated locale, the strings in xliff/<locale>.xlf that have no <target> yet (new since the last
// translation) and exits 1 when any is missing, so `npm run i18n:status` tells a translator what is left to do.
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(new URL('../lit-localize.json', import.meta.url), 'utf8'));
let missing = 0;
for (const locale of config.targetLocales) {
  const xliff = readFileSync(new URL(`../xliff/${locale}.xlf`, import.meta.url), 'utf8');
  for (const [, id, unit] of xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    if (/<target\b/.test(unit)) continue;
    missing++;
    console.log(`${locale}\t${id}\t${unit.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? ''}`);
  }
}
console.log(missing ? `${missing} strings have no translation yet` : 'every string is translated');
process.exitCode = missing ? 1 : 0;
