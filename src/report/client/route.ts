/** Page script: `#doc/<id>[/L<line>]` opens a document (at a line), anything else the index; then the page marks itself ready. */
export const routeScript = String.raw`
function route() {
  var m = /^#doc\/([^/]+)(?:\/L(\d+))?$/.exec(location.hash);
  var n = m ? byId.get(decodeURIComponent(m[1])) : undefined;
  if (n !== undefined && document.readyState === 'loading') {
    // the documents' data follows this script in the file: open one once it has all been read
    $('count').textContent = 'Reading the documents\u2026';
    document.addEventListener('DOMContentLoaded', function () { applyFilter(); route(); }, { once: true });
    return;
  }
  if (n !== undefined) {
    if (!$('index-view').hidden) indexTop = rowsBox.scrollTop;
    $('index-view').hidden = true;
    $('doc-view').hidden = false;
    openDoc(n, m[2] ? Number(m[2]) : 0);
  } else {
    $('doc-view').hidden = true;
    $('index-view').hidden = false;
    delete document.documentElement.dataset.doc;
    document.title = index.title;
    rowsBox.scrollTop = indexTop;
    drawn = '';
    drawRows();
  }
}
window.addEventListener('hashchange', route);
buildHead();
applyFilter();
route();
document.documentElement.dataset.ready = 'true';
if (window.performance && performance.mark) performance.mark('coalex-index-ready');
`;
