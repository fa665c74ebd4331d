#!/usr/bin/env node
// `npm start`: the desktop app. The Electron shell and browser UI arrive with the app issues.
console.log('Gatelab desktop app: not built yet. Use the CLI: npx gatelab --help');
