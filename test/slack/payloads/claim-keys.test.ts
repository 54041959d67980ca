import { describe, expect, it } from "vitest";
import {
  EVENT_CLAIM_TTL_SECONDS,
  eventClaimKey,
  messageClaimKey,
  SHARE_CLAIM_TTL_SECONDS,
  type ShareClick,
  shareClaimKey,
  shareClickOf,
} from "../../../src/slack/payloads/claim-keys.js";

/** A `block_actions` body as Slack sends it for a button on an ephemeral reply. */
function shareClick(overrides: { user?: string; value?: string; messageTs?: string } = {}, n = 1) {
  return {
    type: "block_actions",
    user: { id: overrides.user ?? "U1", username: "ana", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    container: {
      type: "message",
      message_ts: overrides.messageTs ?? "1700000000.000100",
      channel_id: "C1",
      is_ephemeral: true,
    },
    trigger_id: `1388105719492.1379717998065.${n}`,
    team: { id: "T1", domain: "example" },
    channel: { id: "C1", name: "newsroom" },
    response_url: `https://hooks.slack.test/actions/T1/${n}/abc${n}`,
    actions: [
      {
        action_id: "share_answer",
        block_id: "share",
        value: overrides.value ?? "When did the storm reach the coast?",
        type: "button",
        action_ts: `1700000001.00${n}`,
      },
    ],
  };
}

/** The click of a body the test built whole. */
function clickOf(body: unknown): ShareClick {
  const click = shareClickOf(body);
  if (click === null) throw new Error("the test's click body lacks a part");
  return click;
}

describe("shareClaimKey", () => {
  it("gives a double click the same key, though each delivery has its own trigger, time and URL", () => {
    const first = shareClaimKey(clickOf(shareClick({}, 1)));
    expect(first).toBe(shareClaimKey(clickOf(shareClick({}, 2))));
  });

  it("tells apart another user, another message and another question", () => {
    const key = (overrides: Parameters<typeof shareClick>[0]) =>
      shareClaimKey(clickOf(shareClick(overrides)));
    const keys = new Set([
      key({}),
      key({ user: "U2" }),
      key({ messageTs: "1700000000.000200" }),
      key({ value: "Who ordered the evacuation?" }),
    ]);
    expect(keys.size).toBe(4);
  });

  it("keeps a long question's key short and starts it with its namespace", () => {
    const key = shareClaimKey({
      channel: "C1",
      messageTs: "1.2",
      user: "U1",
      actionId: "share_answer",
      value: "x".repeat(2_000),
    });
    expect(key.startsWith("share:C1:1.2:U1:share_answer:")).toBe(true);
    expect(key.length).toBeLessThan(80);
  });

  it("reads the channel and ts of a message click without a container", () => {
    const { container: _container, ...body } = shareClick();
    expect(shareClickOf({ ...body, message: { ts: "9.9" } })).toEqual({
      channel: "C1",
      messageTs: "9.9",
      user: "U1",
      actionId: "share_answer",
      value: "When did the storm reach the coast?",
    });
  });

  it("finds no click in a body without a user or an action", () => {
    expect(shareClickOf({ ...shareClick(), actions: [] })).toBeNull();
    expect(shareClickOf({ ...shareClick(), user: {} })).toBeNull();
    expect(shareClickOf(null)).toBeNull();
  });
});

describe("eventClaimKey", () => {
  const mention = {
    type: "app_mention",
    user: "U1",
    text: "<@UBOT> when did the storm reach the coast?",
    ts: "1700000000.000300",
    channel: "C1",
    event_ts: "1700000000.000300",
    client_msg_id: "6c2a3c0e-1111-4e0e-9f00-000000000001",
  };

  it("claims a delivery and its retries by event_id", () => {
    const body = { type: "event_callback", event_id: "Ev01", event: mention };
    expect(eventClaimKey(body)).toBe("event:Ev01");
    expect(eventClaimKey({ ...body, event_time: 1700000400 })).toBe("event:Ev01");
  });

  it("falls back to the message's channel and ts, then to its client_msg_id", () => {
    expect(eventClaimKey({ event: mention })).toBe("message:C1:1700000000.000300");
    const { channel: _channel, ...withoutChannel } = mention;
    expect(eventClaimKey({ event: withoutChannel })).toBe(
      "message:6c2a3c0e-1111-4e0e-9f00-000000000001",
    );
    expect(eventClaimKey({ event: { type: "app_home_opened" } })).toBeNull();
    expect(eventClaimKey(undefined)).toBeNull();
  });

  it("gives the same message the same key whichever event carries it", () => {
    expect(messageClaimKey(mention)).toBe(messageClaimKey({ ...mention, type: "message" }));
  });
});

describe("claim TTLs", () => {
  it("cover Slack's retries (at once, after 1 minute, after 5 minutes) and a response_url's life", () => {
    expect(EVENT_CLAIM_TTL_SECONDS).toBeGreaterThan(6 * 60);
    expect(SHARE_CLAIM_TTL_SECONDS).toBe(30 * 60);
  });
});
