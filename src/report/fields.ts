/** The fields the review page highlights: their order, colours and short labels. */

/** Every highlighted field, in record order; the index of a field is its number in the page data. */
export const reportFields = [
  'title', 'name', 'summary', 'municipality', 'municipalitiesMentioned', 'goals', 'targets', 'activities', 'organizations',
  'contacts', 'people', 'emails', 'phones', 'websites', 'years', 'sections', 'warnings',
] as const;

/** A highlighted field. */
export type ReportField = (typeof reportFields)[number];

/** How a field looks: background of its highlights, colour of their underline, and the index's column label. */
export interface FieldStyle {
  background: string;
  line: string;
  /** `solid`, `dashed`, `dotted` or `double`: a second cue besides the colour. */
  border: string;
  short: string;
}

/** One style per field; hues chosen to stay apart when nested (a phone inside a contact, a year inside the summary). */
export const fieldStyles: Record<ReportField, FieldStyle> = {
  title: { background: '#ffe39a', line: '#b07800', border: 'solid', short: 'title' },
  name: { background: '#ffc8a0', line: '#c85a00', border: 'solid', short: 'name' },
  summary: { background: '#eef1f6', line: '#8c9bb0', border: 'dotted', short: 'summ' },
  municipality: { background: '#a9dcff', line: '#1565c0', border: 'solid', short: 'mun' },
  municipalitiesMentioned: { background: '#d5e6ff', line: '#5c7fd0', border: 'dashed', short: 'munis' },
  goals: { background: '#c5efbd', line: '#2e8b2e', border: 'solid', short: 'goals' },
  targets: { background: '#9ff0d8', line: '#00896b', border: 'double', short: 'targ' },
  activities: { background: '#e4f4a0', line: '#7d9400', border: 'dashed', short: 'act' },
  organizations: { background: '#e2d0ff', line: '#6a3d9a', border: 'solid', short: 'orgs' },
  contacts: { background: '#ffcdea', line: '#c2187a', border: 'solid', short: 'cont' },
  people: { background: '#f8cfc0', line: '#a0401a', border: 'dashed', short: 'ppl' },
  emails: { background: '#b8f2f2', line: '#00808c', border: 'solid', short: 'email' },
  phones: { background: '#fff59a', line: '#8a7a00', border: 'double', short: 'phone' },
  websites: { background: '#cfe0ff', line: '#2a3fb0', border: 'dotted', short: 'web' },
  years: { background: '#dddddd', line: '#555555', border: 'solid', short: 'years' },
  sections: { background: '#ecdcc0', line: '#8b6233', border: 'double', short: 'sect' },
  warnings: { background: '#ffd6d6', line: '#d40000', border: 'dashed', short: 'warn' },
};
