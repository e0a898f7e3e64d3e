/**
 * Composes one synthetic coalition page from the pools of real pages: a municipality of the
 * register in the title, intro, sections and contact block drawn from different source pages,
 * names, phone numbers, e-mail addresses and years shuffled, list items reordered. Returns
 * `{ name, bytes }`; the same random source gives the same document.
 */
import { BULLET } from './sources.mjs';

const SURNAMES = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'Schouten', 'van Beek', 'Willems', 'Hoekstra', 'Koster', 'Prins', 'el Amrani', 'Yilmaz', 'Kaya', 'ter Horst', 'Postma', 'Kuipers', 'Huisman'];
const ROLES = ['coördinator eenzaamheid', 'projectleider', 'beleidsadviseur welzijn', 'netwerkregisseur', 'kwartiermaker', 'beleidsmedewerker ouderen', 'opbouwwerker', 'aandachtsfunctionaris eenzaamheid', 'programmamanager'];
const ORG_PREFIXES = ['Stichting Welzijn', 'Welzijn', 'Sociaal Werk', 'Gemeente', 'Vrijwilligerscentrale', 'Humanitas'];
const AREA_CODES = ['010', '020', '030', '040', '050', '070', '071', '073', '076', '0118', '0172', '0299', '0515', '0546', '088'];
const PHONE_LABELS = ['Telefoon', 'Telefoon', 'Tel.', 'Telefoonnummer', 'Tel'];
const MAIL_LABELS = ['E-mail', 'E-mail', 'Email', 'Mail', 'E-mailadres'];
const NOISE = ['Deel deze pagina', 'Lees meer', 'Terug naar overzicht'];
const PLAIN_MARKERS = [' • ', ' • ', '• ', ' - ', '- ', ' · ', '* ', ' – '];

/** ASCII slug for e-mail and web addresses. */
function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').toLowerCase().replace(/\([^)]*\)/gu, '').replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
}

function person(r, firstNames) {
  const first = r.pick(firstNames);
  const last = r.pick(SURNAMES);
  const initials = r.chance(0.1);
  return { first, last, full: initials ? `${first[0]}. ${last}` : `${first} ${last}` };
}

function phone(r) {
  if (r.chance(0.55)) {
    // 06-1 … 06-5 and 06-8 are mobile numbers; 060, 066, 067 and 069 are not.
    const d = r.pick(['1', '2', '3', '4', '5', '8']) + r.digits(7);
    return r.pick([
      `06-${d}`, `06 ${d}`, `06 ${d.slice(0, 4)} ${d.slice(4)}`, `06 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`,
      `+31 6 ${d}`, `+31 (0)6 ${d}`, `0031 6 ${d.slice(0, 4)} ${d.slice(4)}`, `06${d}`,
    ]);
  }
  if (r.chance(0.1)) return `0800-${r.digits(7)}`;
  const area = r.pick(AREA_CODES);
  const d = String(r.int(2, 9)) + r.digits(9 - area.length);
  return r.pick([`${area} - ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`, `(${area}) ${d}`, `${area}-${d}`, `${area} ${d}`, `+31 ${area.slice(1)} ${d}`]);
}

function email(r, who, domain) {
  const first = slug(who.first).replace(/-/gu, '');
  const last = slug(who.last).replace(/-/gu, '');
  const local = r.pick([`${first}.${last}`, `${first[0]}.${last}`, `${first[0]}${last}`, 'eenzaamheid', 'info', `${first}`]);
  const address = `${local}@${domain}`;
  return r.chance(0.15) ? address.replace(/^./u, (c) => c.toUpperCase()).replace(/@(.)/u, (_, c) => `@${c.toUpperCase()}`) : address;
}

/** A contact block of one of several shapes seen on the real pages (lines; '' separates paragraphs). */
function syntheticContact(r, place, firstNames, markdown) {
  const who = person(r, firstNames);
  const org = `${r.pick(ORG_PREFIXES)} ${place}`;
  const domain = r.pick([`${slug(place)}.nl`, `welzijn${slug(place).replace(/-/gu, '')}.nl`, `${slug(org).replace(/-/gu, '')}.nl`]);
  const mail = email(r, who, domain);
  const shownMail = markdown && r.chance(0.3) ? `[${mail}](mailto:${mail.toLowerCase()})` : mail;
  const role = r.pick(ROLES);
  const web = r.pick([`www.${domain}`, `https://www.${domain}/eenzaamheid`, `${domain}/meedoen`, `www.${slug(place)}tegeneenzaamheid.nl`]);
  const shape = r.int(0, 5);
  if (shape === 0) {
    return [`Contactpersoon: ${who.full}${r.chance(0.5) ? ` (${org})` : ''}`, `${r.pick(PHONE_LABELS)}: ${phone(r)}`, `${r.pick(MAIL_LABELS)}: ${shownMail}`, ...(r.chance(0.5) ? [`Website: ${web}`] : [])];
  }
  if (shape === 1) return [`${who.full}, ${role} ${org}`, `${r.pick(PHONE_LABELS)}: ${phone(r)}`, `${r.pick(MAIL_LABELS)}: ${shownMail}`];
  if (shape === 2) return [`Wilt u meedoen of heeft u een idee? Bel met ${who.full}, ${role}, via ${phone(r)} of mail naar ${shownMail}.`];
  if (shape === 3) return [`Vragen over de aanpak in ${place}? Stuur een mail naar ${who.full}, ${role} (${shownMail}).`, '', `Voor meer informatie kijk op ${web}.`];
  if (shape === 4) return [org, '', `${r.pick(PHONE_LABELS)}: ${phone(r)}`, `${r.pick(MAIL_LABELS)}: info@${domain}`, `Website: ${web}`];
  const other = person(r, firstNames);
  return [`Contactpersonen: ${who.full} en ${other.full} (coördinatoren eenzaamheid)`, `Telefoon: ${phone(r)} / ${phone(r)}`, `E-mail: eenzaamheid@${domain}`];
}

