/** The kind of thing a question asks for, read from its question words. */
export type AnswerType = "person" | "time" | "place" | "quantity" | "reason" | "definition";

// Ordered: "how long" must be read before a plain "how", "what time" before a plain "what".
const PATTERNS: readonly [RegExp, AnswerType][] = [
  [/\b(how (long|many|much|old|often|far)|what (number|amount|percentage))\b/, "quantity"],
  [/\b(when|what (time|date|day|year|month)|which (day|date|year))\b/, "time"],
  [/\b(why|what (reason|for)|on what (grounds|basis)|for what reason|how come)\b/, "reason"],
  [
    /\b(where|what (places?|city|cities|countr(y|ies))|which (places?|city|cities|countr(y|ies)|bases?|towns?|provinces?))\b/,
    "place",
  ],
  // "who is Ulyanov" asks what someone is (a role), not who did something.
  [/^\W*(who|what) (is|was|are|were) (?!the (decision|reason))/, "definition"],
  [/\b(who|whom|whose|which (person|people|officials?|agency|agencies))\b/, "person"],
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
