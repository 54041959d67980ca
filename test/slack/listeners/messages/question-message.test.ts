import { describe, expect, it } from "vitest";
import { personsQuestion } from "../../../../src/slack/listeners/messages/question-message.js";

// The message listeners' first step on message events shaped as Slack sends them (see
// test/fixtures/slack/), about a flood, not the corpus.

const CHANNELS = new Set(["channel", "group"]);
const base = {
  type: "message",
  channel: "C1",
  channel_type: "channel",
  user: "U1",
  ts: "2.000200",
  thread_ts: "2.000100",
  text: "how high did the river rise",
};

describe("personsQuestion", () => {
  it("reads a person's reply, a reply with a file, and one also sent to the channel", () => {
    for (const subtype of [undefined, "file_share", "thread_broadcast"]) {
      expect(personsQuestion({ ...base, subtype }, CHANNELS, "UBOT")).toEqual({
        channel: "C1",
        ts: "2.000200",
        threadTs: "2.000100",
        text: "how high did the river rise",
        inAssistantThread: false,
      });
    }
  });

  it("is null for another channel type, a subtype that is not a question, and any bot", () => {
    expect(personsQuestion({ ...base, channel_type: "im" }, CHANNELS, "UBOT")).toBeNull();
    for (const subtype of ["message_changed", "message_deleted", "channel_join", "me_message"]) {
      expect(personsQuestion({ ...base, subtype }, CHANNELS, "UBOT")).toBeNull();
    }
    expect(personsQuestion({ ...base, bot_id: "B1" }, CHANNELS, "UBOT")).toBeNull();
    expect(personsQuestion({ ...base, user: "UBOT" }, CHANNELS, "UBOT")).toBeNull();
    expect(personsQuestion({ ...base, subtype: "bot_message" }, CHANNELS, "UBOT")).toBeNull();
  });
});

describe("personsQuestion on rich text", () => {
  it("reads the words from the rich-text blocks when the text is empty", () => {
    const message = {
      ...base,
      text: "",
      blocks: [
        {
          type: "rich_text",
          elements: [
            { type: "rich_text_section", elements: [{ type: "text", text: "who was evacuated" }] },
          ],
        },
      ],
    };
    expect(personsQuestion(message, CHANNELS, "UBOT")?.text).toBe("who was evacuated");
  });
});

describe("personsQuestion in an assistant thread", () => {
  it("notes that Slack marked the message as in an assistant thread", () => {
    const message = { ...base, channel_type: "im", assistant_thread: { action_token: "1.2.abc" } };
    expect(personsQuestion(message, new Set(["im"]), "UBOT")?.inAssistantThread).toBe(true);
    expect(
      personsQuestion({ ...message, assistant_thread: null }, new Set(["im"]), "UBOT")
        ?.inAssistantThread,
    ).toBe(false);
  });
});
