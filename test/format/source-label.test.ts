import { describe, expect, it } from "vitest";
import { formatDate, UNDATED } from "../../src/format/source-label.js";

describe("formatDate", () => {
  it("writes an ISO day as day, short month and year, without a leading zero", () => {
    expect(formatDate("2019-03-05")).toBe("5 Mar 2019");
    expect(formatDate("2021-12-31")).toBe("31 Dec 2021");
    expect(formatDate("2000-01-10")).toBe("10 Jan 2000");
  });

  it("says the date is not given when there is none", () => {
    expect(formatDate(null)).toBe(UNDATED);
  });

  it("leaves what is not an ISO day as it was, rather than inventing a date", () => {
    expect(formatDate("sometime")).toBe("sometime");
  });
});
