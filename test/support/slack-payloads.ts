/** An Events API body as Slack sends it, over HTTP or inside a Socket Mode envelope. */
export function eventCallback(event: Record<string, unknown>, eventId: string) {
  return {
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  };
}
