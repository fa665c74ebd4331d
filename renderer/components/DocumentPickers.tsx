import { selectRunActive, titledOptions } from '../store/selectors.ts';
import { useLab } from '../store/store-context.tsx';

interface PickerProps {
  label: string;
  testId: string;
  options: Array<[name: string, title: string]>;
  selected: string | null;
  disabled: boolean;
  onSelect(name: string): void;
}

function ExamplePicker({ label, testId, options, selected, disabled, onSelect }: PickerProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={selected ?? ''}
        onChange={(e) => onSelect(e.target.value)}
        disabled={disabled}
        data-testid={testId}
      >
        {options.map(([name, title]) => (
          <option key={name} value={name}>
            {title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The example config the run uses. */
export function ConfigPicker() {
  const configs = useLab((s) => s.configs);
  const examples = useLab((s) => s.examples);
  const selected = useLab((s) => s.selectedConfig);
  const selectConfig = useLab((s) => s.selectConfig);
  const busy = useLab(selectRunActive);
  return (
    <ExamplePicker
      label="Config"
      testId="config-select"
      options={titledOptions(configs, examples)}
      selected={selected}
      disabled={busy}
      onSelect={selectConfig}
    />
  );
}

/** The scenario the Run button starts; picking one switches to a config that defines its target API. */
export function ScenarioPicker() {
  const scenarios = useLab((s) => s.scenarios);
  const examples = useLab((s) => s.examples);
  const selected = useLab((s) => s.selectedScenario);
  const selectScenario = useLab((s) => s.selectScenario);
  const busy = useLab(selectRunActive);
  return (
    <ExamplePicker
      label="Scenario"
      testId="scenario-select"
      options={titledOptions(scenarios, examples)}
      selected={selected}
      disabled={busy}
      onSelect={selectScenario}
    />
  );
}
