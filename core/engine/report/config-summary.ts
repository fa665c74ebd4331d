import type { ApiConfig, GatewayConfig, MethodSetting, StageConfig } from '../config/schema.ts';
import { esc, formatNumber, limit, table, type Cell } from './html.ts';

const throttleText = (rate: number | undefined, burst: number | undefined): string =>
  rate === undefined && burst === undefined ? '–' : `${limit(rate, '/s')}, burst ${limit(burst)}`;

function settingText(setting: MethodSetting): string {
  const parts: string[] = [];
  if (setting.throttlingRateLimit !== undefined || setting.throttlingBurstLimit !== undefined) {
    parts.push(throttleText(setting.throttlingRateLimit, setting.throttlingBurstLimit));
  }
  if (setting.cachingEnabled !== undefined) parts.push(setting.cachingEnabled ? 'caching on' : 'caching off');
  if (setting.cacheTtlInSeconds !== undefined) parts.push(`TTL ${setting.cacheTtlInSeconds} s`);
  return parts.join(' · ') || '–';
}

function stageRow(api: ApiConfig, stage: StageConfig): Cell[] {
  const settings = Object.entries(stage.methodSettings ?? {});
  const serves = stage.autoDeploy === true || stage.deploymentId === undefined ? 'working routes' : stage.deploymentId;
  const cache =
    api.protocol === 'REST' && stage.cacheClusterEnabled === true ? `${stage.cacheClusterSize ?? '0.5'} GB` : 'off';
  const canary = stage.canarySettings
    ? `${stage.canarySettings.deploymentId} at ${stage.canarySettings.percentTraffic ?? 0}%`
    : '–';
  const list = settings.map(([key, s]) => `<li><code>${esc(key)}</code>: ${esc(settingText(s))}</li>`).join('');
  return [api.id, stage.name, serves, { html: list === '' ? '–' : `<ul class="plain">${list}</ul>` }, cache, canary];
}

function planRow(plan: GatewayConfig['usagePlans'][number]): Cell[] {
  const quota = plan.quota ? `${formatNumber(plan.quota.limit)} per ${plan.quota.period}` : '–';
  const stages = plan.apiStages
    .map((s) => {
      const methods = Object.entries(s.throttle ?? {}).map(
        ([key, t]) => `${esc(key)}: ${esc(throttleText(t.rateLimit, t.burstLimit))}`,
      );
      return `<li>${esc(`${s.apiId}/${s.stage}`)}${methods.length ? ` (${methods.join('; ')})` : ''}</li>`;
    })
    .join('');
  const name = plan.name === undefined ? plan.id : `${plan.id} (${plan.name})`;
  return [
    name,
    throttleText(plan.throttle?.rateLimit, plan.throttle?.burstLimit),
    quota,
    { html: `<ul class="plain">${stages}</ul>` },
  ];
}

/** The config at a glance: account limits, APIs, stages with their method settings, usage plans and API keys. */
export function configSummary(config: GatewayConfig): string {
  const { account } = config;
  const apis = config.apis.map((api) => [
    api.id,
    api.name ?? '–',
    api.protocol,
    api.routes.length,
    api.deployments.length,
    api.stages.map((s) => s.name).join(', ') || '–',
  ]);
  const routes = config.apis.flatMap((api) =>
    api.routes.map((r) => [
      api.id,
      r.path === '$default' ? '$default' : `${r.method ?? 'ANY'} ${r.path}`,
      r.apiKeyRequired === true ? 'yes' : 'no',
      (r.cacheKeyParameters ?? []).join(', ') || '–',
      r.integration?.type ?? 'MOCK',
    ]),
  );
  const stages = config.apis.flatMap((api) => api.stages.map((stage) => stageRow(api, stage)));
  const keys = config.apiKeys.map((k) => [
    k.id,
    k.name ?? '–',
    k.enabled ? 'yes' : 'no',
    k.usagePlanIds.join(', ') || '–',
  ]);
  return [
    `<p>Config <strong>${esc(config.name)}</strong>. Account throttle: ${esc(throttleText(account.throttlingRateLimit, account.throttlingBurstLimit))}.</p>`,
    '<h3>APIs</h3>',
    table('table-apis', ['API', 'name', 'protocol', 'routes', 'deployments', 'stages'], apis, 'No APIs.'),
    '<h3>Routes (working copy)</h3>',
    table(
      'table-config-routes',
      ['API', 'route', 'API key', 'cache key parameters', 'integration'],
      routes,
      'No routes.',
    ),
    '<h3>Stages</h3>',
    table('table-stages', ['API', 'stage', 'serves', 'method settings', 'cache', 'canary'], stages, 'No stages.'),
    '<h3>Usage plans</h3>',
    table('table-plans', ['plan', 'throttle', 'quota', 'stages'], config.usagePlans.map(planRow), 'No usage plans.'),
    '<h3>API keys</h3>',
    table('table-keys', ['key', 'name', 'enabled', 'plans'], keys, 'No API keys.'),
  ].join('\n');
}
