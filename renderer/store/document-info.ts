import type { ConfigDocument, ScenarioDocument } from '../lab/types.ts';

/** The API a scenario targets, read from the raw JSON when the scenario did not validate. */
export function scenarioTargetApi(doc: ScenarioDocument): string | null {
  if (doc.value) return doc.value.target.apiId;
  const raw = doc.raw as { target?: { apiId?: unknown } } | null;
  return typeof raw?.target?.apiId === 'string' ? raw.target.apiId : null;
}

/** The API ids a config defines (raw JSON when it did not validate). */
export function configApiIds(doc: ConfigDocument): string[] {
  if (doc.value) return doc.value.apis.map((api) => api.id);
  const raw = doc.raw as { apis?: Array<{ id?: unknown }> } | null;
  return Array.isArray(raw?.apis) ? raw.apis.flatMap((api) => (typeof api?.id === 'string' ? [api.id] : [])) : [];
}

/** The document's own `name`, for pickers and run names. */
export function documentName(doc: ConfigDocument | ScenarioDocument, fallback: string): string {
  if (doc.value) return doc.value.name ?? fallback;
  const raw = doc.raw as { name?: unknown } | null;
  return typeof raw?.name === 'string' ? raw.name : fallback;
}
