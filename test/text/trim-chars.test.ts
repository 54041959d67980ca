import { describe, expect, it } from "vitest";
import { trimEndChars } from "../../src/text/trim-chars.js";

describe("trimEndChars", () => {
  it("drops the run of the given characters at the end only", () => {
    expect(trimEndChars("why?!.", "?!.")).toBe("why");
    expect(trimEndChars("?why", "?")).toBe("?why");
    expect(trimEndChars("why? ", "?")).toBe("why? ");
    expect(trimEndChars("???", "?")).toBe("");
    expect(trimEndChars("", "?")).toBe("");
  });
});
