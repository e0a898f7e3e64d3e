/**
 * Patterns found on the held-out pages (test/holdout, test/holdout2) and made general rules:
 * one test per pattern, each naming it and asserting exact values.
 */
import { recordOf } from '../helpers.js';
import type { CoalitionRecord } from '../../src/schema/record.js';

const page = (body: string, title = 'Coalitie in Breda, Noord-Brabant', subtitle = 'Gemeente Breda') => `${title}\n\n${subtitle}\n\n${body}\n`;
const sections = (r: CoalitionRecord) => r.sections.map((s) => `${s.kind}:${s.heading}`);
const contacts = (r: CoalitionRecord) => r.contacts.map((c) => [c.name, c.role, c.organization, c.phones, c.emails]);

describe('keyword headings (no alias names them)', () => {
  test.each([
    ['Met wie werken we samen?', 'organizations'], ['Wie zitten er in de coalitie?', 'organizations'], ['Netwerkpartners', 'organizations'],
    ['Onze ambities', 'goals'], ['Dit willen we samen bereiken', 'goals'], ['Waar willen we naartoe?', 'goals'],
    ['Plannen', 'activities'], ['Wat gaan we doen?', 'activities'], ['Dit doen we', 'activities'], ['Actiepunten', 'activities'],
    ['Vragen of meedoen?', 'contact'], ['Neem contact op', 'contact'], ['Onze werkwijze', 'approach'],
  ])('`%s` is a %s heading on a coalition page', async (heading, kind) => {
    const r = await recordOf(page(`Inleiding over de aanpak.\n\n${heading}\n\nTekst van de sectie.`));
    expect(sections(r)).toEqual([`${kind}:${heading}`]);
  });
  test('on other pages keywords give no kind; a goal line `Vooral gewoon doen` stays a goal', async () => {
    const other = await recordOf('Nieuws uit de regio\n\nTekst.\n\nVerdere plannen\n\nMeer tekst.\n');
    expect(sections(other)).toEqual(['other:Verdere plannen']);
    const r = await recordOf(page('Inleiding.\n\nDoelstellingen\n\nVooral gewoon doen\nWe beginnen met wat er al is.'));
    expect([sections(r), r.goals.map((g) => [g.text, g.description])]).toEqual([['goals:Doelstellingen'], [['Vooral gewoon doen', 'We beginnen met wat er al is.']]]);
  });
  test('a keyword heading of the section it stands in is a sub-heading; a name line may hold a keyword', async () => {
    const r = await recordOf(page('Huizen Doet Mee\n\nInleiding.\n\nActiviteiten\n\nNieuwe plannen voor jongeren\n\n• Gamemiddag', 'Coalitie in Huizen, Noord-Holland', 'Gemeente Huizen'));
    expect([r.name, sections(r), r.activities.map((a) => a.text)]).toEqual(['Huizen Doet Mee', ['activities:Activiteiten'], ['Gamemiddag']]);
  });
  test('an unknown heading before the first known section starts an `other` section', async () => {
    const r = await recordOf(page('Breda Verbindt\n\nAANLEIDING\n\nIn 2023 bleek uit de monitor dat veel inwoners zich eenzaam voelen.\n\nDOELEN\n\n• Minder eenzaamheid'));
    expect(sections(r)).toEqual(['other:AANLEIDING', 'goals:DOELEN']);
  });
});

