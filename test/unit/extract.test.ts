import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordOf, root } from '../helpers.js';

const seed = (name: string) => readFileSync(join(root, 'input', name), 'utf8');

describe('structure of plain text', () => {
  test('title, sub-title and name line are not summary; headings come from aliases', async () => {
    const r = await recordOf(seed('001_509f6fae87228b94.txt'));
    expect([r.title, r.name, r.kind, r.id]).toEqual(['Coalitie in Lansingerland, Zuid-Holland', 'Samen aan zet!', 'coalition', 'lansingerland']);
    expect(r.summary!.startsWith('Het manifest Samen aan zet! is de start')).toBe(true);
    expect(r.sections.map((s) => `${s.kind}:${s.heading}@${s.span.start.line}`)).toEqual([
      'goals:Doelstellingen@9', 'approach:Hoe pakken we het aan?@26', 'activities:Wat doen we en wat hebben we al bereikt?@30',
      'organizations:Deelnemende organisaties@39', 'contact:Contact@63',
    ]);
  });

  test('a sub-heading followed by its paragraph on the next line is a goal with a description', async () => {
    const r = await recordOf(seed('001_509f6fae87228b94.txt'));
    expect(r.goals[1]).toEqual({
      text: 'Benadering vanuit kracht',
      description: 'We behandelen mensen die zich eenzaam voelen niet als slachtoffer, maar vanuit kracht. We laten mensen merken dat zij ertoe doen in de samenleving.',
      span: { start: { line: 14, column: 1, offset: 784 }, end: { line: 15, column: 148, offset: 956 } },
    });
  });

  test('nested bullets become subitems; trailing ; and : go', async () => {
    const r = await recordOf(seed('003_50a3185e2e5032f2.txt'));
    expect(r.goals.map((g) => [g.text, g.subitems ?? null])).toEqual([
      ['het vergroten van de kennis en bewustwording rondom eenzaamheid', null],
      ['het sneller en beter signaleren van eenzaamheid', null],
      ['het versterken van bestaande initiatieven o.b.v. drie pijlers', ['Stimuleren van (betekenisvolle) ontmoetingen', 'Stimuleren van (betekenisvolle) bezigheden', 'Stimuleren van persoonlijke ontwikkeling']],
    ]);
  });

  test('a lone NBSP line is blank, and * _ # > in text stay as written', async () => {
    const r = await recordOf('Coalitie in Lisse, Zuid-Holland\n\nGemeente Lisse\n\nWe doen *veel* voor _iedereen_ # echt.\n\u00a0\n    > ook ingesprongen tekst\n\nContact\n\ninfo@lisse.nl\n');
    expect(r.summary).toBe('We doen *veel* voor _iedereen_ # echt.\n\n> ook ingesprongen tekst');
    expect(r.name).toBeNull();
  });

  test('an image caption glued to the first sentence is cut off and warned about', async () => {
    const r = await recordOf(seed('003_50a3185e2e5032f2.txt'));
    expect(r.summary!.slice(0, 60)).toBe('Bijna de helft van de Westlanders voelt zich weleens eenzaam');
    expect(r.warnings).toEqual([
      {
        code: 'glued-words',
        message: 'Unexpected glued words `eenzaamheidBijna`, expected a space before `Bijna`',
        span: { start: { line: 7, column: 30, offset: 116 }, end: { line: 7, column: 46, offset: 132 } },
      },
    ]);
  });
});

describe('values', () => {
  test('phones in E.164, invalid numbers are a warning', async () => {
    const r = await recordOf('Titel\n\nBel 06-18417476, (0174) 123 456, +31 (0)6 12345678, 14 0174 of 06-1234567.\n');
    expect(r.phones).toEqual(['+31618417476', '+31174123456', '+31612345678', '+31140174']);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['invalid-phone', 'Unexpected phone number `06-1234567`, expected 10 digits starting with 0 (or +31)'],
    ]);
  });

  test('e-mails lower-cased once, mailto and [at]; websites once in first spelling', async () => {
    const r = await recordOf('Titel\n\nMail Info@Lisse.NL, mailto:info@lisse.nl of jan [at] welzijn.nl. Zie eenzaamheidwestland.nl en www.eenzaamheidwestland.nl/ en https://Lisse.nl/Pad.\n');
    expect(r.emails).toEqual(['info@lisse.nl', 'jan@welzijn.nl']);
    expect(r.websites).toEqual(['https://eenzaamheidwestland.nl', 'https://lisse.nl/Pad']);
    expect(r.spans.websites.map((s) => s.start.column)).toEqual([70, 127]);
  });

  test('years: ranges count, postcodes and counts do not', async () => {
    const r = await recordOf('Titel\n\nDe agenda 2020-2021 en 2019. Adres: Raadhuisplein 2011 AB Haarlem; 1900 inwoners; 2023.\n');
    expect(r.years).toEqual([2019, 2020, 2021, 2023]);
  });

  test('targets from goals: change, age range, lower bound', async () => {
    const r = await recordOf(seed('004_5e9e29e7f646534a.txt'));
    expect(r.targets.map((t) => [t.indicator, t.from, t.to, t.unit, t.ageMin, t.ageMax])).toEqual([
      ['percentage ernstig eenzamen', 8, 4, '%', null, null],
      ['percentage jongeren', 46, 40, '%', 12, 18],
      ['percentage matig tot zeer ernstig eenzamen', 46, 40, '%', 19, 65],
      ['percentage matig en ernstig eenzamen', 52, 40, '%', 65, null],
    ]);
  });
});

