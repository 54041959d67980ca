import { describe, expect, it } from "vitest";
import {
  describeTokenProblem,
  reconnectDelayMs,
  superviseReconnects,
} from "../../../src/slack/transport/socket-reconnect.js";

describe("reconnectDelayMs", () => {
  it("reconnects at once, then backs off, up to a cap", () => {
    expect([1, 2, 3, 4, 5].map(reconnectDelayMs)).toEqual([0, 500, 1_000, 2_000, 4_000]);
    expect(reconnectDelayMs(50)).toBe(30_000);
  });
});

describe("describeTokenProblem", () => {
  it("names the token and Slack's reason for a refused token", () => {
    const error = Object.assign(new Error("An API error occurred: invalid_auth"), {
      data: { ok: false, error: "invalid_auth" },
    });
    expect(describeTokenProblem(error, "SLACK_APP_TOKEN")).toBe(
      "Slack refused SLACK_APP_TOKEN (invalid_auth): it was revoked, rotated or mistyped; set a valid token and restart",
    );
  });

  it("is null for other errors", () => {
    expect(describeTokenProblem(new Error("ECONNREFUSED"), "SLACK_APP_TOKEN")).toBeNull();
    expect(describeTokenProblem({ data: { error: "ratelimited" } }, "X")).toBeNull();
    expect(describeTokenProblem(null, "X")).toBeNull();
  });
});

describe("superviseReconnects", () => {
  it("hands a reconnect that fails for good to onFatal instead of rejecting unheard", async () => {
    const events: string[] = [];
    const client = {
      numOfConsecutiveReconnectionFailures: 0,
      shuttingDown: false,
      reconnectionTimer: undefined,
      delayReconnectAttempt: (_cb: () => Promise<unknown>) => Promise.resolve(),
      emit: (event: string) => events.push(event) > 0,
    };
    const fatal = new Promise<unknown>((resolve) => superviseReconnects(client, resolve));
    void client.delayReconnectAttempt(() => Promise.reject(new Error("invalid_auth")));
    expect(((await fatal) as Error).message).toBe("invalid_auth");
    expect(events).toEqual(["reconnecting"]);
    expect(client.numOfConsecutiveReconnectionFailures).toBe(1);
  });

  it("refuses a client without the hook it replaces", () => {
    expect(() => superviseReconnects({}, () => {})).toThrow(/no reconnect hook/);
  });
});
