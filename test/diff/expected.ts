/** The expected reports of the fixture datasets (old → new), shared by the renderer and CLI tests. */

const R = 'input/004_5e9e29e7f646534a.txt';

/** The text report of the fixtures. */
export const expectedText = `Dataset diff: old → new
Records: 1 added, 1 removed, 1 changed, 3 unchanged
Fields changed:
  title          1 record
  name           1 record
  organizations  +1 -1 ~1 in 1 record
  phones         +1 in 1 record

+ hillegom  input/005_hillegom.txt
- westland  input/003_50a3185e2e5032f2.txt

~ rijswijk  ${R}
  title
    - Coalitie in Rijswijk, Zuid-Holland
    + Coalitie in Rijswijk (ZH.), Zuid-Holland  ${R}:1
  name
    - (none)
    + Samen tegen eenzaamheid  ${R}:3
  organizations
    - Optisport
    + Bibliotheek Rijswijk  ${R}:41
    ~ Haaglanden Beweegt en Sportief Plus  type: sports → welfare  ${R}:33
  phones
    + +31701234567  ${R}:46

2 unchanged records differ only in spans, source, warnings, whitespace or case: lansingerland, lisse
`;

/** The JSON report of the fixtures. */
export const expectedJson = {
  summary: {
    added: 1, removed: 1, changed: 1, unchanged: 3,
    fields: { title: { records: 1 }, name: { records: 1 }, organizations: { records: 1, added: 2, removed: 2 }, phones: { records: 1, added: 1, removed: 0 } },
  },
  added: ['hillegom'],
  removed: ['westland'],
  changed: [
    {
      id: 'rijswijk',
      fields: {
        title: { old: 'Coalitie in Rijswijk, Zuid-Holland', new: 'Coalitie in Rijswijk (ZH.), Zuid-Holland' },
        name: { old: null, new: 'Samen tegen eenzaamheid' },
        organizations: { added: ['Bibliotheek Rijswijk', 'Haaglanden Beweegt en Sportief Plus'], removed: ['Optisport', 'Haaglanden Beweegt en Sportief Plus'] },
        phones: { added: ['+31701234567'], removed: [] },
      },
    },
  ],
};
