import { ConfigPicker, ScenarioPicker } from './DocumentPickers.tsx';
import { ModeSelect, RunButtons, SpeedControl } from './RunControls.tsx';

/** The app bar: what to run, how, and the Run and Stop buttons. */
export function Toolbar() {
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span>Gatelab</span>
      </div>
      <div className="toolbar-fields">
        <ConfigPicker />
        <ScenarioPicker />
        <ModeSelect />
        <SpeedControl />
      </div>
      <RunButtons />
    </header>
  );
}
