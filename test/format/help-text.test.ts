import { describe, expect, it } from "vitest";
import {
  HELP_INTRO,
  HELP_REQUESTS,
  helpIntro,
  helpLines,
  withCommand,
} from "../../src/format/help-text.js";

describe("help text", () => {
  it("counts the articles and names no topic", () => {
    expect(helpIntro(4)).toBe(
      "I answer questions from 4 news articles, quoting them with their sources.",
    );
    expect(helpIntro(1)).toBe(
      "I answer questions from 1 news article, quoting them with their sources.",
    );
    expect(helpIntro()).toBe(HELP_INTRO);
    expect(helpIntro(0)).toBe(HELP_INTRO);
  });

  it("names each request with the command the asker used, or bare without one", () => {
    expect(helpLines("/flood")).toHaveLength(HELP_REQUESTS.length);
    expect(helpLines("/flood")[1]).toMatch(/^\/flood timeline \[words\]: /);
    expect(helpLines()[1]).toMatch(/^timeline \[words\]: /);
    expect(withCommand("", "sources")).toBe("sources");
    expect(withCommand("npm run ask --", "sources")).toBe("npm run ask -- sources");
  });
});
