import type { Logger, ReceiverEvent } from "@slack/bolt";

/** What `App.processEvent` is: one request from a receiver, routed to the listeners. */
export type ProcessEvent = (event: ReceiverEvent) => Promise<void>;

/** A request body's `type`, for the log; "unknown" when it has none. */
function bodyType(body: unknown): string {
  const type = (body as { type?: unknown } | null)?.type;
  return typeof type === "string" && type !== "" ? type : "unknown";
}

/**
 * Wraps Bolt's `processEvent` so that every request is acked once routing is done. Bolt acks
 * events itself and our catch-all listeners ack every command, action, shortcut, view and menu,
 * but a body Bolt cannot type (a legacy `dialog_cancellation`, a type Slack adds later) reaches
 * no listener: Slack would get a 404 after 3 seconds and an error would be logged. Such a request
 * is acked with an empty 200 and logged as a warning that names its type. Listeners ack before
 * they return (replies run after the ack, on the work queue), so nothing acks after this.
 */
export function ackLeftovers(processEvent: ProcessEvent, logger: Logger): ProcessEvent {
  return async (event) => {
    let acked = false;
    const ack: ReceiverEvent["ack"] = async (response) => {
      acked = true;
      await event.ack(response);
    };
    await processEvent({ ...event, ack });
    if (acked) return;
    await event.ack();
    logger.warn(
      `Request type ${bodyType(event.body)} reached no listener: acked with an empty 200`,
    );
  };
}
