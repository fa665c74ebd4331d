import { describe, expect, it } from 'vitest';
import { renderSeriesCsv } from '../../../../core/engine/report/series-csv.ts';
import { flashSaleReport } from './flash-sale.ts';

const report = flashSaleReport();

/** Splits one CSV line into fields (RFC 4180 quoting). */
function fields(line: string): string[] {
  const out: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const match of line.matchAll(pattern)) {
    const field = match[1] ?? '';
    out.push(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
    if (match[2] === '') break;
  }
  return out;
}

describe('renderSeriesCsv', () => {
  it('has one row per second after a header, and one column per bucket', () => {
    const lines = renderSeriesCsv(report).split('\n');
    expect(lines.at(-1)).toBe('');
    const [header, ...rows] = lines.slice(0, -1).map(fields);
    const bucketIds = Object.keys(report.buckets);
    expect(header?.slice(0, 5)).toEqual(['t', 'offered', 'sent', 'ok', 'throttled']);
    expect(header?.slice(-bucketIds.length)).toEqual(bucketIds);
    expect(header).toContain('throttledBy.usagePlan');
    expect(header).toContain('latencyMs.p99');
    expect(rows).toHaveLength(report.series.length);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    const column = (name: string) => header!.indexOf(name);
    const second = rows[45]!;
    const point = report.series[45]!;
    expect(Number(second[column('t')])).toBe(45);
    expect(Number(second[column('sent')])).toBe(point.sent);
    expect(Number(second[column('throttledBy.stage')])).toBe(point.throttledBy.stage);
    expect(Number(second[column('latencyMs.p99')])).toBe(point.latencyMs.p99);
    expect(Number(second[column('usagePlan:pro:bob')])).toBe(point.buckets['usagePlan:pro:bob']);
    expect(rows.every((r) => r.every((f) => f === '' || Number.isFinite(Number(f))))).toBe(true);
  });

  it('quotes a bucket id with a comma and leaves a missing level empty', () => {
    const odd = 'stage:a/prod:GET /x,"y"';
    const series = report.series.slice(0, 2).map((p, t) => ({ ...p, buckets: t === 0 ? { [odd]: 3 } : {} }));
    const csv = renderSeriesCsv({ ...report, buckets: {}, series });
    const [header, first, second] = csv.split('\n');
    expect(header?.endsWith(',"stage:a/prod:GET /x,""y"""')).toBe(true);
    expect(fields(header!).at(-1)).toBe(odd);
    expect(first?.endsWith(',3')).toBe(true);
    expect(second?.endsWith(',')).toBe(true);
  });
});
