import type { ReceiverEvent } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { ackLeftovers } from "../../../src/slack/transport/ack-leftovers.js";
import { recordingBoltLogger } from "../../support/recording-bolt-logger.js";

/** A receiver's request whose acks are recorded. */
function request(body: Record<string, unknown>) {
  const acks: unknown[] = [];
  const event: ReceiverEvent = {
    body,
    ack: async (response?: unknown) => {
      acks.push(response);
    },
  };
  return { event, acks };
}

describe("ackLeftovers", () => {
  it("acks once, with an empty body, a request no listener acked, and names its type", async () => {
    const { logger, warnings } = recordingBoltLogger();
    const process = ackLeftovers(async () => {}, logger);
    const { event, acks } = request({ type: "dialog_cancellation" });
    await process(event);
    expect(acks).toEqual([undefined]);
    expect(warnings).toEqual([
      "Request type dialog_cancellation reached no listener: acked with an empty 200",
    ]);
  });

  it("leaves a request a listener acked alone, with the listener's response", async () => {
    const { logger, warnings } = recordingBoltLogger();
    const process = ackLeftovers(async (e) => e.ack({ options: [] }), logger);
    const { event, acks } = request({ type: "block_suggestion" });
    await process(event);
    expect(acks).toEqual([{ options: [] }]);
    expect(warnings).toEqual([]);
  });

  it("names a body without a type as unknown", async () => {
    const { logger, warnings } = recordingBoltLogger();
    const { event, acks } = request({ something: 1 });
    await ackLeftovers(async () => {}, logger)(event);
    expect(acks).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Request type unknown /);
  });
});
