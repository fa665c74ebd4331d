import type { Scenario } from '../scenario/schema.ts';
import { esc, formatNumber, table } from './html.ts';

function loadShape(scenario: Scenario): string {
  if (scenario.phases) {
    return scenario.phases
      .map((p) =>
        p.rampTo === undefined
          ? `${formatNumber(p.durationSeconds)} s at ${formatNumber(p.rate)}/s`
          : `${formatNumber(p.durationSeconds)} s from ${formatNumber(p.rate)} to ${formatNumber(p.rampTo)}/s`,
      )
      .join(', then ');
  }
  if (scenario.concurrency) {
    const c = scenario.concurrency;
    return `closed loop: ${c.connections} connections for ${formatNumber(c.durationSeconds)} s`;
  }
  const count = scenario.trace.reduce((sum, e) => sum + e.count, 0);
  return `trace of ${scenario.trace.length} entries, ${formatNumber(count)} requests`;
}

/** The scenario at a glance: target, load shape, request mix and clients. */
export function scenarioSummary(scenario: Scenario): string {
  const totalWeight = scenario.mix.reduce((sum, m) => sum + m.weight, 0);
  const mix = scenario.trace
    ? []
    : scenario.mix.map((m) => [
        `${m.method} ${m.path}`,
        `${((m.weight / totalWeight) * 100).toFixed(1)}%`,
        `${m.apiId ?? scenario.target.apiId}/${m.stage ?? scenario.target.stage}`,
        Object.keys(m.query ?? {}).join(', ') || '–',
      ]);
  const totalShare = scenario.clients.reduce((sum, c) => sum + c.share, 0);
  const clients = scenario.clients.map((c) => [
    c.name,
    `${((c.share / totalShare) * 100).toFixed(1)}%`,
    c.apiKey === undefined ? 'no' : 'yes',
    c.retry ? `on ${c.retry.on.join(', ')}, up to ${c.retry.maxAttempts} attempts, ${c.retry.jitter} jitter` : 'no',
  ]);
  const description = scenario.description === undefined ? '' : `<p>${esc(scenario.description)}</p>`;
  return [
    `<p>Scenario <strong>${esc(scenario.name)}</strong> against <code>${esc(`${scenario.target.apiId}/${scenario.target.stage}`)}</code>, ${esc(scenario.arrivals)} arrivals: ${esc(loadShape(scenario))}.</p>`,
    description,
    table('table-mix', ['request', 'share', 'API/stage', 'query parameters'], mix, 'No request mix (trace).'),
    table('table-scenario-clients', ['client', 'share', 'API key', 'retries'], clients, 'No clients.'),
  ].join('\n');
}