/** The text of a sourced piece with its page's place names replaced and its numbers shuffled. */
function rewrite(text, piece, place, shift, r, firstNames) {
  let out = text;
  for (const source of piece.places) {
    out = out.replace(new RegExp(`(?<![\\p{L}'])${source.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'gu'), place);
  }
  out = out.replace(/\b(20[0-3]\d)\b/gu, (y) => String(Number(y) + shift));
  out = out.replace(/van (\d{1,2})% naar (\d{1,2})%/gu, () => {
    const from = r.int(15, 60);
    return `van ${from}% naar ${from - r.int(2, 12)}%`;
  });
  out = out.replace(/\b(wethouder|Wethouder|projectleider|coördinator|ambassadeur|burgemeester)\s+\p{Lu}[\p{L}'-]+(?:\s+(?:van der|van den|van de|van|de|der|den|el|ter|ten))?\s+\p{Lu}[\p{L}'-]+/gu, (_, role) => `${role} ${person(r, firstNames).full}`);
  out = out.replace(/(?:\+31|0031|\(0\d{2,3}\)|\b0)[\d \-()]{7,}\d/gu, () => phone(r));
  out = out.replace(/\b([\w.-]+)@([\w-]+(?:\.[\w-]+)+)/gu, (_, local) => `${local}@${slug(place).replace(/-/gu, '')}.nl`);
  return out;
}

/** Lines of a block as a list (items with depth) when every line is a bullet, else null. */
function asList(block) {
  const items = [];
  for (const line of block) {
    const m = BULLET.exec(line);
    if (!m) return null;
    items.push({ indent: m[1].replace(/\t/gu, '    ').length, ordered: /\d/u.test(m[2]), text: m[3] });
  }
  const min = Math.min(...items.map((i) => i.indent));
  const levels = [...new Set(items.map((i) => i.indent))].sort((a, b) => a - b);
  for (const item of items) item.depth = levels.indexOf(item.indent) - levels.indexOf(min);
  return items;
}

/** Top-level items with their nested items, shuffled and sometimes thinned out. */
function shuffleItems(items, r) {
  const groups = [];
  for (const item of items) {
    if (item.depth === 0 || groups.length === 0) groups.push([item]);
    else groups[groups.length - 1].push(item);
  }
  if (items.some((i) => i.ordered)) return items;
  let kept = r.shuffle(groups);
  if (kept.length > 4 && r.chance(0.4)) kept = kept.slice(0, r.int(3, kept.length - 1));
  return kept.flat();
}

function renderList(items, style) {
  return items.map((item) => {
    if (item.ordered) return `${(style.markdown ? '   ' : style.nest).repeat(item.depth)}${item.number ?? '1.'} ${item.text}`;
    if (style.markdown) return `${'  '.repeat(item.depth)}${style.mdMarker} ${item.text}`;
    return `${style.nest.repeat(item.depth)}${style.marker}${item.text}`;
  });
}

/** Titles of pages that are no coalition page (news, regional pages): they give a record of kind `other`, id from the file name. */
const OTHER_TITLES = [
  (place) => `Nieuwsbericht uit ${place}: de aanpak van eenzaamheid`,
  (place) => `Zo werkt ${place} samen aan minder eenzaamheid`,
  (place) => `Verslag netwerkbijeenkomst eenzaamheid ${place}`,
  (place) => `${place} zet in op ontmoeting`,
  (place) => `Terugblik: een jaar samen tegen eenzaamheid in ${place}`,
];

/**
 * Composes document `index`; `r` is the document's own random source. With `otherShare` > 0,
 * that share of the documents is titled as a page that is no coalition page.
 */
export function composeDocument(index, r, pools, register, firstNames, otherShare = 0) {
  const m = r.pick(register);
  const bare = m.name.replace(/\s*\([^)]*\)$/u, '');
  const titleName = m.name !== bare && r.chance(0.5) ? bare : m.name;
  const markdown = r.chance(0.12);
  const style = { markdown, marker: r.pick(PLAIN_MARKERS), nest: r.chance(0.1) ? '\t' : ' '.repeat(r.int(2, 4)), mdMarker: r.pick(['-', '*']) };
  const shift = r.int(-3, 2);
  const used = new Set();
  const draw = (list) => {
    const fresh = list.filter((p) => !used.has(p.source));
    const piece = r.pick(fresh.length > 0 ? fresh : list);
    used.add(piece.source);
    return piece;
  };
  const text = (piece, line) => rewrite(line, piece, bare, shift, r, firstNames);
  const blocks = [];
  const pushBlocks = (piece, sourceBlocks) => {
    for (const block of sourceBlocks) {
      const list = asList(block);
      if (list) {
        const items = shuffleItems(list, r);
        let n = 0;
        for (const item of items) if (item.ordered) item.number = `${++n}.`;
        blocks.push({ type: 'list', items: items.map((item) => ({ ...item, text: text(piece, item.text) })) });
      } else blocks.push({ type: 'para', lines: block.map((line) => text(piece, line.trim())) });
    }
  };

  // Drawn only when asked for, so that the default corpus stays the same.
  const other = otherShare > 0 && r.chance(otherShare);
  blocks.push({ type: 'title', text: other ? r.pick(OTHER_TITLES)(bare) : `Coalitie in ${titleName}, ${m.province}` });
  // The `Gemeente X` sub-title would make the page a coalition page again.
  if (!other) blocks.push({ type: 'para', lines: [`Gemeente ${m.name}`] });
  if (r.chance(0.45)) {
    const named = r.pick(pools.names);
    blocks.push({ type: 'para', lines: [r.chance(0.5) ? text(named, named.text) : r.pick([`${bare} Verbindt`, `${bare} Samen`, `Samen tegen eenzaamheid in ${bare}`, `${bare} Doet Mee`])] });
  }
  const intro = draw(pools.intros);
  const introBlocks = intro.blocks.filter(() => r.chance(0.85));
  pushBlocks(intro, introBlocks.length > 0 ? introBlocks : intro.blocks.slice(0, 1));
  if (r.chance(0.3)) {
    const more = draw(pools.intros);
    pushBlocks(more, [more.blocks[r.int(0, more.blocks.length - 1)]]);
  }
  if (r.chance(0.05)) blocks.push({ type: 'para', lines: ['Lees meer'] });

  const plan = [];
  if (r.chance(0.9)) plan.push('goals');
  if (r.chance(0.4)) plan.push('approach');
  if (r.chance(0.75)) plan.push('activities');
  const body = r.chance(0.2) ? r.shuffle(plan) : plan;
  if (r.chance(0.15)) body.splice(r.int(0, body.length), 0, 'other');
  if (r.chance(0.85)) body.push('organizations');
  const numbered = r.chance(0.1);
  const upper = r.chance(0.04);
  let number = 0;
  const heading = (h) => {
    let shown = upper ? h.toUpperCase() : h;
    if (numbered) shown = `${++number}. ${shown}`;
    return shown;
  };
  for (const kind of body) {
    const section = draw(pools.sections[kind]);
    blocks.push({ type: 'heading', text: heading(section.heading) });
    pushBlocks(section, section.blocks);
  }
  if (r.chance(0.92)) {
    if (r.chance(0.55)) {
      const lines = syntheticContact(r, bare, firstNames, markdown);
      blocks.push({ type: 'heading', text: heading(r.pick(['Contact', 'Contact', 'Contactgegevens', 'Meer informatie', 'Meer weten?'])) });
      let current = [];
      for (const line of [...lines, '']) {
        if (line === '') {
          if (current.length > 0) blocks.push({ type: 'para', lines: current });
          current = [];
        } else current.push(line);
      }
    } else {
      const section = draw(pools.sections.contact);
      blocks.push({ type: 'heading', text: heading(section.heading) });
      pushBlocks(section, section.blocks);
    }
  }
  if (r.chance(0.1)) blocks.push({ type: 'para', lines: [r.pick(NOISE)] });

  const out = [];
  for (const block of blocks) {
    if (block.type === 'title') out.push(markdown ? `# ${block.text}` : block.text);
    else if (block.type === 'heading') out.push(markdown ? `## ${block.text}` : block.text);
    else if (block.type === 'para') out.push(block.lines.join('\n'));
    else out.push(renderList(block.items, style).join('\n'));
  }
  let doc = `${out.join('\n\n')}${r.chance(0.8) ? '\n' : ''}`;
  const extension = markdown ? 'md' : 'txt';
  const name = `${String(index).padStart(6, '0')}-${slug(bare)}.${extension}`;
  if (r.chance(0.04)) doc = doc.replace(/\n/gu, '\r\n');
  let bytes = Buffer.from(doc, 'utf8');
  if (r.chance(0.02)) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  else if (!markdown && r.chance(0.01)) bytes = toWindows1252(doc);
  return { name, bytes };
}

const CP1252 = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };

/** Windows-1252 bytes of a text (characters outside it become `?`), as some old exports are. */
function toWindows1252(text) {
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(CP1252[char] ?? 0x3f);
  }
  return Buffer.from(bytes);
}
