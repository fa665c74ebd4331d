/**
 * A record's own value for `key`, or undefined. Names come from users and requests (`?toString=`, a path
 * parameter called `constructor`), so a plain `record[key]` would find `Object.prototype` members instead.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}
