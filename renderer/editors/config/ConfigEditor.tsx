import { activeDoc } from '../../store/editor-docs.ts';
import type { ConfigSection } from '../../store/editor-nav.ts';
import { useLab } from '../../store/store-context.tsx';
import { RawJsonView } from '../raw/RawJsonView.tsx';
import { parseSectionErrors, sectionErrorKey } from '../section-errors.ts';
import { Tabs } from '../Tabs.tsx';
import { ApiKeysSection } from './ApiKeysSection.tsx';
import { ApiPicker } from './ApiPicker.tsx';
import { ApiSection } from './ApiSection.tsx';
import { DeploymentsSection } from './DeploymentsSection.tsx';
import { StagesSection } from './StagesSection.tsx';
import { UsagePlansSection } from './UsagePlansSection.tsx';

const SECTIONS: Array<{ id: ConfigSection; label: string }> = [
  { id: 'api', label: 'API & routes' },
  { id: 'deployments', label: 'Deployments' },
  { id: 'stages', label: 'Stages' },
  { id: 'plans', label: 'Usage plans' },
  { id: 'keys', label: 'API keys' },
  { id: 'raw', label: 'Raw JSON' },
];

/** Shown instead of a form while the document is text that does not parse. */
export function NotJsonNotice({ onFix }: { onFix(): void }) {
  return (
    <div className="banner banner-error" role="status">
      <span>This document is not valid JSON yet, so its forms cannot show it.</span>
      <button type="button" onClick={onFix}>
        Fix it in the raw JSON view
      </button>
    </div>
  );
}

function Section({ id }: { id: ConfigSection }) {
  switch (id) {
    case 'api':
      return <ApiSection />;
    case 'deployments':
      return <DeploymentsSection />;
    case 'stages':
      return <StagesSection />;
    case 'plans':
      return <UsagePlansSection />;
    case 'keys':
      return <ApiKeysSection />;
    case 'raw':
      return <RawJsonView />;
  }
}

/** The gateway config in the sections an API Gateway console user knows, plus the raw JSON. */
export function ConfigEditor() {
  const section = useLab((s) => s.editorNav.configSection);
  const navigate = useLab((s) => s.navigate);
  const isText = useLab((s) => typeof activeDoc(s, 'config')?.raw === 'string');
  const errors = parseSectionErrors(useLab((s) => sectionErrorKey(s, 'config')));
  const perApi = section === 'api' || section === 'deployments' || section === 'stages';
  return (
    <>
      <Tabs
        label="Config sections"
        items={SECTIONS.map((item) => ({ ...item, errors: errors[item.id] ?? 0 }))}
        selected={section}
        onSelect={(id) => navigate({ configSection: id })}
        panelId="config-section"
        testId="config-section"
      />
      <div className="ed-section" id="config-section" data-testid={`config-panel-${section}`}>
        {isText && section !== 'raw' ? (
          <NotJsonNotice onFix={() => navigate({ configSection: 'raw' })} />
        ) : (
          <>
            {perApi && <ApiPicker />}
            <Section id={section} />
          </>
        )}
      </div>
    </>
  );
}
