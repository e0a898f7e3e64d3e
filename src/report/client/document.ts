/** Page script: an opened document, with its legend, its record beside the text, and clicks between a value and its highlight. */
export const documentScript = String.raw`
var current = null;
function renderLegend(doc, box, textBox) {
  var counts = fields.map(function () { return 0; });
  doc.items.forEach(function (it) { counts[it[0]]++; });
  fields.forEach(function (f, i) {
    var b = el('button');
    b.type = 'button';
    b.dataset.field = f;
    b.setAttribute('aria-pressed', 'true');
    b.title = 'show or hide the highlights of ' + f;
    var chip = el('span', 'chip');
    chip.dataset.field = f;
    b.appendChild(chip);
    b.appendChild(document.createTextNode(f + ' ' + counts[i]));
    b.addEventListener('click', function () {
      var on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(on));
      textBox.classList.toggle('hide-' + f, !on);
    });
    box.appendChild(b);
  });
}
function renderRecord(doc, box) {
  var dl = el('dl');
  [['id', doc.id], ['kind', doc.kind], ['source', doc.source.path], ['format', doc.source.format + ', ' + doc.source.encoding + ', ' + doc.source.bytes + ' bytes'], ['sha256', doc.source.sha256]].forEach(function (p) {
    dl.appendChild(el('dt', '', p[0]));
    dl.appendChild(el('dd', '', p[1]));
  });
  box.appendChild(dl);
  var byField = fields.map(function () { return []; });
  doc.items.forEach(function (it, i) { byField[it[0]].push(i); });
  fields.forEach(function (f, fi) {
    var h = el('h3');
    var chip = el('span', 'chip');
    chip.dataset.field = f;
    h.appendChild(chip);
    h.appendChild(document.createTextNode(f + ' '));
    h.appendChild(el('span', 'n', '(' + byField[fi].length + ')'));
    box.appendChild(h);
    var ul = el('ul');
    if (byField[fi].length === 0) ul.appendChild(el('li', 'none', index.scalars.indexOf(f) >= 0 ? 'null' : 'none'));
    byField[fi].forEach(function (i) {
      var it = doc.items[i];
      var li = el('li');
      li.dataset.field = f;
      var linked = doc.text !== null && it[3] >= 0;
      var v = el(linked ? 'button' : 'span', 'val', it[1]);
      v.dataset.item = i;
      if (linked) { v.type = 'button'; v.title = 'line ' + it[5] + ', offsets ' + it[3] + '\u2013' + it[4] + ': show in the text'; }
      if (f === 'warnings' && it[5] > 0) {
        var a = el('a', 'line-link', 'line ' + it[5]);
        a.href = '#doc/' + encodeURIComponent(doc.id) + '/L' + it[5];
        li.appendChild(a);
        li.appendChild(document.createTextNode(': '));
      }
      li.appendChild(v);
      if (it[2]) li.appendChild(el('span', 'props', it[2]));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  });
}
var flashing = [];
function flash(list) {
  flashing.forEach(function (e) { e.classList.remove('flash'); });
  flashing = Array.prototype.slice.call(list);
  flashing.forEach(function (e) { e.classList.add('flash'); });
}
function openDoc(n, line) {
  var d = docs[n];
  if (!current || current.id !== d[0]) {
    var doc = JSON.parse($('coalex-doc-' + n).textContent);
    current = doc;
    var pos = view.indexOf(n);
    $('prev').hidden = pos <= 0;
    $('next').hidden = pos < 0 || pos >= view.length - 1;
    if (pos > 0) $('prev').href = '#doc/' + encodeURIComponent(docs[view[pos - 1]][0]);
    if (pos >= 0 && pos < view.length - 1) $('next').href = '#doc/' + encodeURIComponent(docs[view[pos + 1]][0]);
    $('doc-title').textContent = doc.title === null ? doc.id : doc.title;
    $('doc-meta').textContent = doc.id + ' \u00b7 ' + doc.kind + (doc.municipality ? ' \u00b7 ' + doc.municipality : '') + ' \u00b7 ' + doc.source.path;
    $('notice').hidden = doc.notice === null;
    $('notice').textContent = doc.notice || '';
    var textBox = el('div', 'text');
    textBox.id = 'text';
    if (doc.text !== null) renderText(doc.text, doc.marks, doc.items, textBox);
    else textBox.appendChild(el('p', 'no-text', 'The source text is not available.'));
    $('text-pane').replaceChildren(textBox);
    var legend = $('legend');
    legend.replaceChildren();
    renderLegend(doc, legend, textBox);
    var rec = el('div', 'rec');
    rec.id = 'record';
    renderRecord(doc, rec);
    $('record-pane').replaceChildren(rec);
    $('text-pane').scrollTop = 0;
    $('record-pane').scrollTop = 0;
    document.title = doc.id + ' \u2014 coalex review';
  }
  if (line) {
    var target = $('text-pane').querySelector('.line[data-line="' + line + '"]');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      flash([target]);
    }
  }
  document.documentElement.dataset.doc = d[0];
}
$('doc-view').addEventListener('click', function (event) {
  var t = event.target;
  if (!(t instanceof Element)) return;
  var link = t.closest('a.line-link');
  // the same line again: the hash does not change, so scroll here
  if (link && link.getAttribute('href') === location.hash) { event.preventDefault(); route(); return; }
  var val = t.closest('#record .val[data-item]');
  if (val && val.tagName === 'BUTTON') {
    var item = val.dataset.item;
    var marks = $('text-pane').querySelectorAll('mark[data-item="' + item + '"]');
    if (marks.length > 0) {
      marks[0].scrollIntoView({ block: 'center' });
      var it = current.items[Number(item)];
      var lineEl = fields[it[0]] === 'warnings' ? $('text-pane').querySelector('.line[data-line="' + it[5] + '"]') : null;
      flash(lineEl ? Array.prototype.slice.call(marks).concat([lineEl]) : marks);
    }
    return;
  }
  var mark = t.closest('#text mark[data-item]');
  if (mark) {
    var back = $('record-pane').querySelector('.val[data-item="' + mark.dataset.item + '"]');
    if (back) {
      back.scrollIntoView({ block: 'center' });
      flash([back].concat(Array.prototype.slice.call($('text-pane').querySelectorAll('mark[data-item="' + mark.dataset.item + '"]'))));
    }
  }
});
`;
