/** One test per text pattern of issue 3: each names the pattern and asserts exact values. */
import { recordOf } from '../helpers.js';
import type { CoalitionRecord } from '../../src/schema/record.js';

const page = (body: string, title = 'Coalitie in Breda, Noord-Brabant') => `${title}\n\nGemeente Breda\n\n${body}\n`;
const sections = (r: CoalitionRecord) => r.sections.map((s) => `${s.kind}:${s.heading}`);
const names = (items: { name: string }[]) => items.map((i) => i.name);
const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('headings', () => {
  test.each([
    ['Doelstellingen', 'goals'], ['Doelen', 'goals'], ['Doelstelling', 'goals'], ['Ambitie', 'goals'], ['Wat willen we bereiken?', 'goals'],
    ['Wat wil gemeente Breda bereiken?', 'goals'], ['Deelnemende organisaties', 'organizations'], ['Partners', 'organizations'],
    ['Coalitiepartners', 'organizations'], ['Samenwerkingspartners', 'organizations'], ['Kerngroep', 'organizations'], ['Wie doen er mee?', 'organizations'],
    ['Samenwerking', 'organizations'], ['Contact', 'contact'], ['Contactgegevens', 'contact'], ['Meer informatie', 'contact'], ['Meer weten?', 'contact'],
    ['Activiteiten', 'activities'], ['Acties', 'activities'], ['Wat doen we?', 'activities'], ['De Bredase aanpak', 'approach'], ['Hoe pakken we het aan?', 'approach'],
  ])('alias `%s` is a %s heading', async (heading, kind) => {
    const r = await recordOf(page(`Inleiding over de aanpak.\n\n${heading}\n\nTekst van de sectie.`));
    expect(sections(r)).toEqual([`${kind}:${heading}`]);
  });
  test('trailing colon, capitals, numbering and Markdown headings', async () => {
    const r = await recordOf(page('Inleiding.\n\nDOELSTELLINGEN:\n\n• Minder eenzaamheid\n\n2. Partners\n\n• Welzijn Breda\n\nContact:\n\ninfo@breda.nl'));
    expect(sections(r)).toEqual(['goals:DOELSTELLINGEN', 'organizations:Partners', 'contact:Contact']);
    const md = await recordOf('# Coalitie in Breda, Noord-Brabant\n\nGemeente Breda\n\nInleiding.\n\n## Doelen\n\n- Minder eenzaamheid\n', 'input.md');
    expect([md.title, sections(md), texts(md.goals)]).toEqual(['Coalitie in Breda, Noord-Brabant', ['goals:Doelen'], ['Minder eenzaamheid']]);
  });
  test('a heading followed by its text on the very next line', async () => {
    const r = await recordOf(page('Inleiding.\n\nActiviteiten\nWe organiseren elke week een koffieochtend in de bibliotheek.'));
    expect([sections(r), texts(r.activities)]).toEqual([['activities:Activiteiten'], ['We organiseren elke week een koffieochtend in de bibliotheek.']]);
  });
  test('a label line such as `Cultuur:` opens a sub-part, not a section', async () => {
    const r = await recordOf(page('Inleiding.\n\nActiviteiten\n\nCultuur:\n\n• Voorleesmiddag\n\nSport:\n\n• Wandelclub'));
    expect([sections(r), texts(r.activities)]).toEqual([['activities:Activiteiten'], ['Voorleesmiddag', 'Wandelclub']]);
  });
});