describe('municipalities', () => {
  test('aliases map to official names; a surname is not a mention; a word needs a cue', async () => {
    // `gemeente Buren` counts anywhere; `in Beek` only on a page in Limburg (Beek (L.)'s province).
    const r = await recordOf('Coalitie in Rijswijk, Zuid-Holland\n\nGemeente Rijswijk\n\nSamen met Den Haag en Petra van Putten. Buren helpen elkaar in de gemeente Buren, niet in Beek.\n\nContact\n\ninfo@rijswijk.nl\n');
    expect(r.municipality).toEqual({ name: 'Rijswijk (ZH.)', code: 'GM0603', province: 'Zuid-Holland', span: { start: { line: 1, column: 13, offset: 12 }, end: { line: 1, column: 21, offset: 20 } } });
    expect(r.municipalitiesMentioned.map((m) => [m.name, m.code, m.span.start.line, m.span.start.column])).toEqual([
      ['Rijswijk (ZH.)', 'GM0603', 1, 13],
      ["'s-Gravenhage", 'GM0518', 5, 11],
      ['Buren', 'GM0214', 5, 76],
    ]);
    const limburg = await recordOf('Coalitie in Sittard-Geleen, Limburg\n\nGemeente Sittard-Geleen\n\nWe werken samen met de mensen in Beek.\n');
    expect(limburg.municipalitiesMentioned.map((m) => m.name)).toEqual(['Sittard-Geleen', 'Beek (L.)']);
  });
  test('a title in an unknown place is other, with a warning', async () => {
    const r = await recordOf('Coalitie in Atlantis, Zuid-Holland\n\nTekst.\n');
    expect([r.kind, r.id, r.municipality]).toEqual(['other', 'input', null]);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-municipality']);
  });
});

describe('people and contacts', () => {
  test('two names with one role in a contact label are two contacts', async () => {
    const r = await recordOf(seed('001_509f6fae87228b94.txt'));
    expect(r.contacts.map(({ span, ...c }) => c)).toEqual([
      { name: 'Henriëtte Staarthof', role: 'coördinatoren Eenzaamheid', organization: null, emails: ['eenzaamheid.lansingerland@humanitas.nl'], phones: ['+31610026711', '+31617335478'] },
      { name: 'Joanne Engels', role: 'coördinatoren Eenzaamheid', organization: null, emails: ['eenzaamheid.lansingerland@humanitas.nl'], phones: ['+31610026711', '+31617335478'] },
    ]);
  });
  test('a role word before names, in the singular, is shared by names joined with en', async () => {
    const r = await recordOf(seed('002_58e02a60da1cd0e6.txt'));
    expect(r.people.map((p) => [p.name, p.role])).toEqual([['Eric van der Burg', 'ambassadeur'], ['Marianne van den Anker', 'ambassadeur']]);
    expect(r.contacts).toEqual([]);
  });
  test('a contact inside a sentence, with role and e-mail', async () => {
    const r = await recordOf(seed('003_50a3185e2e5032f2.txt'));
    expect(r.contacts.map(({ span, ...c }) => c)).toEqual([
      { name: 'Mariëlle Bakema', role: 'projectleider Eén tegen Eenzaamheid', organization: null, emails: ['m.bakema@vitiswelzijn.nl'], phones: [] },
    ]);
  });
  test('initials, titles and organisations after a name', async () => {
    const r = await recordOf('Titel\n\nContact\n\nContactpersoon: drs. A.B. Jansen (Welzijn Lisse)\nTelefoon: 0252 123 456\n\nOf neem contact op met Anna de Vries van Stichting Welzijn.\n');
    expect(r.contacts.map(({ span, ...c }) => c)).toEqual([
      { name: 'A.B. Jansen', role: null, organization: 'Welzijn Lisse', emails: [], phones: ['+31252123456'] },
      { name: 'Anna de Vries', role: null, organization: 'Stichting Welzijn', emails: [], phones: [] },
    ]);
  });
});
