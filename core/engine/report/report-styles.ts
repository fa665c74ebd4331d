/** The report's only styles, inline so the file needs nothing else. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --ok: #15803d; --bad: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta, .note, .unit, .empty { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; min-width: 130px; }
.card b { display: block; font-size: 18px; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f9fafb; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.plain { margin: 0; padding-left: 16px; }
code { font-size: 12px; }
figure.chart { margin: 8px 0 16px; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-weight: 600; margin-bottom: 2px; }
.multiples { display: flex; flex-wrap: wrap; gap: 8px 20px; }
.multiples figcaption { font-size: 12px; font-weight: 500; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg text { font-size: 10px; fill: var(--muted); }
svg .ylabel { text-anchor: end; dominant-baseline: middle; }
svg .xlabel { text-anchor: middle; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 2px 0 0; font-size: 12px; }
.swatch { display: inline-block; width: 12px; height: 10px; margin-right: 4px; background: var(--c); vertical-align: baseline; }
.swatch.dashed { height: 0; border-top: 2px dashed var(--c); background: none; vertical-align: middle; }
.pass { color: var(--ok); font-weight: 600; }
.fail { color: var(--bad); font-weight: 600; }
@media print { body { padding: 0; } section { break-inside: avoid-page; } }
`;
