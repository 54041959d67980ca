import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Person } from "../../src/news/people.js";
import { findPerson, prepareWho } from "../../src/news/who.js";
import { foldWord } from "../../src/text/terms.js";

const TITLE = /^(?:mr|ms|mrs|dr)\.?\s+/;
const NAME_WORDS = /[\s-]+/;

/** The plain reading findPerson must agree with: every person's every name, in list order. */
function findPersonByScan(people: readonly Person[], typed: string): Person | null {
  const wanted = foldWord(typed.trim()).replace(TITLE, "");
  if (wanted === "") return null;
  const folded = (p: Person) => p.variants.map(foldWord);
  return (
    people.find((p) => folded(p).includes(wanted)) ??
    people.find((p) => folded(p).some((v) => v.split(NAME_WORDS).includes(wanted))) ??
    people.find((p) => folded(p).some((v) => v.startsWith(wanted))) ??
    null
  );
}

const word = fc.constantFrom(
  "Ada",
  "ada",
  "Quist",
  "Al",
  "al-Quist",
  "Venn",
  "Zoë",
  "Brandt",
  "Mr",
);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
const person = fc.record({
  key: fc.string(),
  name,
  role: fc.constant(null),
  roles: fc.constant<{ text: string; articleId: string }[]>([]),
  variants: fc.array(name, { minLength: 1, maxLength: 3 }),
});

describe("findPerson", () => {
  it("finds whom a scan of every person's names finds, for any people and any typed name", () => {
    const typed = fc.oneof(
      name,
      word,
      fc.string(),
      word.map((w) => `Mr. ${w}`),
      word.map((w) => w.slice(0, 2)),
    );
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 8 }),
        typed,
        fc.boolean(),
        (people, asked, early) => {
          // Prepared before the first request (as an answerer does) or on it: the same person.
          if (early) prepareWho(people);
          expect(findPerson(people, asked)).toBe(findPersonByScan(people, asked));
        },
      ),
      { numRuns: 500 },
    );
  });
});
