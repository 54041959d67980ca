import fc from "fast-check";
import { expect, it } from "vitest";

/** Slack's limit on a message's text. */
export const SLACK_TEXT_MAX = 40_000;

/** Per call, the most any reading of one message may take (issue 20: any message under 100 ms). */
export const PER_MESSAGE_MS = 100;

/**
 * What a backtracking pattern chokes on: Slack's markup characters, sentence punctuation and
 * white space, with a few letters and words so that markup has something to wrap.
 */
const MARKUP_UNIT = fc.constantFrom(
  "*",
  "_",
  "~",
  "`",
  "<",
  ">",
  "?",
  ".",
  "!",
  " ",
  "\n",
  "\t",
  ":",
  "|",
  "@",
  "#",
  "&",
  "(",
  ")",
  "x",
  "a",
  "lt;",
  "who ",
  "timeline ",
);

/** A request word or a mention before the run, where the router and the normaliser look. */
const HEAD = fc.constantFrom("", "who ", "timeline ", "<@U1> ", "hey ", "*", "(");

/**
 * Text up to Slack's 40,000 characters, biased to markup: either one short pattern repeated
 * (`*` × 40,000 then `x`, `who ` then `?…x`: the shapes that make a regex quadratic), or any
 * mix of markup characters.
 */
export const hostileSlackText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      HEAD,
      fc.string({ unit: MARKUP_UNIT, minLength: 1, maxLength: 6 }),
      fc.string({ unit: MARKUP_UNIT, maxLength: 3 }),
      fc.integer({ min: 1_000, max: SLACK_TEXT_MAX }),
    )
    .map(([head, pattern, tail, length]) => {
      const room = Math.max(0, length - head.length - tail.length);
      return head + pattern.repeat(Math.ceil(room / pattern.length)).slice(0, room) + tail;
    }),
  fc
    .tuple(HEAD, fc.string({ unit: MARKUP_UNIT, minLength: 1_000, maxLength: 12_000 }))
    .map(([head, text]) => (head + text).slice(0, SLACK_TEXT_MAX)),
);

/**
 * Text short enough to be read as a question (up to 2,000 characters), of markup and words, so
 * that what is timed includes searching and answering, not only the refusal.
 */
export const hostileQuestion: fc.Arbitrary<string> = fc
  .string({
    unit: fc.oneof(
      MARKUP_UNIT,
      fc.constantFrom("asylum ", "granted ", "when ", "dec 7th ", "Moscow ", "hey ", "sorry "),
      fc.stringMatching(/^[a-z]{1,12} $/),
    ),
    minLength: 50,
    maxLength: 500,
  })
  .map((text) => text.slice(0, 2_000));

/**
 * How long `read` takes on `text`, in milliseconds: the fastest of three calls. A busy machine
 * (a collection, another process) only ever adds time, while a quadratic reading is slow on
 * every call, so the fastest call tells the two apart.
 */
export function millisecondsFor(read: (text: string) => unknown, text: string): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let call = 0; call < 3; call++) {
    const started = performance.now();
    read(text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * For the timing properties: a handful of runs, and no shrinking, which would read thousands of
 * 40,000-character texts to find a smaller one.
 */
export const TIMING_RUNS = { numRuns: 40, endOnFailure: true } as const;

/** The inputs issue 20 reproduced the freeze with, each 40,000 characters of one mark and a letter. */
export const FREEZING_MESSAGES: readonly string[] = [
  `${"*".repeat(40_000)}x`,
  `${"~".repeat(40_000)}x`,
  `${"_".repeat(40_000)}x`,
  `who ${"?".repeat(40_000)}x`,
  `timeline ${"?".repeat(40_000)}x`,
  `${"<".repeat(40_000)}x`,
  `*${" ".repeat(40_000)}x`,
  `timeline ${" ".repeat(40_000)}x\ny`,
  `hi ${"hi ".repeat(13_000)}x`,
];

/**
 * The two timing checks every reader of a message's text passes: each message that froze the
 * bot, and any text up to Slack's limit (a property), each read in under PER_MESSAGE_MS. `verb`
 * names what `read` does ("reads", "routes").
 */
export function itReadsHostileTextFast(verb: string, read: (text: string) => unknown): void {
  it(`${verb} each message that froze the bot in under 100 ms`, () => {
    for (const text of FREEZING_MESSAGES)
      expect(millisecondsFor(read, text)).toBeLessThan(PER_MESSAGE_MS);
  });

  it(`${verb} any text up to 40,000 characters in under 100 ms (property)`, () => {
    fc.assert(
      fc.property(hostileSlackText, (text) => {
        expect(millisecondsFor(read, text)).toBeLessThan(PER_MESSAGE_MS);
      }),
      TIMING_RUNS,
    );
  });
}
