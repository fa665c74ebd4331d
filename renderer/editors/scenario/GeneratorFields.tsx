import type { JsonPath } from '../../store/editor-paths.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, RemoveButton } from '../Card.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { asArray } from '../model/json.ts';
import type { GeneratorKind } from '../model/templates.ts';

/** A `values` generator: a weighted list, each value a string or `{ value, weight }`. */
function ValuesList({ path }: { path: JsonPath }) {
  const values = asArray(useDocValue('scenario', path));
  const insertItem = useLab((s) => s.insertItem);
  const removeItem = useLab((s) => s.removeItem);
  const setField = useLab((s) => s.setField);
  return (
    <div className="ed-subgroup">
      {values.map((item, i) => {
        // A bare string is a value of weight 1; give it a weight field by writing it out in full.
        const full = typeof item === 'string';
        return (
          <div className="ed-map-row" key={i}>
            {full ? (
              <TextField path={[...path, i]} label={`Value ${i + 1}`} required compact />
            ) : (
              <>
                <TextField path={[...path, i, 'value']} label={`Value ${i + 1}`} required compact />
                <NumberField path={[...path, i, 'weight']} label={`Weight of value ${i + 1}`} placeholder="1" compact />
              </>
            )}
            {full && (
              <button type="button" onClick={() => setField('scenario', [...path, i], { value: item, weight: 1 })}>
                Weight…
              </button>
            )}
            <RemoveButton label={`Remove value ${i + 1}`} onClick={() => removeItem('scenario', path, i)} />
          </div>
        );
      })}
      <AddButton onClick={() => insertItem('scenario', path, { value: `v${values.length + 1}`, weight: 1 })}>
        + Add value
      </AddButton>
    </div>
  );
}

/** The fields of one parameter value, by its kind. */
export function GeneratorFields({ path, kind }: { path: JsonPath; kind: GeneratorKind | null }) {
  switch (kind) {
    case 'literal':
      return <TextField path={path} label="Value" required />;
    case 'zipf':
      return (
        <>
          <NumberField path={[...path, 'zipf', 'n']} label="Ranks n" />
          <NumberField path={[...path, 'zipf', 's']} label="Exponent s" />
        </>
      );
    case 'uniform':
      return (
        <>
          <NumberField path={[...path, 'uniform', 'min']} label="Min" />
          <NumberField path={[...path, 'uniform', 'max']} label="Max" />
        </>
      );
    case 'sequence':
      return (
        <>
          <NumberField path={[...path, 'sequence', 'start']} label="Start" placeholder="1" />
          <NumberField path={[...path, 'sequence', 'step']} label="Step" placeholder="1" />
        </>
      );
    case 'values':
      return <ValuesList path={[...path, 'values']} />;
    case null:
      return <span className="muted">Unrecognised value; see its error.</span>;
  }
}
