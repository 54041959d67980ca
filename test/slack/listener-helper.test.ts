import { describe, expect, it } from "vitest";
import { BUSY_TEXT, ERROR_TEXT } from "../../src/format/messages.js";
import { replyAfterAck } from "../../src/slack/listener-helper.js";
import { WorkQueue } from "../../src/slack/work-queue.js";
import { recordingBoltLogger } from "../support/recording-bolt-logger.js";

describe("replyAfterAck", () => {
  it("acks, then replies from the queue", async () => {
    const queue = new WorkQueue();
    const { logger, lines } = recordingBoltLogger();
    const order: string[] = [];
    await replyAfterAck(queue, logger, {
      label: "Mention in C1",
      reply: async () => {
        order.push("reply");
      },
      notify: async (text) => order.push(`notify ${text}`),
      ack: async (busy) => {
        order.push(`ack ${busy ?? ""}`);
      },
    });
    await queue.idle();
    expect(order).toEqual(["ack ", "reply"]);
    expect(lines).toContain("info Mention in C1: answered");
  });

  it("apologises where the question was asked when the reply fails, and logs why", async () => {
    const queue = new WorkQueue();
    const { logger, lines } = recordingBoltLogger();
    const told: string[] = [];
    await replyAfterAck(queue, logger, {
      label: "DM in D1",
      reply: async () => {
        throw new Error("chat.postMessage: channel_not_found");
      },
      notify: async (text) => told.push(text),
    });
    await queue.idle();
    expect(told).toEqual([ERROR_TEXT]);
    expect(lines.some((l) => /^error DM in D1: failed: .*channel_not_found/.test(l))).toBe(true);
  });

  it("survives an apology that fails too", async () => {
    const queue = new WorkQueue();
    const { logger, lines } = recordingBoltLogger();
    await replyAfterAck(queue, logger, {
      label: "DM in D1",
      reply: async () => {
        throw new Error("first");
      },
      notify: async () => {
        throw new Error("second");
      },
    });
    await queue.idle();
    expect(lines.some((l) => /apology failed too: .*second/.test(l))).toBe(true);
  });

  it("when the queue is full, tells the asker where they asked, or in the ack", async () => {
    const full = new WorkQueue({ maxWaiting: 0 });
    const { logger, lines } = recordingBoltLogger();
    const told: string[] = [];
    let replied = false;
    const reply = async () => {
      replied = true;
    };
    await replyAfterAck(full, logger, {
      label: "Mention in C1",
      reply,
      notify: async (text) => told.push(text),
    });
    const acks: (string | undefined)[] = [];
    await replyAfterAck(full, logger, {
      label: "/cmd for U1",
      reply,
      notify: async (text) => told.push(`notify ${text}`),
      ack: async (busy) => {
        acks.push(busy);
      },
    });
    expect(replied).toBe(false);
    expect(told).toEqual([BUSY_TEXT]);
    expect(acks).toEqual([BUSY_TEXT]);
    expect(lines.filter((l) => /^warn .*work queue is full/.test(l))).toHaveLength(2);
  });

  it("posts no apology when the failed call may have posted the reply (a 5xx from Slack)", async () => {
    const queue = new WorkQueue();
    const { logger, lines } = recordingBoltLogger();
    const told: string[] = [];
    const maybePosted = Object.assign(
      new Error("An HTTP protocol error occurred: statusCode = 503"),
      {
        code: "slack_webapi_http_error",
        statusCode: 503,
      },
    );
    await replyAfterAck(queue, logger, {
      label: "Mention in C1",
      reply: async () => {
        throw maybePosted;
      },
      notify: async (text) => told.push(text),
    });
    await queue.idle();
    expect(told).toEqual([]);
    expect(
      lines.some((l) => /^error Mention in C1: failed, and the reply may have been posted/.test(l)),
    ).toBe(true);
  });
});
