import { describe, expect, it } from 'vitest';
import { createLabHost } from '../../../../core/node/lab/lab-host.ts';
import { EXAMPLES_DIR, example, tempDir } from './helpers.ts';

const host = createLabHost({ examplesDir: EXAMPLES_DIR, dataDir: tempDir() });

describe('lab host: validation', () => {
  it('accepts the pet-store config with no errors', async () => {
    const doc = await host.validateConfig(example('petstore.gatelab.json'));
    expect(doc).toMatchObject({ kind: 'config', ok: true, errors: [], source: null });
    expect(doc.value?.name).toBe('Pet store');
  });

  it('reports errors at their JSON paths, formatted like `gatelab validate`', async () => {
    const config = example<{ apis: Array<{ stages: Array<{ methodSettings: Record<string, object> }> }> }>(
      'petstore.gatelab.json',
    );
    config.apis[0]!.stages[0]!.methodSettings['*/*'] = { throttlingRateLimit: 'fast' };
    const doc = await host.validateConfig(config);
    expect(doc.ok).toBe(false);
    expect(doc.value).toBeNull();
    expect(doc.raw).toEqual(config);
    const problem = doc.errors.find((e) => e.pathText.endsWith('throttlingRateLimit'));
    expect(problem?.path).toEqual(['apis', 0, 'stages', 0, 'methodSettings', '*/*', 'throttlingRateLimit']);
    expect(problem?.pathText).toBe('apis[0].stages[0].methodSettings["*/*"].throttlingRateLimit');
    expect(problem?.message).toMatch(/"fast"/);
  });

  it('gives lint warnings for a valid config', async () => {
    const config = example<{ apis: Array<{ stages: Array<Record<string, unknown>> }> }>('petstore.gatelab.json');
    config.apis[0]!.stages[0]!.cacheClusterEnabled = false;
    const doc = await host.validateConfig(config);
    expect(doc.ok).toBe(true);
    const warning = doc.warnings.find((w) => w.pathText.endsWith('cachingEnabled'));
    expect(warning?.pathText).toMatch(/^apis\[0\]\.stages\[0\]\.methodSettings\[/);
    expect(warning?.path.slice(0, 5)).toEqual(['apis', 0, 'stages', 0, 'methodSettings']);
    expect(warning?.message).toMatch(/cache/i);
  });

  it('validates JSON text and says where malformed text breaks', async () => {
    const ok = await host.validateScenario(JSON.stringify(example('steady.scenario.json')));
    expect(ok.ok).toBe(true);
    const broken = await host.validateConfig('{\n  "formatVersion": 1,\n}');
    expect(broken.ok).toBe(false);
    expect(broken.errors[0]).toMatchObject({ path: [], pathText: '(root)' });
    expect(broken.errors[0]?.message).toMatch(/line 2, column 21: trailing comma/);
  });

  it('reports scenario errors at their paths', async () => {
    const scenario = { ...example('steady.scenario.json'), seed: -1 };
    const doc = await host.validateScenario(scenario);
    expect(doc).toMatchObject({ kind: 'scenario', ok: false });
    expect(doc.errors.map((e) => e.pathText)).toContain('seed');
  });
});

describe('lab host: examples', () => {
  it('lists configs first, with titles and descriptions from the files', async () => {
    const examples = await host.listExamples();
    expect(examples[0]?.kind).toBe('config');
    expect(examples).toContainEqual(
      expect.objectContaining({ kind: 'config', name: 'petstore.gatelab.json', title: 'Pet store' }),
    );
    const flash = examples.find((e) => e.name === 'flash-sale.scenario.json');
    expect(flash).toMatchObject({ kind: 'scenario', title: 'Flash sale' });
    expect(flash?.description).toMatch(/spike/);
  });

  it('loads an example by name and refuses anything else', async () => {
    const doc = await host.loadExample('flash-sale.scenario.json');
    expect(doc).toMatchObject({ kind: 'scenario', ok: true, source: 'flash-sale.scenario.json' });
    await expect(host.loadExample('../package.json')).rejects.toMatchObject({ code: 'GATELAB_E_NOT_FOUND' });
  });
});
