import { describe, expect, it } from "vitest";
import { parseSlackBody, SlackBodyError } from "../../src/slack/parse-slack-body.js";

describe("parseSlackBody", () => {
  it("reads a form whatever its parameters, and JSON in a form's payload", () => {
    expect(
      parseSlackBody("application/x-www-form-urlencoded; charset=utf-8", "command=%2Fask&text=hi"),
    ).toEqual({ command: "/ask", text: "hi" });
    expect(
      parseSlackBody(
        "Application/X-WWW-Form-Urlencoded",
        `payload=${encodeURIComponent('{"type":"block_actions"}')}`,
      ),
    ).toEqual({ type: "block_actions" });
  });

  it("reads JSON", () => {
    expect(parseSlackBody("application/json", '{"type":"event_callback","event":{}}')).toEqual({
      type: "event_callback",
      event: {},
    });
  });

  it("refuses what Slack never sends, naming why", () => {
    const cases: [string, string][] = [
      ["null", "body is not an object"],
      ["[1]", "body is not an object"],
      ['"text"', "body is not an object"],
      ['{"event":null}', "event is not an object"],
      ['{"event":"x"}', "event is not an object"],
      ['{"type":"event_callback"}', "event_callback without an event"],
      ["{", "body is neither JSON nor a form"],
    ];
    for (const [body, reason] of cases) {
      expect(() => parseSlackBody("application/json", body)).toThrow(new SlackBodyError(reason));
    }
  });
});
