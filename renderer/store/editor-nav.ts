import type { DocumentKind } from '../../core/contract/lab-api.ts';
import type { JsonPath } from './editor-paths.ts';

export type ConfigSection = 'api' | 'deployments' | 'stages' | 'plans' | 'keys' | 'raw';
export type ScenarioSection = 'scenario' | 'raw';

/** Where the editor is: which document, which section, which API and stage, and a field to bring into view. */
export interface EditorNav {
  kind: DocumentKind;
  configSection: ConfigSection;
  scenarioSection: ScenarioSection;
  /** Index of the API the config sections show. */
  api: number;
  /** Index of the stage the Stages section shows. */
  stage: number;
  /** A field to focus once it is on screen (a problem was clicked); cleared when done. */
  focus: JsonPath | null;
}

export const INITIAL_NAV: EditorNav = {
  kind: 'config',
  configSection: 'api',
  scenarioSection: 'scenario',
  api: 0,
  stage: 0,
  focus: null,
};

const CONFIG_TOP: Record<string, ConfigSection> = {
  name: 'api',
  description: 'api',
  account: 'api',
  apis: 'api',
  usagePlans: 'plans',
  apiKeys: 'keys',
};

/** The section (and API and stage) whose form holds the field at `path`; the raw view for anything else. */
export function navFor(kind: DocumentKind, path: JsonPath): Partial<EditorNav> {
  if (kind === 'scenario') return { kind, scenarioSection: path.length === 0 ? 'raw' : 'scenario' };
  const [top, api, sub, stage] = path;
  if (top === 'apis' && typeof api === 'number') {
    if (sub === 'stages')
      return { kind, configSection: 'stages', api, ...(typeof stage === 'number' ? { stage } : {}) };
    return { kind, configSection: sub === 'deployments' ? 'deployments' : 'api', api };
  }
  const section = typeof top === 'string' ? CONFIG_TOP[top] : undefined;
  return { kind, configSection: section ?? 'raw' };
}
