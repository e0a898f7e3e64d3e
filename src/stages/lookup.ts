/**
 * Stage 5, look up: asks the three libraries of extract (compromise for names, libphonenumber-js
 * for phone numbers, linkify-it for links) about the pieces of text extract will scan, and keeps
 * their answers on the document (`data.lookups`). Extract reads the answers and asks only for what
 * is missing, so the record is the same with or without this stage.
 *
 * Why ahead: the pipeline runs a group of documents stage by stage, so each library is asked for
 * a whole group in a row, while its code and tables stay in the processor's caches. Asked in
 * between the other extractors, a compromise call took ~120 µs on the bench corpus; in a loop of
 * its own, ~30 µs.
 */
import { lookupsOf, type Doc } from '../document.js';
import { lookUpNames } from '../extract/people.js';
import { lookUpLinks, lookUpPhones } from '../extract/values.js';
import type { Rules } from '../rules/compile.js';

/** The texts of the ranges extract scans for values (every content range). */
function valueTexts(file: Doc): string[] {
  return file.data.structure!.ranges.map((range) => range.text);
}

/** Names: the content ranges, and quote attributions (`– Wethouder X` names a person of the page). */
export async function lookupNames(file: Doc, rules: Rules): Promise<void> {
  const texts = [...valueTexts(file), ...file.data.structure!.noise.filter((n) => n.rule === 'quote-attribution').map((n) => n.text)];
  await lookUpNames(texts, rules, lookupsOf(file).names);
}

/** Phone numbers of the content ranges. */
export async function lookupPhones(file: Doc): Promise<void> {
  await lookUpPhones(valueTexts(file), lookupsOf(file).phones);
}

/** Links of the content ranges. */
export function lookupLinks(file: Doc, rules: Rules): void {
  lookUpLinks(valueTexts(file), rules, lookupsOf(file).links);
}
