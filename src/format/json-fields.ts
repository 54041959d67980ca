// Reading what a button click sends back: values this app wrote, inside a payload it did not.
// Shared by the feedback buttons and the passage choices, which read the same fields the same way.

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `object[key]` when it is a non-empty string, else null. */
export function stringAt(object: unknown, key: string): string | null {
  if (!isRecord(object)) return null;
  const value = object[key];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The JSON object `text` holds, or null when it is not JSON or not an object. */
export function parseRecord(text: string): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return isRecord(data) ? data : null;
}
