import { describe, expect, it } from "vitest";
import { isAppRateLimited, RateLimitWarnings } from "../../src/slack/app-rate-limited.js";
import { recordingBoltLogger } from "../support/recording-bolt-logger.js";

const notice = { type: "app_rate_limited", team_id: "T1", minute_rate_limited: 1700000040 };

describe("isAppRateLimited", () => {
  it("recognises Slack's notice and nothing else", () => {
    expect(isAppRateLimited(notice)).toBe(true);
    for (const body of [null, undefined, "app_rate_limited", {}, { type: "event_callback" }]) {
      expect(isAppRateLimited(body)).toBe(false);
    }
  });
});

describe("RateLimitWarnings", () => {
  it("warns at most once a minute, and counts the notices in between", () => {
    let now = 0;
    const { logger, warnings } = recordingBoltLogger();
    const warn = new RateLimitWarnings(logger, () => now);
    warn.notice(notice);
    now = 30_000;
    warn.notice(notice);
    warn.notice(notice);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/team T1 since minute 1700000040/);
    now = 60_000;
    warn.notice(notice);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/2 more notices/);
  });
});
