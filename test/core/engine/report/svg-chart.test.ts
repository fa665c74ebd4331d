import { describe, expect, it } from 'vitest';
import { downsample, niceTicks, tickLabel } from '../../../../core/engine/report/chart-scale.ts';
import { renderChart } from '../../../../core/engine/report/svg-chart.ts';

describe('chart scales', () => {
  it('picks round ticks from 0 to at least the maximum', () => {
    expect(niceTicks(4300)).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0)).toEqual([0, 0.5]);
    expect(tickLabel(25_000)).toBe('25k');
    expect(tickLabel(0.30000000000000004)).toBe('0.3');
  });

  it('averages long series into at most 600 bins', () => {
    expect(downsample([1, 2, 3])).toEqual({ binSize: 1, values: [1, 2, 3] });
    const long = downsample(Array.from({ length: 1201 }, (_, i) => i));
    expect(long.binSize).toBe(3);
    expect(long.values).toHaveLength(401);
    expect(long.values[0]).toBe(1);
    expect(long.values.at(-1)).toBe(1200);
  });
});

describe('renderChart', () => {
  it('stacks areas, draws lines over them, and escapes names', () => {
    const svg = renderChart({
      id: 'x',
      title: 'A <b>',
      unit: 'req/s',
      series: [
        { name: 'one', color: '#111', kind: 'area', values: [1, 2, 3] },
        { name: 'two', color: '#222', kind: 'area', values: [1, 1, 1] },
        { name: 'line <i>', color: '#333', kind: 'line', values: [5, 5, 5], dashed: true },
      ],
    });
    expect(svg).not.toMatch(/<b>|<i>|xmlns/);
    expect(svg).toContain('<title>A &lt;b&gt;</title>');
    expect(svg.match(/fill-opacity/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('width="760" height="220"');
  });

  it('draws an empty series without failing', () => {
    const svg = renderChart({
      id: 'e',
      title: 'empty',
      unit: 'ms',
      series: [{ name: 'p50', color: '#000', kind: 'line', values: [] }],
    });
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('NaN');
  });
});
