/** Page script: what every part shares: the index data, the fields, and two DOM helpers. */
export const commonScript = String.raw`
'use strict';
var ROW = 28;
var index = JSON.parse(document.getElementById('coalex-index').textContent);
var fields = index.fields;
var docs = index.docs;
var byId = new Map();
docs.forEach(function (d, n) { byId.set(d[0], n); });
var hay = docs.map(function (d) { return (d[0] + ' ' + d[2] + ' ' + d[3] + ' ' + d[4]).toLowerCase(); });
var WARN = fields.indexOf('warnings');
var $ = function (id) { return document.getElementById(id); };
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
`;
