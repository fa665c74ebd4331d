import { useEffect, useRef } from 'react';
import type { ChartHandle } from '../../charts/chart-adapter.ts';
import { useChartFactory } from '../../charts/chart-factory-context.tsx';
import { applyTheme, baseOptions, COLORS, readChartTheme, watchColorScheme } from '../../charts/chart-theme.ts';
import type { RatePoint } from '../model/offered-rate.ts';

/**
 * The offered rate over time, redrawn in place as the phases are edited. `data-points` carries how many points
 * it draws, for tests.
 */
export function RatePreview({ points, title }: { points: RatePoint[]; title: string }) {
  const factory = useChartFactory();
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartHandle | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const options = baseOptions({ title: 'requests/s' }, false);
    options.plugins = { ...options.plugins, legend: { display: false } };
    applyTheme(options, readChartTheme());
    const created = factory(canvas.current, {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Offered rate',
            data: [],
            borderColor: COLORS.offered,
            backgroundColor: 'rgba(59, 130, 246, 0.15)',
            fill: 'origin',
          },
        ],
      },
      options,
    });
    chart.current = created;
    const unwatch = watchColorScheme(() => {
      applyTheme(created.options, readChartTheme());
      created.update();
    });
    return () => {
      unwatch();
      created.destroy();
      chart.current = null;
    };
  }, [factory]);

  useEffect(() => {
    const current = chart.current;
    const dataset = current?.datasets[0];
    if (!current || !dataset) return;
    dataset.data = points.map((p) => ({ x: p.x, y: p.y }));
    current.update();
    if (box.current) box.current.dataset['points'] = String(points.length);
  }, [points, factory]);

  return (
    <figure className="ed-preview" aria-label={title}>
      <figcaption className="ed-label">{title}</figcaption>
      <div className="chart-box ed-preview-box" ref={box} data-testid="rate-preview" data-points="0">
        <canvas ref={canvas} role="img" aria-label={`${title} chart`} />
      </div>
    </figure>
  );
}
