/**
 * The HTML report: one self-contained page (inline CSS, no scripts, no external assets) that can be
 * attached to a CI run. Every string from the spec or a response goes through `escapeHtml`; the
 * page has a Content-Security-Policy that forbids scripts anyway, in case a string slips through.
 */
import { CHECKS, type Finding, type MatrixCell, type Report } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d1d1f;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
.meta{color:#555}.verdict{font-weight:600;margin:12px 0}.bad{color:#b3261e}.good{color:#1e7d32}
table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f7}td.cell{text-align:center;min-width:56px;font-size:12px}
.documented{background:#eef1f6;color:#556}.observed{background:#d8f0dc;color:#174d22}
.violated{background:#f9d2cf;color:#7d1a12;font-weight:700}.undocumented{background:#fde9c8;color:#6b4500}
.finding{border:1px solid #e3b3ae;border-left:4px solid #b3261e;padding:8px 12px;margin:12px 0;border-radius:4px}
pre{background:#f5f5f7;padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-all;margin:6px 0}
code{font:12px ui-monospace,monospace}.legend span{display:inline-block;padding:2px 8px;margin-right:6px}`;

export function renderHtml(report: Report): string {
  const title = `faultline verify: ${report.spec.title}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)} ${escapeHtml(report.spec.version)}</h1>
<p class="meta">${escapeHtml(report.baseUrl)} · ${report.requests} requests (${report.planned} planned) · ${(report.durationMs / 1000).toFixed(1)} s · seed ${report.seed}</p>
<p class="verdict ${report.findings.length ? 'bad' : 'good'}" id="verdict">${report.findings.length ? `${report.findings.length} findings` : 'No findings: every response kept the documented contract.'}</p>
<h2>Operations × statuses</h2>
<p class="legend"><span class="documented">documented</span><span class="observed">observed</span><span class="violated">violated</span><span class="undocumented">undocumented</span></p>
${renderMatrix(report)}
<h2>Coverage of documented errors</h2>
${renderCoverage(report)}
<h2>Findings</h2>
${report.findings.map(renderFinding).join('\n') || '<p>None.</p>'}
</body></html>
`;
}

function renderMatrix(report: Report): string {
  const { columns, rows } = report.matrix;
  const head = `<tr><th>operation</th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows.map(
    (row) =>
      `<tr data-operation="${escapeHtml(row.operation)}"><th>${escapeHtml(row.operation)}</th>` +
      `${columns.map((c) => renderCell(c, row.cells[c])).join('')}</tr>`,
  );
  return `<table id="matrix">${head}\n${body.join('\n')}</table>`;
}

function renderCell(column: string, cell: MatrixCell | undefined): string {
  if (!cell) return '<td class="cell"></td>';
  const text =
    cell.state === 'violated'
      ? `violated ${cell.violations}/${cell.observed}`
      : cell.state === 'documented'
        ? 'documented'
        : `${cell.state} ${cell.observed}`;
  return `<td class="cell ${cell.state}" data-status="${escapeHtml(column)}" data-state="${cell.state}">${escapeHtml(text)}</td>`;
}

function renderCoverage(report: Report): string {
  const list = (statuses: readonly (string | number)[]) => escapeHtml(statuses.join(' ') || '-');
  const rows = report.coverage.map(
    (c) =>
      `<tr><th>${escapeHtml(c.operation)}</th><td>${c.requests}</td>` +
      `<td>${list(c.observedErrors)}</td><td>${list(c.neverObserved)}</td><td>${list(c.undocumented)}</td></tr>`,
  );
  const head = '<tr><th>operation</th><th>requests</th><th>errors observed</th><th>never observed</th><th>undocumented</th></tr>';
  return `<table id="coverage">${head}\n${rows.join('\n')}</table>`;
}

function renderFinding(f: Finding): string {
  const req = f.request;
  const res = f.response;
  const requestText = [
    `${req.method} ${req.url}`,
    ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`),
    ...(req.body !== undefined ? ['', req.body.slice(0, 2000)] : []),
  ].join('\n');
  const responseText = res
    ? [`${res.status} ${res.contentType ?? ''}`, ...Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`), '', res.body].join('\n')
    : 'no response';
  return `<div class="finding" data-check="${escapeHtml(f.check)}" data-operation="${escapeHtml(f.operation)}">
<p><strong>${escapeHtml(f.check)}</strong> · ${escapeHtml(f.operation)} → ${f.status || 'no response'}${f.occurrences > 1 ? ` · ${f.occurrences} requests` : ''}<br>
<span title="${escapeHtml(CHECKS[f.check])}">${escapeHtml(f.message)}</span><br><small>probe: ${escapeHtml(f.probe.kind)}, ${escapeHtml(f.probe.label)}</small></p>
<details><summary>request and response</summary><pre><code>${escapeHtml(requestText)}</code></pre><pre><code>${escapeHtml(responseText)}</code></pre></details>
<pre class="curl"><code>${escapeHtml(f.curl)}</code></pre></div>`;
}
