/** Warnings about the whole document: what a reviewer should look at. */
import type { CoalitionRecord } from '../schema/record.js';
import { fold, hasLowerUpper } from '../util/text.js';
import type { Context } from './context.js';
import { lookup } from './municipalities.js';

/** Adds the document-level warnings to the context. */
export function documentWarnings(record: CoalitionRecord, context: Context): void {
  const { structure, rules } = context;
  const sections = structure.sections.slice(1);

  for (const section of sections) {
    if (section.blocks.length === 0) context.warn('empty-section', `Section \`${section.heading!.text}\` is empty`, section.heading!);
  }

  if (record.kind === 'coalition') {
    if (!sections.some((s) => s.kind === 'contact')) context.warn('no-contact', 'Expected a contact section, found none');
    else if (record.contacts.length === 0 && record.emails.length === 0 && record.phones.length === 0) {
      const contact = sections.find((s) => s.kind === 'contact')!;
      context.warn('no-contact-data', 'Expected a contact person, e-mail address or phone number in the contact section, found none', contact.heading!);
    }
  }

  const place = structure.place;
  if (place?.writtenProvince && place.writtenProvince !== place.province) {
    context.warn('title-mismatch', `Title places \`${place.name}\` in \`${place.writtenProvince}\`, the register in \`${place.province}\``, place.range);
  }
  if (place && structure.subtitle) {
    const sub = rules.subtitles.map((re) => re.exec(structure.subtitle!.text)?.groups?.place).find(Boolean);
    if (sub && !lookup(sub, rules, place.province).includes(place.code)) {
      context.warn('title-mismatch', `Title names \`${place.name}\`, the sub-title \`${sub}\``, structure.subtitle);
    }
  }
  if (!place && structure.title) {
    for (const re of rules.coalitionTitles) {
      const written = re.exec(structure.title.text)?.groups?.place;
      if (written && lookup(written, rules).length === 0 && !rules.municipalities.provinces.has(fold(written))) {
        context.warn('unknown-municipality', `Unknown municipality \`${written}\` in the title, expected a name from the CBS register`, structure.title);
        break;
      }
    }
  }

  for (const range of [...structure.ranges, ...structure.noise]) {
    // Glued words need a lower-case letter right before a capital: most ranges have none.
    if (!hasLowerUpper(range.text)) continue;
    const re = rules.gluedWords;
    re.lastIndex = 0;
    for (let m = re.exec(range.text); m; m = re.exec(range.text)) {
      const start = range.start + m.index;
      const word = /\S*$/u.exec(range.text.slice(0, m.index))![0] + m[0];
      context.warn('glued-words', `Unexpected glued words \`${word}\`, expected a space before \`${m.groups!.right}\``, { start, end: start + m[0].length });
    }
  }

  const last = structure.ranges[structure.ranges.length - 1];
  if (last && last.text.split(/\s+/u).length > 8 && !/[.!?)"'’”:;]$/u.test(last.text) && !/[@/]|\.\p{L}{2,}$/u.test(last.text)) {
    context.warn('cut-off', `The text seems cut off mid-sentence after \`${last.text.split(/\s+/u).slice(-3).join(' ')}\``, last);
  }
}
