import { useLab } from '../../store/store-context.tsx';
import { AddButton, Card, RemoveButton } from '../Card.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextAreaField, TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { asArray, asObject, asString } from '../model/json.ts';
import { newMixEntry } from '../model/templates.ts';
import { ParamMapField } from './ParamMapField.tsx';
import { REQUEST_METHODS } from './TraceTable.tsx';

function MixEntryCard({ index }: { index: number }) {
  const at = ['mix', index];
  const entry = asObject(useDocValue('scenario', at));
  const removeItem = useLab((s) => s.removeItem);
  const title = `${asString(entry['method']) ?? 'GET'} ${asString(entry['path']) ?? ''}`;
  return (
    <Card
      path={at}
      title={<code>{title}</code>}
      testId={`mix-${index}`}
      actions={<RemoveButton label={`Remove ${title}`} onClick={() => removeItem('scenario', ['mix'], index)} />}
    >
      <div className="ed-grid">
        <NumberField path={[...at, 'weight']} label="Weight" placeholder="1" />
        <SelectField path={[...at, 'method']} label="Method" choices={REQUEST_METHODS} unset="GET (default)" />
        <TextField path={[...at, 'path']} label="Path template" placeholder="/pets/{id}" required mono />
        <TextField path={[...at, 'apiId']} label="API (other than the target)" placeholder="target's" mono />
        <TextField path={[...at, 'stage']} label="Stage (other than the target)" placeholder="target's" mono />
      </div>
      <ParamMapField path={[...at, 'params']} label="Path parameters" newKey="id" />
      <ParamMapField path={[...at, 'query']} label="Query string" newKey="page" />
      <ParamMapField path={[...at, 'headers']} label="Headers" newKey="x-header" />
      <TextAreaField path={[...at, 'body']} label="Body" rows={2} />
    </Card>
  );
}

/** The request mix: weighted request templates, with parameter generators, headers and query. */
export function MixEditor() {
  const count = asArray(useDocValue('scenario', ['mix'])).length;
  const insertItem = useLab((s) => s.insertItem);
  return (
    <section className="ed-stack" aria-label="Request mix" data-testid="mix">
      <header className="ed-section-header">
        <h2>Request mix</h2>
        <span className="muted">Each request picks an entry by weight.</span>
      </header>
      {count === 0 && <p className="empty">No mix: every request is GET /.</p>}
      {Array.from({ length: count }, (_, i) => (
        <MixEntryCard key={i} index={i} />
      ))}
      <AddButton onClick={() => insertItem('scenario', ['mix'], newMixEntry())}>+ Add request</AddButton>
    </section>
  );
}
