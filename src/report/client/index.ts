/** Page script: the index, with search, filters, sorting, and a virtual list that draws only the rows in view. */
export const indexScript = String.raw`
var view = [];
var sortKey = 0;
var sortDir = 1;
var indexTop = 0;
var rowsBox = $('rows');
var spacer = $('spacer');
function cellValue(d, key) { return key < 5 ? d[key] : d[5][key - 5]; }
function applyFilter() {
  var q = $('q').value.trim().toLowerCase();
  var kind = $('kind').value;
  var warn = $('warn').value;
  view = [];
  for (var n = 0; n < docs.length; n++) {
    var d = docs[n];
    if (kind && d[1] !== kind) continue;
    if (warn === 'with' && !(d[5][WARN] > 0)) continue;
    if (warn === 'without' && d[5][WARN] > 0) continue;
    if (q && hay[n].indexOf(q) < 0) continue;
    view.push(n);
  }
  view.sort(function (a, b) {
    var x = cellValue(docs[a], sortKey);
    var y = cellValue(docs[b], sortKey);
    return (x < y ? -1 : x > y ? 1 : a - b) * sortDir;
  });
  $('count').textContent = view.length === docs.length ? docs.length + ' documents' : view.length + ' of ' + docs.length + ' documents';
  spacer.style.height = view.length * ROW + 'px';
  $('no-match').hidden = view.length > 0;
  drawRows();
}
var drawn = '';
function drawRows() {
  var first = Math.max(0, Math.floor(rowsBox.scrollTop / ROW) - 8);
  var last = Math.min(view.length, first + Math.ceil((rowsBox.clientHeight || 800) / ROW) + 16);
  var key = first + ':' + last + ':' + view.length + ':' + sortKey + ':' + sortDir + ':' + $('q').value + $('kind').value + $('warn').value;
  if (key === drawn) return;
  drawn = key;
  var frag = document.createDocumentFragment();
  for (var i = first; i < last; i++) frag.appendChild(rowOf(view[i], i));
  spacer.replaceChildren(frag);
}
function rowOf(n, position) {
  var d = docs[n];
  var a = el('a', 'row grid');
  a.href = '#doc/' + encodeURIComponent(d[0]);
  a.title = d[3] || d[4];
  a.dataset.id = d[0];
  a.style.top = position * ROW + 'px';
  a.appendChild(el('span', 'id', d[0]));
  a.appendChild(el('span', 'kind', d[1]));
  a.appendChild(el('span', 'mun', d[2]));
  d[5].forEach(function (c, f) {
    a.appendChild(el('span', 'n' + (c === 0 ? ' zero' : f === WARN ? ' warn' : ''), c === 0 ? '\u00b7' : c));
  });
  return a;
}
function buildHead() {
  var head = $('head');
  var labels = ['id', 'kind', 'municipality'].concat(fields.map(function (f) { return index.short[f]; }));
  labels.forEach(function (label, i) {
    var key = i < 3 ? (i === 2 ? 2 : i) : i + 2;
    var b = el('button', i < 3 ? '' : 'num', label);
    b.type = 'button';
    b.title = i < 3 ? 'sort by ' + label : fields[i - 3] + ': number of values (sort)';
    b.dataset.key = key;
    if (i >= 3) b.dataset.field = fields[i - 3];
    b.addEventListener('click', function () {
      if (sortKey === key) sortDir = -sortDir;
      else { sortKey = key; sortDir = key >= 5 ? -1 : 1; }
      head.querySelectorAll('button').forEach(function (x) { x.removeAttribute('aria-sort'); });
      b.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      applyFilter();
    });
    head.appendChild(b);
  });
  document.documentElement.style.setProperty('--counts', String(fields.length));
}
var frame = 0;
rowsBox.addEventListener('scroll', function () {
  if (!frame) frame = requestAnimationFrame(function () { frame = 0; drawRows(); });
}, { passive: true });
window.addEventListener('resize', function () { drawn = ''; drawRows(); });
['q', 'kind', 'warn'].forEach(function (id) {
  $(id).addEventListener('input', function () { rowsBox.scrollTop = 0; applyFilter(); });
});
if (index.rejected.length > 0) {
  var box = $('rejected');
  box.hidden = false;
  var sum = el('summary', '', index.rejected.length + (index.rejected.length === 1 ? ' input' : ' inputs') + ' rejected (no record)');
  var ul = el('ul');
  index.rejected.forEach(function (r) { ul.appendChild(el('li', '', r[0] + ': ' + r[1])); });
  box.appendChild(sum);
  box.appendChild(ul);
}
`;
