import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../renderer/charts/chart-spec.ts';
import { baseOptions } from '../../../renderer/charts/chart-theme.ts';
import { SeriesBinding } from '../../../renderer/charts/series-binding.ts';
import { bucketsSpec } from '../../../renderer/charts/specs/buckets-spec.ts';
import { ratesSpec } from '../../../renderer/charts/specs/rates-spec.ts';
import { RunSeries } from '../../../renderer/store/run-series.ts';
import { fakeChartFactory } from '../support/fake-chart.ts';
import { point } from '../support/fixtures.ts';

function bind(spec: ChartSpec) {
  const { factory, charts } = fakeChartFactory();
  const chart = factory(document.createElement('canvas'), {
    type: 'line',
    data: { datasets: [] },
    options: spec.options(),
  });
  return { chart: charts[0]!, binding: new SeriesBinding(chart, spec) };
}

const sentSpec: ChartSpec = {
  id: 'sent',
  title: 'Sent',
  lines: () => [{ key: 'sent', label: 'Sent', color: '#000000', value: (p) => p.sent }],
  options: () => baseOptions({ title: 'n' }, false),
};

describe('SeriesBinding', () => {
  it('appends only the seconds it has not drawn yet and redraws in place', () => {
    const series = new RunSeries(100);
    const { chart, binding } = bind(sentSpec);
    series.append([point(0, { sent: 5 }), point(1, { sent: 7 })]);
    expect(binding.sync(series)).toBe(2);
    series.append([point(2, { sent: 9 })]);
    expect(binding.sync(series)).toBe(3);
    expect(chart.datasets).toHaveLength(1);
    expect(chart.datasets[0]!.data).toEqual([
      { x: 0, y: 5 },
      { x: 1, y: 7 },
      { x: 2, y: 9 },
    ]);
    expect(chart.updates).toBe(2);
  });

  it('drops the points that left the series window, so a chart holds at most its capacity', () => {
    const series = new RunSeries(10);
    const { chart, binding } = bind(sentSpec);
    for (let t = 0; t < 35; t += 5) {
      series.append(Array.from({ length: 5 }, (_, i) => point(t + i)));
      binding.sync(series);
    }
    const data = chart.datasets[0]!.data;
    expect(data).toHaveLength(10);
    expect(data[0]).toMatchObject({ x: 25 });
    expect(chart.options.scales?.['x']).toMatchObject({ min: 25 });
  });

  it('starts over when a new run resets the series', () => {
    const series = new RunSeries(10);
    const { chart, binding } = bind(sentSpec);
    series.append([point(0), point(1)]);
    binding.sync(series);
    series.reset();
    series.append([point(0, { sent: 1 })]);
    expect(binding.sync(series)).toBe(1);
    expect(chart.datasets[0]!.data).toEqual([{ x: 0, y: 1 }]);
  });

  it('stacks the throttle layers on the accepted requests, with the offered load apart', () => {
    const series = new RunSeries(10);
    const { chart, binding } = bind(ratesSpec);
    series.append([point(0, { sent: 12, throttled: 3, quotaExceeded: 1, offered: 11 })]);
    binding.sync(series);
    const byLabel = Object.fromEntries(chart.datasets.map((d) => [d.label, d]));
    expect(byLabel['Accepted']!.data).toEqual([{ x: 0, y: 8 }]);
    expect(byLabel['Offered (first attempts)']!.data).toEqual([{ x: 0, y: 11 }]);
    expect(byLabel['Throttled · stage']).toMatchObject({ stack: 'outcome', data: [{ x: 0, y: 2 }] });
    expect(chart.options.scales?.['y']).toMatchObject({ stacked: true });
  });

  it('adds a bucket line when a bucket first appears, labelled with its readable name, against its capacity', () => {
    const series = new RunSeries(10);
    const { chart, binding } = bind(bucketsSpec({ kind: 'all' }));
    series.updateBuckets([{ id: 'account', label: 'Account', rate: 10, burst: 200, level: 100 }]);
    series.append([point(0, { buckets: { account: 100 } })]);
    binding.sync(series);
    series.updateBuckets([
      { id: 'usagePlan:free:alice', label: 'Plan free · key alice', rate: 5, burst: 10, level: 5 },
    ]);
    series.append([point(1, { buckets: { account: 50, 'usagePlan:free:alice': 5 } })]);
    binding.sync(series);
    const byLabel = Object.fromEntries(chart.datasets.map((d) => [d.label, d.data]));
    expect(byLabel['Account']).toEqual([
      { x: 0, y: 50 },
      { x: 1, y: 25 },
    ]);
    expect(byLabel['Plan free · key alice']).toEqual([{ x: 1, y: 50 }]);
    expect(byLabel['Capacity (burst)']).toEqual([
      { x: 0, y: 100 },
      { x: 1, y: 100 },
    ]);
  });

  it('leaves buckets that never spent a token out of the overview', () => {
    const series = new RunSeries(10);
    const { chart, binding } = bind(bucketsSpec({ kind: 'all' }));
    series.updateBuckets([
      { id: 'account', label: 'Account', rate: 10, burst: 200, level: 200 },
      { id: 'stage:petstore/dev:GET /pets', label: 'Stage dev · GET /pets', rate: 10, burst: 20, level: 20 },
    ]);
    series.append([point(0, { buckets: { account: 200, 'stage:petstore/dev:GET /pets': 20 } })]);
    binding.sync(series);
    expect(chart.datasets.map((d) => d.label)).toEqual(['Capacity (burst)']);
    series.append([point(1, { buckets: { account: 150, 'stage:petstore/dev:GET /pets': 20 } })]);
    binding.sync(series);
    expect(chart.datasets.map((d) => d.label)).toEqual(['Capacity (burst)', 'Account']);
    expect(chart.datasets[1]!.data).toEqual([
      { x: 0, y: 100 },
      { x: 1, y: 75 },
    ]);
  });

  it('draws one picked bucket in tokens with its burst as the capacity line', () => {
    const series = new RunSeries(10);
    const { chart, binding } = bind(bucketsSpec({ kind: 'one', id: 'account' }));
    series.updateBuckets([{ id: 'account', label: 'Account', rate: 10, burst: 200, level: 100 }]);
    series.append([point(0, { buckets: { account: 120 } })]);
    binding.sync(series);
    expect(chart.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Account · tokens', [{ x: 0, y: 120 }]],
      ['Capacity (burst 200)', [{ x: 0, y: 200 }]],
    ]);
  });
});
