import type { JsonPath } from '../../store/editor-paths.ts';
import { useLab } from '../../store/store-context.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { useDocValue } from '../hooks.ts';
import { asNumber, asObject } from '../model/json.ts';

/**
 * How long the backend takes and how often it fails (in virtual mode, every integration answers from this
 * model): a fixed latency, or a lognormal fitted to p50 and p99.
 */
export function LatencyFields({ at }: { at: JsonPath }) {
  const latency = useDocValue('config', [...at, 'latencyMs']);
  const setField = useLab((s) => s.setField);
  const percentiles = latency !== null && typeof latency === 'object';
  const switchModel = (toPercentiles: boolean) => {
    if (toPercentiles === percentiles) return;
    const fixed = asNumber(latency) ?? 20;
    const p50 = asNumber(asObject(latency)['p50']) ?? 20;
    setField('config', [...at, 'latencyMs'], toPercentiles ? { p50: fixed, p99: fixed * 5 } : p50);
  };
  return (
    <div className="ed-grid">
      <label className="ed-field">
        <span className="ed-label">Latency model</span>
        <select
          className="ed-input"
          value={percentiles ? 'percentiles' : 'fixed'}
          onChange={(e) => switchModel(e.target.value === 'percentiles')}
        >
          <option value="fixed">Fixed</option>
          <option value="percentiles">Lognormal (p50, p99)</option>
        </select>
      </label>
      {percentiles ? (
        <>
          <NumberField path={[...at, 'latencyMs', 'p50']} label="Latency p50 (ms)" />
          <NumberField path={[...at, 'latencyMs', 'p99']} label="Latency p99 (ms)" />
        </>
      ) : (
        <NumberField path={[...at, 'latencyMs']} label="Latency (ms)" placeholder="0 (MOCK), 200 (others)" />
      )}
      <NumberField path={[...at, 'errorRate']} label="Error rate (0–1)" placeholder="0" />
      <NumberField path={[...at, 'errorStatusCode']} label="Error status" placeholder="500" />
    </div>
  );
}
