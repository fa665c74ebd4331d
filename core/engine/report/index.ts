/** Run reports as files: a self-contained HTML page and the per-second series as CSV (pure string building). */
export { renderHtmlReport } from './html-report.ts';
export { renderSeriesCsv } from './series-csv.ts';
export { renderChart, type ChartSeries, type ChartSpec } from './svg-chart.ts';
