import { useMemo } from 'react';
import { tuneConfigOf, tuneLayerOf } from '../store/tuning-hot-apply.ts';
import { useLab } from '../store/store-context.tsx';
import { ChangeLog } from './ChangeLog.tsx';
import { fieldsFor } from './layer-fields.ts';
import { layerOptions } from './layers.ts';
import { TuneFieldRow } from './TuneFieldRow.tsx';

/**
 * Hot-apply on the dashboard (SPEC §9): sliders and number fields for the rate and burst at any layer, a plan's
 * quota and a stage's cache TTL, pre-filled from the config the run has in force. Apply changes the running run at
 * once; each change is numbered here and drawn on the charts.
 */
export function TunePanel() {
  const config = useLab(tuneConfigOf);
  const layerKey = useLab((s) => tuneLayerOf(s)?.key ?? null);
  const draft = useLab((s) => s.tuneDraft);
  const busy = useLab((s) => s.tuneBusy);
  const error = useLab((s) => s.tuneError);
  const reopened = useLab((s) => (s.reopenedRun ? (s.lastSummary?.name ?? s.reopenedRun) : null));
  const running = useLab((s) => s.runPhase === 'running' && s.tuned.runId !== null && s.tuned.runId === s.runId);
  const selectTuneLayer = useLab((s) => s.selectTuneLayer);
  const setTuneDraft = useLab((s) => s.setTuneDraft);
  const applyTuning = useLab((s) => s.applyTuning);
  const discard = useLab((s) => s.discardTuneDraft);
  const options = useMemo(() => (config ? layerOptions(config) : []), [config]);
  const layer = options.find((o) => o.key === layerKey)?.layer;
  const fields = useMemo(() => (config && layer ? fieldsFor(config, layer) : []), [config, layer]);
  const moved = Object.keys(draft).length > 0;
  const apply = () => void applyTuning();

  return (
    <section className="panel side-panel tune-panel" aria-label="Tune limits" data-testid="tune-panel">
      <header className="panel-header">
        <h2>Tune limits</h2>
        <span className="muted" data-testid="tune-status">
          {running ? 'applies to the running run' : 'while a run goes'}
        </span>
      </header>
      {reopened && (
        <p className="tune-note" data-testid="reopened-note">
          Showing the saved run “{reopened}”.
        </p>
      )}
      {config === null ? (
        <p className="empty">Select a valid config to tune.</p>
      ) : (
        <>
          <label className="field">
            <span>Layer</span>
            <select value={layerKey ?? ''} onChange={(e) => selectTuneLayer(e.target.value)} data-testid="tune-layer">
              {options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {fields.map((state) => (
            <TuneFieldRow
              key={state.field}
              state={state}
              draft={draft[state.field]}
              disabled={!running || busy}
              onChange={(value) => setTuneDraft(state.field, value)}
              onCommit={apply}
            />
          ))}
          <div className="tune-actions">
            <button
              type="button"
              className="primary"
              onClick={apply}
              disabled={!running || !moved || busy}
              data-testid="tune-apply"
            >
              {busy ? 'Applying…' : 'Apply now'}
            </button>
            <button type="button" onClick={discard} disabled={!moved || busy} data-testid="tune-discard">
              Reset
            </button>
          </div>
          {!running && <p className="muted">Start a run to change its limits while traffic flows.</p>}
        </>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="tune-error">
          {error}
        </p>
      )}
      <ChangeLog />
    </section>
  );
}
