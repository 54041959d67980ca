/** The kind of thing a question asks for, read from its question words. */
export type AnswerType = "person" | "time" | "place" | "quantity" | "reason";

// Ordered: "how long" must be read before a plain "how", "what time" before a plain "what".
const PATTERNS: readonly [RegExp, AnswerType][] = [
  [/\b(how (long|many|much|old|often|far)|what (number|amount|percentage))\b/, "quantity"],
  [/\b(when|what (time|date|day|year|month)|which (day|date|year))\b/, "time"],
  [/\b(why|what (reason|for)|on what (grounds|basis)|for what reason|how come)\b/, "reason"],
  [/\b(where|what (place|city|country)|which (city|country|base|place))\b/, "place"],
  [/\b(who|whom|whose|which (person|official|country|agency))\b/, "person"],
];

/**
 * The answer type a question expects, or null when its words do not say (a bare topic such as
 * "Khmeimim airbase", or a "what" question).
 */
export function detectAnswerType(question: string): AnswerType | null {
  const text = question.toLowerCase().replace(/[’']/g, "'");
  for (const [pattern, type] of PATTERNS) if (pattern.test(text)) return type;
  return null;
}
