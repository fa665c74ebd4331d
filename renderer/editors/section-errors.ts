import type { DocumentKind } from '../../core/contract/lab-api.ts';
import { activeDoc } from '../store/editor-docs.ts';
import { navFor } from '../store/editor-nav.ts';
import type { LabState } from '../store/lab-state.ts';

/**
 * Errors per config section, as a string ("api:2,stages:1") so a selector returns a primitive and the tabs
 * re-render only when a count changes.
 */
export function sectionErrorKey(s: LabState, kind: DocumentKind): string {
  const doc = activeDoc(s, kind);
  if (!doc) return '';
  const counts = new Map<string, number>();
  for (const error of doc.errors) {
    const nav = navFor(kind, error.path);
    const section = kind === 'config' ? nav.configSection : nav.scenarioSection;
    if (section) counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  return [...counts].map(([section, n]) => `${section}:${n}`).join(',');
}

/** The counts back from `sectionErrorKey`. */
export function parseSectionErrors(key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of key.split(',')) {
    const [section, n] = part.split(':');
    if (section) out[section] = Number(n);
  }
  return out;
}
