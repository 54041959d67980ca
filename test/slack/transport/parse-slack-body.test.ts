import { describe, expect, it } from "vitest";
import { parseSlackBody, SlackBodyError } from "../../../src/slack/transport/parse-slack-body.js";

describe("parseSlackBody", () => {
  it("reads a form whatever its parameters, and JSON in a form's payload", () => {
    expect(
      parseSlackBody(
        "application/x-www-form-urlencoded; charset=utf-8",
        "command=%2Fask&text=hi&response_url=https%3A%2F%2Fr",
      ),
    ).toEqual({ command: "/ask", text: "hi", response_url: "https://r" });
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

describe("parseSlackBody on signed bodies Bolt would throw on (issue 20, finding 13)", () => {
  const form = (payload: unknown) =>
    parseSlackBody(
      "application/x-www-form-urlencoded",
      `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );

  it("refuses interactions without a user, a view, or with a channel or actions of the wrong kind", () => {
    const cases: [unknown, string][] = [
      [
        { type: "block_actions", actions: [{ action_id: "x" }], team: { id: "T1" } },
        "block_actions without a user",
      ],
      [{ type: "view_submission" }, "view_submission without a user"],
      [{ type: "view_closed", user: { id: "U1" } }, "view_closed without a view"],
      [{ type: "shortcut" }, "shortcut without a user"],
      [{ type: "message_action" }, "message_action without a user"],
      [{ type: "block_suggestion" }, "block_suggestion without a user"],
      [{ type: "dialog_submission", user: null }, "dialog_submission without a user"],
      [
        { type: "block_actions", user: { id: "U1" }, actions: null },
        "block_actions actions are not a list",
      ],
      [
        { type: "block_actions", user: { id: "U1" }, actions: [], channel: null },
        "block_actions channel is not an object",
      ],
      [{ name: "x", type: "<@U1>" }, "interaction without a user"],
    ];
    for (const [payload, reason] of cases)
      expect(() => form(payload)).toThrow(new SlackBodyError(reason));
  });

  it("refuses events whose channel, user, item or subteam Bolt cannot read, and commands without a response_url", () => {
    const cases: [unknown, string][] = [
      [
        { event: { type: "message", channel: null } },
        "event channel is neither an id nor an object",
      ],
      [{ event: { type: "message", channel: 5 } }, "event channel is neither an id nor an object"],
      [{ event: { type: "message", user: null } }, "event user is neither an id nor an object"],
      [{ event: { type: "reaction_added", item: null } }, "event item is not an object"],
      [{ event: { type: "subteam_created", subteam: "x" } }, "event subteam is not an object"],
    ];
    for (const [body, reason] of cases)
      expect(() => parseSlackBody("application/json", JSON.stringify(body))).toThrow(
        new SlackBodyError(reason),
      );
    expect(() =>
      parseSlackBody("application/x-www-form-urlencoded", "command=%2Fsyria&text=x"),
    ).toThrow(new SlackBodyError("command without a response_url"));
  });

  it("takes what Slack sends: an org-wide install's null team, a message without channel object", () => {
    expect(
      form({ type: "block_actions", user: { id: "U1", team_id: "T1" }, team: null, actions: [] }),
    ).toMatchObject({ type: "block_actions" });
    expect(form({ type: "view_submission", user: { id: "U1" }, view: { id: "V1" } })).toMatchObject(
      {
        type: "view_submission",
      },
    );
    expect(
      parseSlackBody("application/json", '{"event":{"type":"message","channel":"C1","user":"U1"}}'),
    ).toMatchObject({ event: { channel: "C1" } });
  });
});
