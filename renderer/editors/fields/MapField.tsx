import { isJsonObject, type JsonPath } from '../../store/editor-paths.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddButton } from '../Card.tsx';
import { useDocKind } from '../doc-kind.tsx';
import { useDocValue, useFieldProblems } from '../hooks.ts';
import { FieldProblems } from './FieldShell.tsx';
import { KeyInput } from './KeyInput.tsx';
import { TextField } from './TextField.tsx';

/** A name not used in `map` yet: `base`, then `base2`, `base3`… */
export function freeKey(map: unknown, base: string): string {
  const taken = isJsonObject(map) ? map : {};
  if (!(base in taken)) return base;
  for (let n = 2; ; n++) if (!(`${base}${n}` in taken)) return `${base}${n}`;
}

/** A string-to-string map (stage variables, canary overrides, MOCK headers), one row per entry. */
export function MapField(props: { path: JsonPath; label: string; keyLabel: string; newKey: string; testId?: string }) {
  const kind = useDocKind();
  const map = useDocValue(kind, props.path);
  const problems = useFieldProblems(kind, props.path);
  const setField = useLab((s) => s.setField);
  const renameKey = useLab((s) => s.renameKey);
  const entries = isJsonObject(map) ? Object.keys(map) : [];
  return (
    <fieldset className="ed-map wide" data-testid={props.testId}>
      <legend className="ed-label">{props.label}</legend>
      {entries.length === 0 && <p className="ed-empty">None.</p>}
      {entries.map((key) => (
        <div className="ed-map-row" key={key}>
          <KeyInput
            value={key}
            label={`${props.keyLabel} name`}
            onRename={(to) => renameKey(kind, props.path, key, to)}
          />
          <TextField path={[...props.path, key]} label={`Value of ${key}`} required compact />
          <button
            type="button"
            className="ed-icon"
            aria-label={`Remove ${key}`}
            onClick={() => setField(kind, [...props.path, key], undefined)}
          >
            ✕
          </button>
        </div>
      ))}
      <AddButton onClick={() => setField(kind, [...props.path, freeKey(map, props.newKey)], '')}>
        + Add {props.keyLabel}
      </AddButton>
      <FieldProblems id={`${props.testId ?? 'map'}-problems`} problems={problems} />
    </fieldset>
  );
}
