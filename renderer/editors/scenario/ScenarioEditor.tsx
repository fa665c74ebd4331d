import { activeDoc } from '../../store/editor-docs.ts';
import type { ScenarioSection } from '../../store/editor-nav.ts';
import { useLab } from '../../store/store-context.tsx';
import { Card } from '../Card.tsx';
import { NotJsonNotice } from '../config/ConfigEditor.tsx';
import { SelectField } from '../fields/ChoiceFields.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { apiList, stageNames } from '../model/config-info.ts';
import { asArray, asObject, asString } from '../model/json.ts';
import { RawJsonView } from '../raw/RawJsonView.tsx';
import { parseSectionErrors, sectionErrorKey } from '../section-errors.ts';
import { Tabs } from '../Tabs.tsx';
import { ClientsEditor } from './ClientsEditor.tsx';
import { MixEditor } from './MixEditor.tsx';
import { TrafficEditor } from './TrafficEditor.tsx';

/** Name, target, clock, seed and mode: what every run of the scenario shares. */
function ScenarioGeneral() {
  const config = useLab((s) => activeDoc(s, 'config')?.raw);
  const apiId = asString(useDocValue('scenario', ['target', 'apiId']));
  const apis = apiList(config);
  const api = apis.find((a) => a.id === apiId);
  const stages = api ? stageNames(asArray(asObject(config)['apis'])[api.index]) : [];
  return (
    <Card path={[]} title="Scenario" testId="scenario-general">
      <div className="ed-grid">
        <TextField path={['name']} label="Name" required />
        <TextField path={['description']} label="Description" />
        <SelectField
          path={['target', 'apiId']}
          label="Target API"
          choices={apis.map((a) => [a.id, a.label] as const)}
        />
        <SelectField path={['target', 'stage']} label="Target stage" choices={stages.map((n) => [n, n] as const)} />
        <TextField
          path={['startTime']}
          label="Start time (UTC)"
          placeholder="2026-01-01T00:00:00Z"
          mono
          hint="The virtual clock's epoch: quota periods depend on it."
        />
        <NumberField path={['seed']} label="Seed" placeholder="1" />
        <SelectField
          path={['arrivals']}
          label="Arrivals"
          choices={[
            ['uniform', 'uniform (evenly spaced)'],
            ['poisson', 'poisson (random gaps)'],
          ]}
          unset="uniform (default)"
        />
        <SelectField
          path={['mode']}
          label="Mode"
          choices={[
            ['virtual', 'virtual clock'],
            ['live', 'live HTTP'],
          ]}
          unset="as chosen when run"
        />
      </div>
    </Card>
  );
}

const SECTIONS: Array<{ id: ScenarioSection; label: string }> = [
  { id: 'scenario', label: 'Scenario' },
  { id: 'raw', label: 'Raw JSON' },
];

/** The scenario: target and clock, traffic shape with its preview, request mix, clients; or its raw JSON. */
export function ScenarioEditor() {
  const section = useLab((s) => s.editorNav.scenarioSection);
  const navigate = useLab((s) => s.navigate);
  const isText = useLab((s) => typeof activeDoc(s, 'scenario')?.raw === 'string');
  const errors = parseSectionErrors(useLab((s) => sectionErrorKey(s, 'scenario')));
  return (
    <>
      <Tabs
        label="Scenario sections"
        items={SECTIONS.map((item) => ({ ...item, errors: errors[item.id] ?? 0 }))}
        selected={section}
        onSelect={(id) => navigate({ scenarioSection: id })}
        panelId="scenario-section"
        testId="scenario-section"
      />
      <div className="ed-section ed-stack" id="scenario-section" data-testid={`scenario-panel-${section}`}>
        {section === 'raw' ? (
          <RawJsonView />
        ) : isText ? (
          <NotJsonNotice onFix={() => navigate({ scenarioSection: 'raw' })} />
        ) : (
          <>
            <ScenarioGeneral />
            <TrafficEditor />
            <MixEditor />
            <ClientsEditor />
          </>
        )}
      </div>
    </>
  );
}
