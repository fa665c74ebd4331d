import { hasTextAt } from '../routing/route-path.ts';
import type { ApiRuntime, StageRuntime } from './runtime.ts';

/** The stage named by the path's first segment (`end` is where it ends); `$default` is never named. */
export function stageAt(api: ApiRuntime, path: string, end: number): StageRuntime | undefined {
  const length = end - 1;
  const list = api.stageList;
  // A short scan compares in place, where a Map lookup would first slice and hash the segment.
  if (list.length <= 8) {
    for (const stage of list) {
      if (stage.name.length === length && stage.name !== '$default' && hasTextAt(path, 1, stage.name)) return stage;
    }
    return undefined;
  }
  const first = path.slice(1, end);
  return first === '$default' ? undefined : api.stages.get(first);
}
