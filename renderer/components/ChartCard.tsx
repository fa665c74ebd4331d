import type { ReactNode } from 'react';
import type { ChartSpec } from '../charts/chart-spec.ts';
import { useLiveChart } from '../hooks/use-live-chart.ts';
import { ExportChartButton } from './ExportChartButton.tsx';

/** A live chart in a titled panel; `controls` go in its header, before its PNG download button. */
export function ChartCard({ spec, controls }: { spec: ChartSpec; controls?: ReactNode }) {
  const { canvasRef, containerRef } = useLiveChart(spec);
  const titleId = `chart-title-${spec.id}`;
  return (
    <figure className="panel chart-card" aria-labelledby={titleId}>
      <header className="panel-header">
        <h2 id={titleId}>{spec.title}</h2>
        <div className="panel-tools">
          {controls}
          <ExportChartButton canvasRef={canvasRef} title={spec.title} chartId={spec.id} />
        </div>
      </header>
      <div className="chart-box" ref={containerRef} data-testid={`chart-${spec.id}`} data-points="0">
        <canvas ref={canvasRef} role="img" aria-label={`${spec.title} chart`} />
      </div>
    </figure>
  );
}