describe('titles and municipalities', () => {
  test('an everyday name that starts one official name: Valkenburg, Nuenen', async () => {
    const a = await recordOf(page('Tekst.', 'Coalitie in Valkenburg, Limburg', 'Gemeente Valkenburg aan de Geul'));
    const b = await recordOf(page('Tekst.', 'Coalitie in Nuenen, Noord-Brabant', 'Gemeente Nuenen c.a.'));
    expect([a.id, a.municipality?.code, b.id, b.municipality?.code]).toEqual(['valkenburg-aan-de-geul', 'GM0994', 'nuenen-gerwen-en-nederwetten', 'GM0820']);
  });
  test('the province of the title and `provincie X` are no mentions; hyphen-joined names are', async () => {
    const r = await recordOf(page('Samen met de provincie Groningen en Humanitas Nieuwegein-Houten, niet in Oost-Groningen.', 'Coalitie in Houten, Utrecht', 'Gemeente Houten'));
    expect(r.municipalitiesMentioned.map((m) => m.name)).toEqual(['Houten', 'Nieuwegein']);
  });
  test('names are found at any word that starts one (apostrophes, multi-word names, qualifiers, a name right after another), never inside a word', async () => {
    const r = await recordOf(page(
      "Samen met ’s-Hertogenbosch, Den Haag en Nuenen, Gerwen en Nederwetten; ook Bergen (NH.) en Capelle aan den IJssel. Geen Emmenaar, geen XBreda, wel Tilburg's partners en (gemeente Zundert).",
      'Coalitie in Breda, Noord-Brabant',
    ));
    expect(r.municipalitiesMentioned.map((m) => [m.name, m.span.start.offset])).toEqual([
      ['Breda', 12],
      ["'s-Hertogenbosch", 60],
      ["'s-Gravenhage", 78],
      ['Nuenen, Gerwen en Nederwetten', 90],
      ['Bergen (NH.)', 125],
      ['Capelle aan den IJssel', 141],
      ['Tilburg', 197],
      ['Zundert', 229],
    ]);
  });
  test('HTML: the page starts at its <h1> (skip link and cookie bar before it); captions and the page footer are chrome', async () => {
    const html = '<html><body><a href="#m">Direct naar de inhoud</a><div class="cookie"><p>Ja, prima</p></div><main><h1>Coalitie in Epe, Gelderland</h1><p>Gemeente Epe</p><figure><figcaption>Koffieochtend in Emst</figcaption></figure><p>Tekst over Epe.</p></main><footer><p>Colofon</p><p>Open 9.00–17.00 uur</p></footer></body></html>';
    const r = await recordOf(html, 'epe.html');
    expect([r.title, r.name, r.summary, r.phones]).toEqual(['Coalitie in Epe, Gelderland', null, 'Tekst over Epe.', []]);
  });
});

describe('targets and years', () => {
  test('targets in goal subitems, `tussen X en Y jaar`, `van 52 naar 45 procent`', async () => {
    const r = await recordOf(page('Inleiding.\n\nOnze ambities\n\n• Minder eenzaamheid\n  • Het percentage jongeren tussen 12 en 18 jaar dat zich eenzaam voelt, daalt van 34% naar 28%.\n  • Het percentage 75-plussers daalt van 52 naar 45 procent.'));
    expect(r.targets.map((t) => [t.ageMin, t.ageMax, t.from, t.to, t.unit])).toEqual([[12, 18, 34, 28, '%'], [75, null, 52, 45, '%']]);
  });
  test('a count (`1950 volwassenen`) and an amount (`€ 2000`) are no years; `sinds 2022 vrijwilligers` is', async () => {
    const r = await recordOf(page('Zo’n 1950 volwassenen voelen zich eenzaam. Er is € 2000 subsidie. Het project koppelt sinds 2022 vrijwilligers aan ouderen.'));
    expect(r.years).toEqual([2022]);
  });
  test('opening hours are no phone number: `9.00–17.00 uur`, `09.00-17.00 uur`', async () => {
    const r = await recordOf(page('Contact\n\nBel op werkdagen (9.00–17.00 uur, of 09.00-17.00 uur) naar 0578 - 61 20 40.'));
    expect([r.phones, r.warnings.map((w) => w.code)]).toEqual([['+31578612040'], []]);
  });
  test('an e-mail address with `[at]` and `[punt]`', async () => {
    const r = await recordOf(page('Mail naar dorpendoenmee [at] dorpswerk [punt] nl voor meer.'));
    expect(r.emails).toEqual(['dorpendoenmee@dorpswerk.nl']);
  });
});

