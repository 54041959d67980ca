import { describe, expect, it } from "vitest";
import { attributeSentence } from "../../src/news/attribution.js";
import { newsOf } from "./news-fixture.js";

// An article is input from outside: one built to be slow to read must not freeze the build. Before
// reading was made linear, `said ` × 20,000 took 25 s and `Putin told ` × 10,000 7.4 s. The
// bounds are generous (a hundred times what linear reading takes here) so a busy machine does not
// fail them, yet far below what quadratic reading takes.
const GENEROUS_MS = 3_000;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

const names = { people: [], agencies: [], properNouns: new Set<string>() };

describe("reading attributions of very long sentences", () => {
  it("reads `said ` × 20,000 (100 KB) as one sentence in well under a second's worth", () => {
    const { value, ms } = timed(() => attributeSentence("said ".repeat(20_000), "a", names, null));
    expect(value.speaker).toBeNull();
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it("reads `Putin told ` × 10,000 as one sentence, and still finds the speaker", () => {
    const sentence = `${"Putin told ".repeat(10_000)}reporters.`;
    const data = timed(() =>
      newsOf([{ id: "a", paragraphs: ["President Vladimir Putin said it.", sentence] }]),
    );
    expect(data.ms).toBeLessThan(GENEROUS_MS);
    const long = data.value.sentences.find((s) => s.text.length > 100_000);
    expect(long?.attribution.speaker).toEqual({ kind: "person", key: "putin" });
  });

  it("builds the news data of an article whose body is `said ` × 20,000", () => {
    const { value, ms } = timed(() =>
      newsOf([{ id: "a", paragraphs: [`${"said ".repeat(20_000)}.`] }]),
    );
    expect(value.sentences.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(GENEROUS_MS);
  });

  it("reads `according to ` × 10,000 and quotes followed by `said` × 10,000", () => {
    for (const sentence of ["according to ".repeat(10_000), "” said X ".repeat(10_000)]) {
      const { ms } = timed(() => attributeSentence(sentence, "a", names, null));
      expect(ms).toBeLessThan(GENEROUS_MS);
    }
  });
});
