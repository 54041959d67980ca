import type { Speaker } from "./attribution.js";
import type { Person } from "./people.js";

/** A speaker as readers see it: "Dmitry Peskov, Kremlin spokesman", "the Kremlin", "a source". */
export function speakerLabel(speaker: Speaker | null, people: readonly Person[]): string | null {
  if (!speaker) return null;
  if (speaker.kind !== "person") return speaker.name.replace(/^The /, "the ");
  const person = people.find((p) => p.key === speaker.key);
  if (!person) return null;
  return person.role ? `${person.name}, ${person.role}` : person.name;
}

/** The speaker with the agencies that relayed them: "Dmitry Peskov, Kremlin spokesman (via TASS)". */
export function attributionLabel(speaker: string | null, via: readonly string[]): string | null {
  const relay = via.length > 0 ? `via ${via.join(", ")}` : null;
  if (speaker && relay) return `${speaker} (${relay})`;
  return speaker ?? (relay ? `(${relay})` : null);
}