describe('people and contacts', () => {
  test('initials with particles and no role word before them are a name (`E. van den Heuvel`, `T. de Boer, netwerkregisseur …`)', async () => {
    const r = await recordOf(page('Contact\n\nContactpersoon: E. van den Heuvel\n\nT. de Boer, netwerkregisseur Welzijn Breda\nMail: t.deboer@welzijnbreda.nl'));
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['E. van den Heuvel', null], ['T. de Boer', 'netwerkregisseur Welzijn Breda']]);
    expect(contacts(r)).toEqual([
      ['E. van den Heuvel', null, null, [], []],
      ['T. de Boer', 'netwerkregisseur Welzijn Breda', null, [], ['t.deboer@welzijnbreda.nl']],
    ]);
  });
  test('`Name – role, organisation` and `Functie:` lines', async () => {
    const r = await recordOf(page('Contact\n\nYvonne Schreurs – projectleider, gemeente Breda\nTel. 076 529 49 00\n\nContactpersoon: Dennis Hendriksen\nFunctie: buurtsportcoach\nMail: d.hendriksen@breda.nl'));
    expect(contacts(r)).toEqual([
      ['Yvonne Schreurs', 'projectleider', 'gemeente Breda', ['+31765294900'], []],
      ['Dennis Hendriksen', 'buurtsportcoach', null, [], ['d.hendriksen@breda.nl']],
    ]);
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Yvonne Schreurs', 'projectleider'], ['Dennis Hendriksen', null]]);
  });
  test('a role line under a bare name line; a prose line below is not the person’s', async () => {
    const r = await recordOf(page('Contact\n\nRuud van Dongen\nBeleidsadviseur, gemeente Breda\n0416 - 28 91 37\n\nVoor algemene vragen: gemeente Breda, telefoon 14 076.'));
    expect(contacts(r)).toEqual([['Ruud van Dongen', 'Beleidsadviseur', 'gemeente Breda', ['+31416289137'], []]]);
    expect(r.phones).toEqual(['+31416289137', '+3114076']);
  });
  test('a later sentence is the person’s only when it is about the person', async () => {
    const r = await recordOf(page('Contact\n\nNeem contact op met Hanneke Scholten via 038 - 331 42 60. Hij is bereikbaar via h.scholten@welzijn.nl. Voor algemene vragen kunt u de gemeente bellen op 14 038.'));
    expect(contacts(r)).toEqual([['Hanneke Scholten', null, null, ['+31383314260'], ['h.scholten@welzijn.nl']]]);
  });
  test('`coördinator X bij Stichting Y`, compound roles, a name after a contact phrase without a lexicon first name', async () => {
    const r = await recordOf(page('Meer weten?\n\nBel met Marije Bosma, coördinator eenzaamheid bij Stichting Welzijn Breda, 076 - 522 79 40. Of met jongerenwerker Naima Bouzid, 06 - 38 55 12 07.'));
    expect(contacts(r)).toEqual([
      ['Marije Bosma', 'coördinator eenzaamheid', 'Stichting Welzijn Breda', ['+31765227940'], []],
      ['Naima Bouzid', 'jongerenwerker', null, ['+31638551207'], []],
    ]);
  });
  test('a desk line with data below it; a paragraph of a contact line and data outside the contact section', async () => {
    const r = await recordOf(page('Regio Noord\n\nHester Kuipers, regioadviseur Noord\nTelefoon: 06 - 47 12 38 90\n\nContact\n\nInformatiepunt Breda Samen\nTelefoon: 076 - 524 96 00\nE-mail: info@bredasamen.nl'));
    expect(contacts(r)).toEqual([
      ['Hester Kuipers', 'regioadviseur Noord', null, ['+31647123890'], []],
      ['Informatiepunt Breda Samen', null, null, ['+31765249600'], ['info@bredasamen.nl']],
    ]);
    expect(r.people.map((p) => p.name)).toEqual(['Hester Kuipers']);
  });
  test('double surnames, `van ’t`, `Oude`; no person in a saint’s name, an organisation item or a compound', async () => {
    const r = await recordOf(page('Mieke Janssen-Houben, Kees van \'t Hof en wethouder Gerben Oude Kotte openen de Harmonie Sint-Cecilia Schin.\n\nPartners\n\n• Parochie H. Johannes de Doper'));
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Mieke Janssen-Houben', null], ["Kees van 't Hof", null], ['Gerben Oude Kotte', 'wethouder']]);
  });
});