describe('lists', () => {
  test.each([['•'], ['-'], ['*'], ['·'], ['–'], ['1.'], ['1)']])('items marked `%s`', async (marker) => {
    const r = await recordOf(page(`Inleiding.\n\nDoelen\n\n${marker} Minder eenzaamheid\n${marker} Meer ontmoeting`));
    expect(texts(r.goals)).toEqual(['Minder eenzaamheid', 'Meer ontmoeting']);
  });
  test('nesting by spaces or tabs becomes subitems', async () => {
    const r = await recordOf(page('Inleiding.\n\nDoelen\n\n• Ontmoeting\n\t– in de wijk\n\t– in het dorp\n• Signaleren\n    - door huisartsen'));
    expect(r.goals.map((g) => [g.text, g.subitems ?? []])).toEqual([['Ontmoeting', ['in de wijk', 'in het dorp']], ['Signaleren', ['door huisartsen']]]);
  });
  test('no blank line before the list; items ending in `;` and a final `en`', async () => {
    const r = await recordOf(page('Inleiding.\n\nPartners\n\nDe coalitie bestaat uit:\n• Welzijn Breda;\n• Bibliotheek Breda;\n• en gemeente Breda.'));
    expect(names(r.organizations)).toEqual(['Welzijn Breda', 'Bibliotheek Breda', 'gemeente Breda']);
  });
  test('items that are headings of the paragraph after them (the five pillars pattern)', async () => {
    const r = await recordOf(page('Inleiding.\n\nDoelstellingen\n\nSamen sterk\nWe werken samen met alle partners.\n\nVroeg signaleren\nWe zien eenzaamheid eerder.'));
    expect(r.goals.map((g) => [g.text, g.description])).toEqual([['Samen sterk', 'We werken samen met alle partners.'], ['Vroeg signaleren', 'We zien eenzaamheid eerder.']]);
  });
  test('`Stap 1: …` lines are items', async () => {
    const r = await recordOf(page('Inleiding.\n\nActies\n\nStap 1: We maken een sociale kaart.\nStap 2: We trainen vrijwilligers.'));
    expect(texts(r.activities)).toEqual(['Stap 1: We maken een sociale kaart.', 'Stap 2: We trainen vrijwilligers.']);
  });
});

describe('organisations in prose', () => {
  test('`De coalitie bestaat uit de volgende partijen: A, B (C), D en gemeente E.`', async () => {
    const r = await recordOf(page('Inleiding.\n\nPartners\n\nDe coalitie bestaat uit de volgende partijen: Welzijn Breda, Zorggroep Oost (ZGO), Bibliotheek Breda en gemeente Breda. Nieuwe partners zijn welkom.'));
    expect(names(r.organizations)).toEqual(['Welzijn Breda', 'Zorggroep Oost (ZGO)', 'Bibliotheek Breda', 'gemeente Breda']);
  });
  test('a bare comma-separated line', async () => {
    const r = await recordOf(page('Inleiding.\n\nPartners\n\nWelzijn Breda, KBO Breda, Rode Kruis Breda'));
    expect(names(r.organizations)).toEqual(['Welzijn Breda', 'KBO Breda', 'Rode Kruis Breda']);
  });
  test('`Kerngroep: …` and `Netwerk: …` lines', async () => {
    const r = await recordOf(page('Inleiding.\n\nSamenwerking\n\nKerngroep: gemeente Breda, Welzijn Breda\nNetwerk: KBO Breda, Zonnebloem Breda'));
    expect(names(r.organizations)).toEqual(['gemeente Breda', 'Welzijn Breda', 'KBO Breda', 'Zonnebloem Breda']);
  });
  test('a comma inside one bullet stays: bullets decide', async () => {
    const r = await recordOf(page('Inleiding.\n\nPartners\n\n• KBO Dorp, Buurtschap\n• Welzijn Breda'));
    expect(names(r.organizations)).toEqual(['KBO Dorp, Buurtschap', 'Welzijn Breda']);
  });
  test('a member sentence outside an organisations section', async () => {
    const r = await recordOf(page('De volgende organisaties zijn de coalitie begonnen: Welzijn Breda, Bibliotheek Breda en gemeente Breda.\n\nContact\n\ninfo@breda.nl'));
    expect(names(r.organizations)).toEqual(['Welzijn Breda', 'Bibliotheek Breda', 'gemeente Breda']);
  });
});

