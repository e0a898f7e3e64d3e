/** The report formats and the one function that renders a report in any of them. */
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';
import type { DiffReport } from './types.js';

/** Formats of a diff report. */
export const REPORT_FORMATS = ['text', 'markdown', 'json'] as const;
/** A format of a diff report. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether `value` names a report format. */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The report in `format`; colour applies to text only. */
export function renderReport(report: DiffReport, format: ReportFormat, options: { color: boolean }): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  return renderText(report, options);
}
