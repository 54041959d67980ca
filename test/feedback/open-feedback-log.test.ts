import { describe, expect, it } from "vitest";
import { EPHEMERAL_VOTER_KEY_TEXT, openFeedbackLog } from "../../src/feedback/open-feedback-log.js";
import { VOTER_KEY_NAME } from "../../src/feedback/voter-key.js";
import { MemoryStore } from "../../src/state/memory-store.js";

describe("openFeedbackLog", () => {
  it("says the voters' key dies with the process when it is kept in this process only", async () => {
    const said: string[] = [];
    const state = new MemoryStore();
    await openFeedbackLog({
      file: "/tmp/unused-votes.jsonl",
      secret: null,
      state,
      stateIsShared: false,
      info: (m) => said.push(m),
    });
    expect(said).toEqual([EPHEMERAL_VOTER_KEY_TEXT]);
    expect(await state.get(VOTER_KEY_NAME)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("says nothing with FEEDBACK_SECRET, or with a key kept in a shared store", async () => {
    const said: string[] = [];
    const info = (m: string) => said.push(m);
    const file = "/tmp/unused-votes.jsonl";
    await openFeedbackLog({
      file,
      secret: "s3cret",
      state: new MemoryStore(),
      stateIsShared: false,
      info,
    });
    await openFeedbackLog({
      file,
      secret: null,
      state: new MemoryStore(),
      stateIsShared: true,
      info,
    });
    expect(said).toEqual([]);
  });
});
