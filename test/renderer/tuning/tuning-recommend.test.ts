import { beforeEach, describe, expect, it } from 'vitest';
import type { RecommendResult } from '../../../core/contract/lab-api.ts';
import type { LabStore } from '../../../renderer/store/create-lab-store.ts';
import type { fakeLab } from '../support/fake-lab.ts';
import { PETSTORE, tuningStore } from './tuning-store.ts';

let fake: ReturnType<typeof fakeLab>;
let store: LabStore;

beforeEach(async () => {
  ({ fake, store } = await tuningStore());
});

describe('tuning slice: the recommender', () => {
  const result = (overrides: Partial<RecommendResult> = {}): RecommendResult => ({
    id: 'x',
    goal: 'throttledRatio<=0.01',
    layer: { kind: 'stage', apiId: 'petstore', stage: 'prod' },
    before: { rate: 100, burst: 200 },
    limits: { rate: 61.5, burst: 7 },
    value: 0.004,
    config: null,
    curve: [],
    evaluations: 12,
    note: null,
    ...overrides,
  });

  it('searches the target stage by default, follows its progress events, and keeps the result', async () => {
    let finish: (r: RecommendResult) => void = () => undefined;
    fake.lab.recommend.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    const pending = store.getState().runRecommend();
    const request = fake.lab.recommend.mock.calls[0]![0];
    expect(request).toMatchObject({ layer: { kind: 'stage', apiId: 'petstore', stage: 'prod' } });
    expect(request.goal).toBe('throttledRatio<=0.01');
    const point = { rate: 100, burst: 200, value: 0, met: true };
    fake.emit({ type: 'recommend-progress', id: request.id!, evaluations: 1, point });
    fake.emit({ type: 'recommend-progress', id: 'someone-else', evaluations: 1, point });
    expect(store.getState().recommendProgress).toEqual({ evaluations: 1, points: [point] });
    expect(store.getState().recommendBusy).toBe(true);
    finish(result({ id: request.id! }));
    await pending;
    expect(store.getState()).toMatchObject({ recommendBusy: false, recommendedFor: PETSTORE });
    expect(store.getState().recommendation?.limits).toEqual({ rate: 61.5, burst: 7 });
    fake.emit({ type: 'recommend-progress', id: request.id!, evaluations: 2, point });
    expect(store.getState().recommendProgress?.evaluations).toBe(1);
  });

  it('applies the recommended limits to the dashboard config through the editor, at the layer searched', async () => {
    store.getState().setRecommendLayer('method:petstore/prod:GET /pets/{id}');
    fake.lab.recommend.mockResolvedValueOnce(
      result({ layer: { kind: 'method', apiId: 'petstore', stage: 'prod', routeKey: 'GET /pets/{id}' } }),
    );
    await store.getState().runRecommend();
    expect(fake.lab.recommend.mock.calls[0]![0].layer).toMatchObject({ routeKey: 'GET /pets/{id}' });
    store.getState().applyRecommendation();
    const raw = store.getState().configs[PETSTORE]!.raw as never;
    expect(
      (raw as { apis: Array<{ stages: Array<{ methodSettings: Record<string, unknown> }> }> }).apis[0]!.stages[0]!
        .methodSettings['GET /pets/{id}'],
    ).toEqual({ throttlingRateLimit: 61.5, throttlingBurstLimit: 7 });
    expect(store.getState().recommendApplied).toBe('Applied rate 61.5 req/s and burst 7 to the config.');
    store.getState().undo('config');
    store.getState().undo('config');
    const undone = store.getState().configs[PETSTORE]!.raw as never;
    expect(
      (undone as { apis: Array<{ stages: Array<{ methodSettings: Record<string, unknown> }> }> }).apis[0]!.stages[0]!
        .methodSettings['GET /pets/{id}'],
    ).toEqual({ throttlingRateLimit: 80, throttlingBurstLimit: 160 });
  });

  it('says why it could not search', async () => {
    fake.lab.recommend.mockRejectedValueOnce(Object.assign(new Error('goal unknown'), { code: 'GATELAB_E_BAD_INPUT' }));
    store.getState().setRecommendGoal('speed>1');
    await store.getState().runRecommend();
    expect(store.getState().recommendError).toBe('The search failed: goal unknown (GATELAB_E_BAD_INPUT)');
    expect(store.getState().recommendation).toBeNull();
  });
});