describe('contacts', () => {
  const contact = async (lines: string) => (await recordOf(page(`Inleiding.\n\nContact\n\n${lines}`))).contacts.map(({ span: _span, ...c }) => c);
  test('`Contactpersoon:` with particles in the name', async () => {
    expect(await contact('Contactpersoon: Anna op den Brink\nTelefoon: 06-12345678')).toEqual([
      { name: 'Anna op den Brink', role: null, organization: null, emails: [], phones: ['+31612345678'] },
    ]);
  });
  test('`Contactpersonen:` two names sharing a role', async () => {
    expect((await contact('Contactpersonen: Jan ter Horst en Fatima el Amrani (coördinatoren)')).map((c) => [c.name, c.role])).toEqual([
      ['Jan ter Horst', 'coördinatoren'],
      ['Fatima el Amrani', 'coördinatoren'],
    ]);
  });
  test('`Anna Jansen van Stichting Y`: the preposition starts the organisation', async () => {
    const r = await recordOf(page('Neem contact op met Anna Jansen van Stichting Welzijn Breda via 076-5251234.'));
    expect(r.contacts.map((c) => [c.name, c.organization, c.phones])).toEqual([['Anna Jansen', 'Stichting Welzijn Breda', ['+31765251234']]]);
  });
  test('initials and titles', async () => {
    expect((await contact('Contactpersoon: drs. A.B. Jansen\nContactpersoon: J. de Vries')).map((c) => c.name)).toEqual(['A.B. Jansen', 'J. de Vries']);
  });
  test('name, role and organisation on one comma-separated line', async () => {
    expect(await contact('Contactpersoon: Petra Smit, beleidsadviseur welzijn, gemeente Breda\nE-mail: p.smit@breda.nl')).toEqual([
      { name: 'Petra Smit', role: 'beleidsadviseur welzijn', organization: 'gemeente Breda', emails: ['p.smit@breda.nl'], phones: [] },
    ]);
  });
  test('a phone before the name: `Gemeente X: 0612345678 Anna Y.`', async () => {
    expect(await contact('Gemeente Breda: 0612345678 Anna Yilmaz.')).toEqual([
      { name: 'Anna Yilmaz', role: null, organization: 'Gemeente Breda', emails: [], phones: ['+31612345678'] },
    ]);
  });
  test('`Naam (Organisatie)`', async () => {
    expect((await contact('Contactpersoon: Sanne de Wit (Welzijn Breda)')).map((c) => [c.name, c.organization])).toEqual([['Sanne de Wit', 'Welzijn Breda']]);
  });
  test('contacts inside sentences', async () => {
    const r = await recordOf(page('Vragen? Stuur een mail naar Mariëlle Bakema, projectleider Breda Verbindt (m.bakema@breda.nl).'));
    expect(r.contacts.map((c) => [c.name, c.role, c.emails])).toEqual([['Mariëlle Bakema', 'projectleider Breda Verbindt', ['m.bakema@breda.nl']]]);
  });
  test('a person named like a municipality is not a mention of it', async () => {
    const r = await recordOf(page('Wethouder Petra van Putten opende de eerste ontmoetingsplek.'));
    expect([r.people.map((p) => [p.name, p.role]), r.municipalitiesMentioned.map((m) => m.name)]).toEqual([[['Petra van Putten', 'wethouder']], ['Breda']]);
  });
});

describe('phones, e-mails, websites', () => {
  test.each([
    ['06-12345678', '+31612345678'], ['06 1234 5678', '+31612345678'], ['0611109967', '+31611109967'], ['010 - 123 45 67', '+31101234567'],
    ['(0174) 123 456', '+31174123456'], ['0546-123 456', '+31546123456'], ['+31 (0)6 12345678', '+31612345678'], ['0031 6 12345678', '+31612345678'],
    ['088-1234567', '+31881234567'], ['0800-1234', '+318001234'], ['14 0174', '+31140174'],
  ])('phone `%s` → %s', async (written, e164) => {
    expect((await recordOf(page(`Bel ${written} voor informatie.`))).phones).toEqual([e164]);
  });
  test('two numbers joined by `/`', async () => {
    expect((await recordOf(page('Telefoon: 06 10026711 / 06 17335478'))).phones).toEqual(['+31610026711', '+31617335478']);
  });
  test('e-mails: mixed case, mailto:, [at], trailing period', async () => {
    const r = await recordOf(page('Mail Info@Breda.NL of mailto:team@breda.nl of jan [at] welzijn.nl. Of anna@breda.nl.'));
    expect(r.emails).toEqual(['info@breda.nl', 'team@breda.nl', 'jan@welzijn.nl', 'anna@breda.nl']);
  });
  test('websites: scheme, www, paths, trailing punctuation; a Website label with words gives none', async () => {
    const r = await recordOf(page('Zie www.breda.nl/eenzaamheid, https://samen.breda.nl/ en breda.nl/eenzaamheid.\n\nWebsite: volgt binnenkort'));
    expect(r.websites).toEqual(['https://www.breda.nl/eenzaamheid', 'https://samen.breda.nl/']);
  });
});

