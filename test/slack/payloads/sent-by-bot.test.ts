import { describe, expect, it } from "vitest";
import { sentByBot } from "../../../src/slack/payloads/sent-by-bot.js";

describe("sentByBot", () => {
  it("is false for a person", () => {
    expect(sentByBot({ user: "U1" }, "UBOT")).toBe(false);
    expect(sentByBot({ user: "U1", subtype: "file_share" }, "UBOT")).toBe(false);
    expect(sentByBot({ user: "U1" }, undefined)).toBe(false);
  });

  it("is true for any sign of a bot", () => {
    expect(sentByBot({ user: "U9", bot_id: "B9" }, "UBOT")).toBe(true);
    expect(sentByBot({ subtype: "bot_message" }, "UBOT")).toBe(true);
    expect(sentByBot({ user: "U9", bot_profile: { id: "B9" } }, "UBOT")).toBe(true);
  });

  it("is true for this app's own bot user, even without a bot_id", () => {
    expect(sentByBot({ user: "UBOT" }, "UBOT")).toBe(true);
  });

  it("does not take an empty bot_id for a bot", () => {
    expect(sentByBot({ user: "U1", bot_id: "" }, "UBOT")).toBe(false);
  });
});