describe('patterns of the third held-out set', () => {
  test('`Wat staat er op de planning?`, `Wat er al gebeurt`, `Zo pakken we het aan` headings', async () => {
    const r = await recordOf(page('Inleiding.\n\nWat staat er op de planning?\n\nTekst.\n\nZo pakken we het aan\n\nTekst.\n\nWat er al gebeurt\n\nTekst.'));
    expect(sections(r)).toEqual(['activities:Wat staat er op de planning?', 'approach:Zo pakken we het aan', 'activities:Wat er al gebeurt']);
  });
  test('ages `van 19 tot en met 64 jaar`', async () => {
    const r = await recordOf(page('Inleiding.\n\nDoelen\n\n• Het percentage inwoners van 19 tot en met 64 jaar dat zich eenzaam voelt, verlagen van 40% naar 35%.'));
    expect(r.targets.map((t) => [t.ageMin, t.ageMax, t.from, t.to])).toEqual([[19, 64, 40, 35]]);
  });
  test('desks without a colon: `Wijkteam Breda, 076 …` and `Bel de Praatlijn via 0800 …`; not `Meer informatie via 088 …`', async () => {
    const r = await recordOf(page('Contact\n\nWijkteam Breda, 076 - 529 49 00 (werkdagen 8.30-17.00 uur)\n\nBel de Praatlijn via 0800 - 2525. Meer informatie via 088 - 123 45 67.'));
    expect(contacts(r)).toEqual([
      ['Wijkteam Breda', null, null, ['+31765294900'], []],
      ['Praatlijn', null, null, ['+318002525'], []],
    ]);
  });
  test('a contact block of name, role line, organisation line and data; `Coördinator:` as a role label', async () => {
    const r = await recordOf(page('Contact\n\nYvonne Geers\ncoördinator Samen aan de Zoom\nWijZijn Traverse Groep\n0164 - 27 90 12\n\nCoördinator: Gerrit-Jan Post\nTel.: 0527 - 63 38 10'));
    expect(contacts(r)).toEqual([
      ['Yvonne Geers', 'coördinator Samen aan de Zoom', 'WijZijn Traverse Groep', ['+31164279012'], []],
      ['Gerrit-Jan Post', 'coördinator', null, ['+31527633810'], []],
    ]);
  });
  test('`coördinator (Mens De Bilt)`; a role with digits (`coördinator Samen010`); no person after `de` (`in de Kees Boekezaal`)', async () => {
    const r = await recordOf(page('Contact\n\nMargreet de Wit, coördinator (Mens De Bilt) – 030 - 220 64 00\n\nBram ter Horst, coördinator Samen010\n\nHet Buurtcafé in de Kees Boekezaal.'));
    expect(contacts(r).map((c) => c.slice(0, 3))).toEqual([['Margreet de Wit', 'coördinator', 'Mens De Bilt'], ['Bram ter Horst', 'coördinator Samen010', null]]);
    expect(r.people.map((p) => p.name)).toEqual(['Margreet de Wit', 'Bram ter Horst']);
  });
  test('no year inside a phone number; `Bergen (NH)` without the dot; a breadcrumb row is chrome; a caption glued at a lower/upper seam', async () => {
    const r = await recordOf(page('Agenda | Zeeuws-Vlaanderen\n\nBeeldmerk Breda VerbindtBreda werkt sinds 2020 samen met Bergen (NH) en veel andere gemeenten in het land.\n\nBel +31 6 4815 2093.'));
    expect([r.years, r.municipalitiesMentioned.map((m) => m.name), r.sections, r.summary]).toEqual([
      [2020], ['Breda', 'Bergen (NH.)'], [], 'Breda werkt sinds 2020 samen met Bergen (NH) en veel andere gemeenten in het land.\n\nBel +31 6 4815 2093.',
    ]);
  });
});

