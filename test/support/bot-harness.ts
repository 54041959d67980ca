import { loadConfig } from "../../src/config.js";
import { answererFor } from "../../src/requests/request-answerer.js";
import { buildIndexFromCorpus } from "../../src/search/index-store.js";
import { type AppDeps, createApp } from "../../src/slack/create-app.js";
import { EVENTS_PATH, type SlackHttpReceiver } from "../../src/slack/transport/http-receiver.js";
import type { WorkQueue } from "../../src/slack/work-queue.js";
import { FakeSlack } from "./fake-slack.js";
import { recordingLogger } from "./recording-logger.js";
import {
  encodeSlackFixture,
  eventCallback,
  FORM,
  loadSlackFixture,
  type SlackFixture,
  signedHeaders,
  slashCommandForm,
} from "./slack-payloads.js";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
export const BOT_TOKEN = "xoxb-test-bot-token-abcdef";

export interface SendOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

/** The real app in HTTP mode on 127.0.0.1, its Web API pointed at a fake Slack. */
export class BotHarness {
  fake = new FakeSlack();
  receiver!: SlackHttpReceiver;
  queue!: WorkQueue;
  base = "";
  logs: string[] = [];
  private sequence = 0;

  async start(
    env: Record<string, string> = {},
    webApi?: { timeoutMs: number; retries: number },
    deps: Partial<Omit<AppDeps, "config" | "passageCount" | "logger">> = {},
  ): Promise<this> {
    await this.fake.start();
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.fake.apiUrl,
      LOG_LEVEL: "debug",
      ...env,
    });
    const index = await buildIndexFromCorpus(env.CORPUS_DIR ?? "test/fixtures/corpus");
    const { logger, logs } = recordingLogger();
    this.logs = logs;
    const { app, receiver, queue } = createApp({
      config,
      passageCount: () => index.passages.length,
      ask: answererFor(index),
      logger,
      ...(webApi ? { webApi } : {}),
      ...deps,
    });
    await app.init();
    this.queue = queue;
    this.receiver = receiver as SlackHttpReceiver;
    const port = await this.receiver.start(0, "127.0.0.1");
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.receiver.stop();
    await this.queue.idle();
    await this.fake.stop();
  }

  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${this.sequence}`;
  }

  /** POSTs a body to /slack/events, signed as Slack signs it. */
  async post(body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
    return fetch(`${this.base}${EVENTS_PATH}`, {
      method: "POST",
      headers: {
        ...signedHeaders(SIGNING_SECRET, body, contentType, options.timestamp),
        ...(options.signature === undefined ? {} : { "x-slack-signature": options.signature }),
        ...options.headers,
      },
      body,
    });
  }

  /** A `/syria` slash command; returns the HTTP response and the response id its answer goes to. */
  async command(text: string, options: SendOptions & { responseId?: string } = {}) {
    const responseId = options.responseId ?? this.nextId("cmd");
    const form = slashCommandForm(text, this.fake.responseUrl(responseId), { user_name: "asker" });
    const response = await this.post(form, FORM, options);
    return { response, responseId };
  }

  /** An Events API delivery. */
  async event(event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}) {
    const eventId = options.eventId ?? this.nextId("Ev");
    const body = JSON.stringify(eventCallback(event, eventId));
    const response = await this.post(body, "application/json", options);
    return { response, eventId };
  }

  /**
   * Replays a fixture from test/fixtures/slack/ (by name, or loaded and changed by the test), signed;
   * `$EVENT_ID` gets a fresh id unless `vars` gives one, `$RESPONSE_URL` the fake's URL for
   * `responseId`.
   */
  async replay(
    fixture: string | SlackFixture,
    options: SendOptions & { vars?: Record<string, string>; responseId?: string } = {},
  ) {
    const loaded = typeof fixture === "string" ? loadSlackFixture(fixture) : fixture;
    const responseId = options.responseId ?? this.nextId("resp");
    const { body, contentType } = encodeSlackFixture(loaded, {
      EVENT_ID: this.nextId("EvReplay"),
      RESPONSE_URL: this.fake.responseUrl(responseId),
      ...options.vars,
    });
    const response = await this.post(body, contentType, options);
    return { response, responseId };
  }

  /** A click on a button, as block_actions. */
  async click(actionId: string, value: string, responseId: string) {
    const payload = {
      type: "block_actions",
      team: { id: "T0TEAM1" },
      user: { id: "U1" },
      channel: { id: "C1" },
      api_app_id: "A1",
      trigger_id: "trigger",
      response_url: this.fake.responseUrl(responseId),
      container: {
        type: "message",
        message_ts: this.nextId("1."),
        channel_id: "C1",
        is_ephemeral: true,
      },
      actions: [{ type: "button", action_id: actionId, block_id: "b1", value, action_ts: "1" }],
    };
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.post(form.toString(), FORM);
  }
}
