import type { JsonPath } from '../../store/editor-paths.ts';
import { isJsonObject } from '../../store/editor-paths.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, RemoveButton } from '../Card.tsx';
import { ProblemsAt } from '../fields/FieldShell.tsx';
import { KeyInput } from '../fields/KeyInput.tsx';
import { freeKey } from '../fields/MapField.tsx';
import { useDocValue } from '../hooks.ts';
import { GENERATOR_KINDS, generatorKind, generatorTemplate, type GeneratorKind } from '../model/templates.ts';
import { GeneratorFields } from './GeneratorFields.tsx';

const KIND_LABELS: Record<GeneratorKind, string> = {
  literal: 'fixed value',
  zipf: 'zipf (popular first)',
  uniform: 'uniform integers',
  sequence: 'sequence',
  values: 'weighted values',
};

/** Path parameters, query or headers of a mix entry: each a fixed string or a generator drawn per request. */
export function ParamMapField({ path, label, newKey }: { path: JsonPath; label: string; newKey: string }) {
  const map = useDocValue('scenario', path);
  const setField = useLab((s) => s.setField);
  const renameKey = useLab((s) => s.renameKey);
  const names = isJsonObject(map) ? Object.keys(map) : [];
  return (
    <fieldset className="ed-map wide">
      <legend className="ed-label">{label}</legend>
      {names.map((name) => {
        const value = (map as Record<string, unknown>)[name];
        const kind = generatorKind(value);
        const at = [...path, name];
        return (
          <div className="ed-param" key={name} data-testid={`param-${name}`}>
            <div className="ed-map-row">
              <label className="ed-field">
                <span className="ed-label">Name</span>
                <KeyInput
                  value={name}
                  label={`${label} name`}
                  onRename={(to) => renameKey('scenario', path, name, to)}
                />
              </label>
              <label className="ed-field">
                <span className="ed-label">Drawn as</span>
                <select
                  className="ed-input"
                  value={kind ?? ''}
                  onChange={(e) => setField('scenario', at, generatorTemplate(e.target.value as GeneratorKind))}
                >
                  {kind === null && <option value="">(unrecognised)</option>}
                  {GENERATOR_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <GeneratorFields path={at} kind={kind} />
              <RemoveButton label={`Remove ${name}`} onClick={() => setField('scenario', at, undefined)} />
            </div>
            <ProblemsAt path={at} />
          </div>
        );
      })}
      <ProblemsAt path={path} />
      <AddButton onClick={() => setField('scenario', [...path, freeKey(map, newKey)], '1')}>+ Add</AddButton>
    </fieldset>
  );
}
