import { activeDoc } from '../../store/editor-docs.ts';
import { useLab } from '../../store/store-context.tsx';
import { AddButton, Card, RemoveButton } from '../Card.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { ListField } from '../fields/ListField.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { apiKeyList, freeName } from '../model/config-info.ts';
import { asArray, asObject, asString } from '../model/json.ts';
import { newClient, newRetry } from '../model/templates.ts';

const JITTER = [
  ['full', 'full: U[0, d)'],
  ['equal', 'equal: d/2 + U[0, d/2)'],
  ['none', 'none: d'],
] as const;

function RetryFields({ at }: { at: Array<string | number> }) {
  const retry = useDocValue('scenario', [...at, 'retry']);
  const setField = useLab((s) => s.setField);
  return (
    <fieldset className="ed-group">
      <legend>Retries</legend>
      <label className="ed-check">
        <input
          type="checkbox"
          checked={retry !== undefined}
          onChange={(e) => setField('scenario', [...at, 'retry'], e.target.checked ? newRetry() : undefined)}
        />
        Retry failed requests
      </label>
      {retry !== undefined && (
        <div className="ed-grid">
          <ListField path={[...at, 'retry', 'on']} label="On status codes" placeholder="429" numbers />
          <NumberField path={[...at, 'retry', 'maxAttempts']} label="Max attempts (incl. first)" placeholder="3" />
          <NumberField path={[...at, 'retry', 'baseDelayMs']} label="Base delay (ms)" placeholder="100" />
          <NumberField path={[...at, 'retry', 'maxDelayMs']} label="Max delay (ms)" placeholder="20000" />
          <SelectField path={[...at, 'retry', 'jitter']} label="Jitter" choices={JITTER} unset="full (default)" />
        </div>
      )}
    </fieldset>
  );
}

function ClientCard({ index }: { index: number }) {
  const at = ['clients', index];
  const name = asString(asObject(useDocValue('scenario', at))['name']) ?? `client ${index + 1}`;
  const removeItem = useLab((s) => s.removeItem);
  return (
    <Card
      path={at}
      title={`Client ${name}`}
      testId={`client-${index}`}
      actions={
        <RemoveButton label={`Remove client ${name}`} onClick={() => removeItem('scenario', ['clients'], index)} />
      }
    >
      <div className="ed-grid">
        <TextField path={[...at, 'name']} label="Name" required />
        <TextField
          path={[...at, 'apiKey']}
          label="API key (x-api-key)"
          placeholder="none"
          list="config-api-keys"
          mono
        />
        <NumberField path={[...at, 'share']} label="Share" placeholder="1" hint="Relative: drawn per request." />
      </div>
      <RetryFields at={at} />
    </Card>
  );
}

/** The simulated callers: their API keys (from the selected config), shares of the traffic and retry policies. */
export function ClientsEditor() {
  const clients = asArray(useDocValue('scenario', ['clients']));
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const insertItem = useLab((s) => s.insertItem);
  const names = clients.flatMap((c) => asString(asObject(c)['name']) ?? []);
  return (
    <section className="ed-stack" aria-label="Clients" data-testid="clients">
      <header className="ed-section-header">
        <h2>Clients</h2>
        <span className="muted">Without clients, requests carry no API key.</span>
      </header>
      <datalist id="config-api-keys">
        {apiKeyList(config).map((key) => (
          <option key={key.id} value={key.value}>
            {key.id}
          </option>
        ))}
      </datalist>
      {clients.map((_client, i) => (
        <ClientCard key={i} index={i} />
      ))}
      <AddButton onClick={() => insertItem('scenario', ['clients'], newClient(freeName('client', names)))}>
        + Add client
      </AddButton>
    </section>
  );
}
