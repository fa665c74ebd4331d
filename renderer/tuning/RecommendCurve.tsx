import { useMemo } from 'react';
import type { CurvePoint } from '../../core/contract/lab-api.ts';
import { useLab } from '../store/store-context.tsx';
import { curveAnnotations, curveDatasets, curveOptions } from './curve.ts';
import { useStaticChart } from './use-static-chart.ts';

const NONE: CurvePoint[] = [];

/** The goal's value against the rate: filled in as the search goes, then from the final, de-duplicated curve. */
export function RecommendCurve() {
  const result = useLab((s) => s.recommendation);
  const progress = useLab((s) => s.recommendProgress?.points ?? NONE);
  const goal = useLab((s) => s.recommendation?.goal ?? s.recommendGoal);
  const points = result?.curve ?? progress;
  const datasets = useMemo(() => curveDatasets(points, goal), [points, goal]);
  const annotations = useMemo(() => curveAnnotations(result), [result]);
  const { canvasRef, containerRef } = useStaticChart('recommend-curve', curveOptions, datasets, annotations);
  return (
    <figure className="panel chart-card" aria-labelledby="recommend-curve-title">
      <header className="panel-header">
        <h2 id="recommend-curve-title">Goal against the rate</h2>
        <span className="muted">green: goal met · red: not met</span>
      </header>
      <div className="chart-box" ref={containerRef} data-testid="recommend-curve" data-points="0">
        <canvas ref={canvasRef} role="img" aria-label="The goal's value at each rate tried" />
      </div>
    </figure>
  );
}
