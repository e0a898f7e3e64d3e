/** Page script: a document's text as numbered lines, each highlight a `mark`; nested marks stay nested, a mark across lines repeats on each. */
export const textScript = String.raw`
function isBreak(text, i) {
  var c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}
/* Renders text[0, length) into line elements; marks are [item, start, end, children?], nested. */
function renderText(text, marks, items, box) {
  var lineNo = 1;
  var line = null;
  var stack = [];
  function newLine() {
    line = el('div', 'line');
    line.dataset.line = lineNo;
    box.appendChild(line);
    var parent = line;
    for (var s = 0; s < stack.length; s++) {
      var copy = stack[s].cloneNode(false);
      parent.appendChild(copy);
      stack[s] = copy;
      parent = copy;
    }
  }
  function parent() { return stack.length ? stack[stack.length - 1] : line; }
  function emit(from, to) {
    var start = from;
    for (var i = from; i < to; i++) {
      var c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (i > start) parent().appendChild(document.createTextNode(text.slice(start, i)));
      start = i + 1;
      if (isBreak(text, i)) { lineNo++; newLine(); }
    }
    if (to > start) parent().appendChild(document.createTextNode(text.slice(start, to)));
  }
  function walk(list, from, to) {
    var pos = from;
    for (var k = 0; k < list.length; k++) {
      var m = list[k];
      emit(pos, m[1]);
      var item = items[m[0]];
      var mark = el('mark', 'hl d' + Math.min(stack.length, 3));
      mark.dataset.field = fields[item[0]];
      mark.dataset.item = m[0];
      mark.title = fields[item[0]] + ': ' + (item[1].length > 160 ? item[1].slice(0, 160) + '\u2026' : item[1]);
      parent().appendChild(mark);
      stack.push(mark);
      walk(m[3] || [], m[1], m[2]);
      stack.pop();
      pos = m[2];
    }
    emit(pos, to);
  }
  newLine();
  walk(marks, 0, text.length);
}
`;
