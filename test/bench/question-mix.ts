import type { Passage } from "../../src/passages/passage.js";
import { seededRandom } from "./synthetic-corpus.js";

// The fixed mix of questions every benchmark runs, in the shapes people type in Slack: short plain
// questions (most of them), full sentences with a question word, misspelled ones that need fuzzy
// matching, questions of stop words only, off-topic ones, and a long pasted one.
export const QUESTION_MIX = [
  "who granted asylum",
  "why did russia give assad asylum",
  "what did peskov say about the bases",
  "future of the hmeimim airbase",
  "when did rebels enter damascus",
  "russian envoy in vienna",
  "which cities did the opposition capture",
  "how long did assad rule",
  "is assad in moscow?",
  "what happened to the syrian army",
  "what did the united states say",
  "UN security council closed-door meeting",
  "polyanskiy telegram",
  "grantd asylm",
  "khmeymim tartous",
  "humanitarain considerations",
  "ulianov frends",
  "who what when where why",
  "the and of to",
  "banana bread recipe",
  "how do I reset my password",
  "russia syria assad moscow kremlin putin peskov asylum decision bases rebels damascus",
  "Peskov said Russia is working to establish contact with those capable of ensuring the security of Russian military bases in Syria while the military takes all necessary precautions",
] as const;

/**
 * Questions made of a corpus's own words, as someone checking a generated corpus (made-up words,
 * nothing of the event) would ask it: 2 to 7 words of a passage picked at random, half of them a
 * run of its text, half drawn from anywhere in it. The event's mix finds next to nothing there,
 * and finding nothing is quick: these read the long posting lists such a corpus has.
 */
export function corpusWordQuestions(
  passages: readonly Passage[],
  count: number,
  seed = 11,
): string[] {
  const random = seededRandom(seed);
  const questions: string[] = [];
  for (let tries = 0; questions.length < count && tries < count * 10; tries++) {
    const passage = passages[Math.floor(random() * passages.length)];
    const words = passage?.text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const length = 2 + Math.floor(random() * 6);
    if (words.length < length) continue;
    const start = Math.floor(random() * (words.length - length + 1));
    const picked =
      random() < 0.5
        ? words.slice(start, start + length)
        : Array.from({ length }, () => words[Math.floor(random() * words.length)] as string);
    questions.push(picked.join(" "));
  }
  return questions;
}
