import { Card } from '../Card.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { accountPlaceholder } from '../model/inheritance.ts';
import { useApiIndex } from './ApiPicker.tsx';
import { RoutesEditor } from './RoutesEditor.tsx';

/** The config's own fields and the account-level throttle that every API and stage shares. */
function GeneralCard() {
  return (
    <Card path={[]} title="Config and account" testId="general-card">
      <div className="ed-grid">
        <TextField path={['name']} label="Config name" placeholder="Untitled" />
        <TextField path={['description']} label="Description" />
        <NumberField
          path={['account', 'throttlingRateLimit']}
          label="Account rate limit (req/s)"
          placeholder={accountPlaceholder('throttlingRateLimit')}
          hint="One bucket shared by every API and stage in the account (region)."
        />
        <NumberField
          path={['account', 'throttlingBurstLimit']}
          label="Account burst limit"
          placeholder={accountPlaceholder('throttlingBurstLimit')}
        />
      </div>
    </Card>
  );
}

/** The API's settings and its working routes. */
export function ApiSection() {
  const api = useApiIndex();
  const at = ['apis', api];
  return (
    <div className="ed-stack">
      <GeneralCard />
      <Card path={at} title="API" testId="api-card">
        <div className="ed-grid">
          <TextField path={[...at, 'id']} label="API id" required mono />
          <TextField path={[...at, 'name']} label="Name" />
          <SelectField
            path={[...at, 'protocol']}
            label="Protocol"
            unset="REST (default)"
            choices={[
              ['REST', 'REST API'],
              ['HTTP', 'HTTP API'],
            ]}
          />
          <TextField path={[...at, 'description']} label="Description" />
        </div>
      </Card>
      <RoutesEditor api={api} />
    </div>
  );
}