describe('patterns of the fourth held-out set', () => {
  test('decorated headings: `>> Contact`, `» Onze doelen`, `— Doelen —`; an attribution `— Name, role` is no heading', async () => {
    const r = await recordOf(page('Inleiding.\n\n>> Wat willen we bereiken\n\n• Minder eenzaamheid\n\n» Wie doen er mee?\n\n• Welzijn Breda\n\n— Contact —\n\ninfo@breda.nl'));
    expect(sections(r)).toEqual(['goals:Wat willen we bereiken', 'organizations:Wie doen er mee?', 'contact:Contact']);
  });
  test('`✓` and `►` bullets, Word `o` sub-bullets', async () => {
    const r = await recordOf(page('Inleiding.\n\nDoelen\n\n✓ Eenzaamheid bespreekbaar maken\n    o   in de huisartsenpraktijk\n    o   op school\n► Meer ontmoeting'));
    expect(r.goals.map((g) => [g.text, g.subitems ?? []])).toEqual([['Eenzaamheid bespreekbaar maken', ['in de huisartsenpraktijk', 'op school']], ['Meer ontmoeting', []]]);
  });
  test('organisations one per line, or separated by `;` or ` / `', async () => {
    const r = await recordOf(page('Inleiding.\n\nPartners\n\nGemeente Breda\nHumanitas Breda e.o.\nKBO Breda\n\nDeelnemers\n\nWelzijn Breda; Rode Kruis Breda / Bibliotheek Breda'));
    // Trailing `.` is list punctuation (SPEC §3: text as written, trailing `;`/`.` removed).
    expect(r.organizations.map((o) => o.name)).toEqual(['Gemeente Breda', 'Humanitas Breda e.o', 'KBO Breda', 'Welzijn Breda', 'Rode Kruis Breda', 'Bibliotheek Breda']);
  });
  test('`T:`/`M:`/`E:` labels, label parts joined by ` | `, and a Markdown two-cell table', async () => {
    const r = await recordOf(page('Contact\n\nGerda Hofstee, coördinator\nT: 0594 - 50 88 20\nM: 06.41.27.93.05\nE: g.hofstee@welwest.nl\n\nContactpersoon: Roos Jacobs | Functie: kwartiermaker | Tel: 06 - 48 15 39 62\n\n| Contactpersoon | Ingrid Boon |\n|---|---|\n| Functie | coördinator Soest Samen |\n| Telefoon | 035 - 603 44 10 |'));
    expect(contacts(r)).toEqual([
      ['Gerda Hofstee', 'coördinator', null, ['+31594508820', '+31641279305'], ['g.hofstee@welwest.nl']],
      ['Roos Jacobs', 'kwartiermaker', null, ['+31648153962'], []],
      ['Ingrid Boon', 'coördinator Soest Samen', null, ['+31356034410'], []],
    ]);
  });
  test('HTML: <dt>/<dd> read as labels; a mailto link named after the person gives the address, to the same contact', async () => {
    const html = '<h1>Coalitie in Breda, Noord-Brabant</h1><p>Gemeente Breda</p><h2>Contact</h2><dl><dt>Contactpersoon</dt><dd>Sharda Ramdin</dd><dt>Telefoon</dt><dd>076 - 539 27 00</dd></dl><p>Of mail <a href="mailto:s.ramdin@breda.nl">Sharda Ramdin</a>.</p>';
    const r = await recordOf(html, 'breda.html');
    expect([contacts(r), r.emails]).toEqual([[['Sharda Ramdin', null, null, ['+31765392700'], ['s.ramdin@breda.nl']]], ['s.ramdin@breda.nl']]);
  });
  test('a prose sentence in the contact section is no contact; a first name makes a place name a surname', async () => {
    const r = await recordOf(page('Contact\n\nSteunpunt Breda Samen (Welzijn Breda)\nT 076 - 529 49 00\n\nIn 2023 tekenden veertien organisaties het pact, vertelt wethouder Marjolein Roosendaal trots aan iedereen die het wil horen.'));
    expect([contacts(r), r.municipalitiesMentioned.map((m) => m.name)]).toEqual([[['Steunpunt Breda Samen', null, 'Welzijn Breda', ['+31765294900'], []]], ['Breda']]);
  });
  test('`hebben.In` (a missing space) and `tel.nr` are no web addresses; a Postbus number is no year; `van 47% (2022) naar 42%`, `65 jaar en ouder`', async () => {
    const r = await recordOf(page('Wij hebben.In Breda, Postbus 1990, tel.nr.: 076 - 529 49 00.\n\nDoelen\n\n• Het percentage ouderen (65 jaar en ouder) daalt van 47% (2022) naar 42% (2026).'));
    expect([r.websites, r.years, r.targets.map((t) => [t.ageMin, t.from, t.to])]).toEqual([[], [2022, 2026], [[65, 47, 42]]]);
  });
  test('a name line in quotes', async () => {
    const r = await recordOf(page('"Noaberschap Breda"\n\nTekst.'));
    expect(r.name).toBe('Noaberschap Breda');
  });
  test('`Wissink-te Lintelo`, `maatje`, a mailto address between name and role, no person named after a place', async () => {
    const html = '<h1>Coalitie in Breda, Noord-Brabant</h1><p>Gemeente Breda</p><p>Wethouder Hanneke Wissink-te Lintelo sprak met maatje Gerrit Jan Bakker.</p><h2>Contact</h2><p>Noaberschap Breda</p><p>Mail <a href="mailto:k.zwart@breda.nl">Karin Zwart</a>, kwartiermaker bij Stichting Welzijn Breda.</p>';
    const r = await recordOf(html, 'breda.html');
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Hanneke Wissink-te Lintelo', 'wethouder'], ['Gerrit Jan Bakker', 'maatje'], ['Karin Zwart', 'kwartiermaker']]);
  });
});

