// One Lambda execution environment: loads the user's handler once (the cold start), then runs one invocation
// at a time. Plain JavaScript so the worker starts under plain Node with no TypeScript loader.
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

// Top-level `export`/`import … from` marks ES module code; anything else runs as CommonJS.
const ESM_SYNTAX = /^[ \t]*(export[\s{*]|import[\s{*'"])/m;

function pickHandler(namespace) {
  const handler = typeof namespace?.handler === 'function' ? namespace.handler : namespace?.default?.handler;
  if (typeof handler !== 'function') throw new Error('the code exports no function named "handler"');
  return handler;
}

function runCommonJs(text, filename) {
  const module = { exports: {} };
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, {
    filename,
  });
  wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  return module.exports;
}

const importText = (text) => import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);

async function loadFile(path) {
  if (path.endsWith('.mjs')) return import(pathToFileURL(path).href);
  const text = await readFile(path, 'utf8');
  if (path.endsWith('.cjs') || !ESM_SYNTAX.test(text)) return runCommonJs(text, path);
  try {
    return await import(pathToFileURL(path).href);
  } catch (error) {
    // ES module syntax in a `.js` file of a CommonJS package: load the text itself as a module.
    if (!(error instanceof SyntaxError)) throw error;
    return importText(text);
  }
}

async function loadHandler(source) {
  if (source.kind === 'file') return pickHandler(await loadFile(source.path));
  if (ESM_SYNTAX.test(source.code)) return pickHandler(await importText(source.code));
  return pickHandler(runCommonJs(source.code, join(source.baseDir, 'index.js')));
}

function lambdaContext(context) {
  return {
    ...context,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, context.deadline - Date.now()),
  };
}

function invoke(handler, event, context) {
  if (handler.length < 3) return handler(event, context);
  return new Promise((resolve, reject) => {
    const returned = handler(event, context, (error, result) => (error ? reject(error) : resolve(result)));
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}

const describe = (error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const loading = loadHandler(workerData).then(
  (handler) => ({ handler }),
  (error) => ({ error: describe(error) }),
);

parentPort.on('message', async ({ id, event, context }) => {
  const loaded = await loading;
  if (loaded.error !== undefined) return parentPort.postMessage({ id, ok: false, error: loaded.error });
  try {
    const result = await invoke(loaded.handler, event, lambdaContext(context));
    // Lambda serialises the handler's result as JSON; doing the same here gives the same shapes.
    parentPort.postMessage({ id, ok: true, payload: JSON.stringify(result) ?? 'null' });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: describe(error) });
  }
});

loading.then(() => parentPort.postMessage({ type: 'ready' }));
