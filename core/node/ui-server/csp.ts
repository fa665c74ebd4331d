/**
 * The Content-Security-Policy of the app's page, shared by the browser mode and the Electron shell: only the app's
 * own scripts, inline styles (chart.js and React set style attributes), images from data and blob URLs (chart
 * exports), and connections to the app itself plus the given sources (the browser mode's WebSocket).
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...extraConnectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
