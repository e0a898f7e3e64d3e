/** The review page's stylesheet: layout, and one highlight colour per field. */
import { fieldStyles, reportFields } from './fields.js';

const layout = `
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;display:flex;flex-direction:column}
a{color:#0b57d0}
button{font:inherit}
.top{display:flex;align-items:baseline;gap:16px;padding:8px 16px;border-bottom:1px solid #d8dde3;background:#f6f8fa;flex:none}
.top h1{font-size:16px;margin:0}
.top .sub{color:#57606a}
.view{flex:1;min-height:0;display:flex;flex-direction:column}
.view[hidden]{display:none}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:10px 16px;flex:none}
.controls input[type=search]{width:22em;padding:4px 8px;font:inherit}
.controls select{font:inherit;padding:3px}
.count{color:#57606a}
.rejected{margin:0 16px 8px;color:#8a1c1c}
.table{flex:1;min-height:0;display:flex;flex-direction:column;overflow-x:auto;padding:0 16px 8px}
.grid{display:grid;grid-template-columns:minmax(190px,1.6fr) 84px minmax(150px,1.2fr) repeat(var(--counts),52px);align-items:center;min-width:1260px}
.head{font-weight:600;border-bottom:2px solid #d8dde3;flex:none}
.head button{background:none;border:0;border-bottom:3px solid transparent;font-size:12px;padding:4px;text-align:left;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:inherit}
.head button.num{text-align:right;padding-right:8px}
.head button[aria-sort=ascending]::after{content:" \\25B2";font-size:10px}
.head button[aria-sort=descending]::after{content:" \\25BC";font-size:10px}
.rows{flex:1;min-height:0;overflow-y:auto;position:relative;min-width:1260px}
.spacer{position:relative}
.row{height:28px;text-decoration:none;color:inherit;border-bottom:1px solid #eef0f2;position:absolute;left:0;right:0}
.row:hover,.row:focus{background:#f0f6ff;outline:none}
.row>span{padding:0 4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.row .id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
.row .n{text-align:right;padding-right:8px;font-variant-numeric:tabular-nums}
.row .zero{color:#c4c9cf}
.row .warn{color:#c00000;font-weight:600}
.empty-index{padding:24px 16px;color:#57606a}
.doc-head{padding:8px 16px 4px;flex:none;border-bottom:1px solid #eef0f2}
.doc-head nav{display:flex;gap:16px;margin-bottom:4px}
.doc-head h2{font-size:18px;margin:2px 0}
.doc-head .meta{color:#57606a;font-size:13px}
.notice{margin:6px 0 2px;padding:6px 10px;background:#fff4d6;border:1px solid #e7c35a;border-radius:4px}
.legend{display:flex;flex-wrap:wrap;gap:4px 6px;padding:6px 16px;flex:none;border-bottom:1px solid #eef0f2}
.legend button{display:inline-flex;align-items:center;gap:5px;border:1px solid #d8dde3;background:#fff;border-radius:12px;padding:1px 9px 1px 5px;cursor:pointer;font-size:12px}
.legend button[aria-pressed=false]{opacity:.45;text-decoration:line-through}
.chip{display:inline-block;width:14px;height:14px;border-radius:3px;border-bottom:3px solid transparent;flex:none}
.panes{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr)}
.pane{overflow:auto;min-height:0;padding:8px 16px 40vh}
.pane+.pane{border-left:1px solid #d8dde3;background:#fbfcfd}
.text{font:13px/1.9 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4}
.line{position:relative;padding-left:4.4em;min-height:1.9em}
.line::before{content:attr(data-line);position:absolute;left:0;width:3.6em;text-align:right;color:#8c959f;user-select:none}
.line.flash{background:#fff1b8}
mark.hl{color:inherit;cursor:pointer;border-radius:2px}
mark.d0{padding-bottom:7px}
mark.d1{padding-bottom:4px}
mark.d2{padding-bottom:1px}
mark.flash,.val.flash{outline:3px solid #ff6a00;outline-offset:1px}
.no-text{color:#57606a;font-style:italic}
.rec h3{font-size:13px;margin:14px 0 4px;display:flex;align-items:center;gap:6px}
.rec h3 .n{color:#57606a;font-weight:400}
.rec ul{list-style:none;margin:0;padding:0 0 0 14px}
.rec li{margin:3px 0}
.rec li{padding-left:7px;border-left:3px solid transparent}
.rec .val{background:none;border:0;padding:0 2px;text-align:left;color:#0b3d91;cursor:pointer;border-radius:2px}
.rec .val:hover,.rec .val:focus{background:#e8f0fe;text-decoration:underline}
.rec span.val{color:inherit;cursor:default;text-decoration:none}
.rec .props{color:#57606a;font-size:12px;margin-left:6px}
.rec .none{color:#8c959f}
.rec dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:0;font-size:13px}
.rec dt{color:#57606a}
.rec dd{margin:0;overflow-wrap:anywhere}
`;

/** The whole stylesheet. */
export function reportCss(): string {
  const perField = reportFields.map((field) => {
    const s = fieldStyles[field];
    return [
      `mark.hl[data-field="${field}"]{background:${s.background};border-bottom:${s.border === 'double' ? 3 : 2}px ${s.border} ${s.line}}`,
      `.chip[data-field="${field}"]{background:${s.background};border-bottom-color:${s.line}}`,
      `.head button[data-field="${field}"]{border-bottom-color:${s.line}}`,
      `.rec li[data-field="${field}"]{border-left-color:${s.line}}`,
      `.text.hide-${field} mark.hl[data-field="${field}"]{background:transparent;border-bottom-color:transparent;padding-bottom:0}`,
    ].join('\n');
  });
  return `${layout.trim()}\n${perField.join('\n')}\n`;
}
