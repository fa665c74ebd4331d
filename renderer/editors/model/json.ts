/** Reading a document that may not be valid yet: anything of the wrong type reads as absent. */
export type JsonObject = Record<string, unknown>;

export const asObject = (value: unknown): JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
