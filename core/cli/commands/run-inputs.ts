/** Reading JSON inputs for commands: the shared loader, so every command reports a bad file the same way. */
export { loadJsonFile as loadJsonInput, type LoadedJson as JsonInput } from '../../node/load-json-file.ts';