describe('municipalities', () => {
  test.each([
    ['Den Bosch', 'GM0796'], ['s-Hertogenbosch', 'GM0796'], ["'s-Hertogenbosch", 'GM0796'], ['Den Haag', 'GM0518'], ['Súdwest-Fryslân', 'GM1900'], ['Bergen (NH.)', 'GM0373'],
  ])('`%s` is %s', async (written, code) => {
    const r = await recordOf(`Nieuws\n\nDe coalitie in ${written} groeit.\n`);
    expect(r.municipalitiesMentioned.map((m) => m.code)).toEqual([code]);
  });
  test('a title whose province is written Friesland', async () => {
    const r = await recordOf(page('Tekst.', 'Coalitie in Leeuwarden, Friesland').replace('Gemeente Breda', 'Gemeente Leeuwarden'));
    expect([r.kind, r.id, r.municipality?.province]).toEqual(['coalition', 'leeuwarden', 'Fryslân']);
  });
  test('words that are also municipality names count only when they name the place', async () => {
    const r = await recordOf('Nieuws\n\nDe buren zijn de Best-e helpers. Buren helpen elkaar. In Putten en Huizen is een netwerk; ook Tilburg, Best en Beek doen mee.\n');
    expect(r.municipalitiesMentioned.map((m) => m.name)).toEqual(['Putten', 'Huizen', 'Tilburg', 'Best', 'Beek (L.)']);
  });
});

describe('noise', () => {
  test('glued words, image captions, quote attributions, page chrome', async () => {
    const r = await recordOf(page("Beeldmerk Breda Verbindt logoIn Breda voelt een op de drie inwoners zich eenzaam.\n\n'Samen doorbreken we eenzaamheid.'\n– Wethouder Jan de Vries\n\nDeel deze pagina\nLees meer\nWij gebruiken cookies om de site te verbeteren.\n\nContact\n\ninfo@breda.nl"));
    expect(r.summary).toBe("In Breda voelt een op de drie inwoners zich eenzaam.\n\n'Samen doorbreken we eenzaamheid.'");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Jan de Vries', 'wethouder']]);
    expect(r.warnings.map((w) => w.code)).toEqual(['glued-words']);
  });
  test('a document cut off mid-sentence', async () => {
    const r = await recordOf(page('Inleiding.\n\nContact\n\nVoor vragen kunt u contact opnemen met het team van de gemeente dat elke'));
    expect(r.warnings.map((w) => w.code)).toEqual(['no-contact-data', 'cut-off']);
  });
});

describe('pages that are not coalition pages', () => {
  test('a news item is `other`: nothing invented, e-mails, people and places still extracted', async () => {
    const r = await recordOf('Nieuws: wethouder Sanne Hoekstra opent ontmoetingsroute in Deventer\n\nDe route loopt van Deventer naar Zutphen. Aanmelden via info@ontmoetingsroute.nl.\n');
    expect([r.kind, r.municipality, r.goals, r.organizations, r.emails, names(r.people), r.municipalitiesMentioned.map((m) => m.name)]).toEqual([
      'other', null, [], [], ['info@ontmoetingsroute.nl'], ['Sanne Hoekstra'], ['Deventer', 'Zutphen'],
    ]);
  });
});
