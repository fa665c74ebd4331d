import { useMemo } from 'react';
import type { RunComparison } from '../../core/contract/lab-api.ts';
import { overlayDatasets, type Overlay } from './overlays.ts';
import { useStaticChart } from './use-static-chart.ts';

/** One figure of two runs in the same chart: A solid, B dashed. */
export function OverlayChart({ overlay, comparison }: { overlay: Overlay; comparison: RunComparison }) {
  const datasets = useMemo(() => overlayDatasets(overlay, comparison), [overlay, comparison]);
  const { canvasRef, containerRef } = useStaticChart(`compare-${overlay.id}`, overlay.options, datasets);
  const titleId = `compare-title-${overlay.id}`;
  return (
    <figure className="panel chart-card" aria-labelledby={titleId}>
      <header className="panel-header">
        <h2 id={titleId}>{overlay.title}</h2>
      </header>
      <div className="chart-box" ref={containerRef} data-testid={`compare-chart-${overlay.id}`} data-points="0">
        <canvas ref={canvasRef} role="img" aria-label={`${overlay.title}, run A and run B`} />
      </div>
    </figure>
  );
}