describe('patterns of the fifth held-out set', () => {
  test('`X (Org A) en Y (gemeente B)`: each name its own organisation; a later `Mobiel X:` line is the same contact', async () => {
    const r = await recordOf(page('Contact\n\nContactpersonen: Sandra Peeters (Stichting Welzijn Breda) en Rob Jacobs (gemeente Breda)\nMobiel Sandra Peeters: 06 - 53 81 29 47'));
    expect(contacts(r)).toEqual([
      ['Sandra Peeters', null, 'Stichting Welzijn Breda', ['+31653812947'], []],
      ['Rob Jacobs', null, 'gemeente Breda', [], []],
    ]);
  });
  test('a desk with a description in parentheses; the coalition’s own name in the contact section is no person', async () => {
    const r = await recordOf(page('Breda Ontmoet\n\nInleiding.\n\nContact\n\nBreda Ontmoet\nContactpersoon: Anna de Vries\nTelefoon: 076 - 529 49 00\n\nZilveren Lijn (belservice voor ouderen): 06 - 48 27 15 93'));
    expect([contacts(r), r.people.map((p) => p.name)]).toEqual([
      [['Anna de Vries', null, null, ['+31765294900'], []], ['Zilveren Lijn', null, null, ['+31648271593'], []]],
      ['Anna de Vries'],
    ]);
  });
  test('`Bergen` on a Limburg page is Bergen (L.); a village in a list of the page’s places is no mention elsewhere', async () => {
    const limburg = await recordOf(page('Samen met de gemeenten Bergen, Mook en Middelaar.', 'Coalitie in Gennep, Limburg', 'Gemeente Gennep'));
    const lochem = await recordOf(page('De kernen Lochem, Gorssel, Laren en Almen.', 'Coalitie in Lochem, Gelderland', 'Gemeente Lochem'));
    expect([limburg.municipalitiesMentioned.map((m) => m.name), lochem.municipalitiesMentioned.map((m) => m.name)]).toEqual([
      ['Gennep', 'Bergen (L.)', 'Mook en Middelaar'],
      ['Lochem'],
    ]);
  });
  test('goals numbered inside one paragraph are goals of their own', async () => {
    const r = await recordOf(page('Inleiding.\n\nDoelen\n\nWe hebben drie doelen. 1. Iedereen weet waar hij terecht kan. 2. Er zijn meer ontmoetingsplekken. 3. Het percentage eenzamen daalt van 9% naar 7%.'));
    expect([r.goals.map((g) => g.text), r.targets.map((t) => [t.from, t.to])]).toEqual([
      ['Iedereen weet waar hij terecht kan.', 'Er zijn meer ontmoetingsplekken.', 'Het percentage eenzamen daalt van 9% naar 7%.'],
      [[9, 7]],
    ]);
  });
});

