import type { ConfigOperationResult } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { EditorContext } from './editor-context.ts';
import { getAt } from './editor-paths.ts';
import { activeEntry } from './editor-sync.ts';

/** AWS's config operations on the selected config, done by the lab host with the engine's own rules. */
export interface OperationActions {
  /** Snapshots the API's working routes into a new deployment and points `stages` at it; true when it worked. */
  deploy(apiIndex: number, description: string, stages: string[]): Promise<boolean>;
  /** Promotes the stage's canary into the stage; true when it worked. */
  promoteCanary(apiIndex: number, stage: string): Promise<boolean>;
}

export function createOperationActions(ctx: EditorContext): OperationActions {
  async function operate(
    label: string,
    apiIndex: number,
    call: (raw: unknown, apiId: string) => Promise<ConfigOperationResult>,
    done: (result: ConfigOperationResult) => string,
  ): Promise<boolean> {
    // The lab must see the config as typed, so a pending validation is settled first.
    await ctx.sync.flushValidation();
    const entry = activeEntry(ctx.get(), 'config');
    const apiId = entry ? getAt(entry.doc.raw, ['apis', apiIndex, 'id']) : undefined;
    if (!entry || typeof apiId !== 'string') {
      ctx.set({ editorNotice: { tone: 'error', text: `${label}: the API needs an id first.` } });
      return false;
    }
    ctx.set({ editorBusy: label });
    try {
      const result = await call(entry.doc.raw, apiId);
      const current = activeEntry(ctx.get(), 'config');
      if (current?.key !== entry.key || current.doc.raw !== entry.doc.raw) {
        ctx.set({ editorNotice: { tone: 'error', text: `${label}: the config changed meanwhile; try again.` } });
        return false;
      }
      ctx.commit('config', entry.name, result.document.raw, { key: null, validated: result.document });
      ctx.set({ editorNotice: { tone: 'info', text: done(result) } });
      return true;
    } catch (error) {
      ctx.set({ editorNotice: { tone: 'error', text: `${label} failed: ${errorMessage(error)}` } });
      return false;
    } finally {
      ctx.set({ editorBusy: null });
    }
  }

  return {
    deploy: (apiIndex, description, stages) =>
      operate(
        'Deploy',
        apiIndex,
        (raw, apiId) => ctx.lab.deploy(raw, apiId, description, stages),
        (result) =>
          `Deployed ${result.deploymentId ?? 'a new deployment'}${stages.length > 0 ? ` to ${stages.join(', ')}` : ''}.`,
      ),
    promoteCanary: (apiIndex, stage) =>
      operate(
        'Promote',
        apiIndex,
        (raw, apiId) => ctx.lab.promoteCanary(raw, apiId, stage),
        () => `Promoted the canary of stage ${stage}.`,
      ),
  };
}
