import { describe, expect, it } from "vitest";
import { renderReplyMessage, renderTimelineMessage } from "../../src/format/news-blocks.js";
import { MAX_BLOCKS, SECTION_TEXT_MAX } from "../../src/format/slack-limits.js";
import type { TimelineEvent } from "../../src/news/timeline.js";

const event = (i: number, text = "The river rose."): TimelineEvent => ({
  date: `2019-05-${String((i % 28) + 1).padStart(2, "0")}`,
  inferred: i % 2 === 0,
  text,
  title: "Flood <update>",
  outlet: "Valley & Courier",
  url: "https://courier.example/a|b",
});

describe("news views in Block Kit", () => {
  it("shows each event's date, inferred mark, escaped quote and linked source", () => {
    const message = renderTimelineMessage("", [event(0, "<!channel> *water* rose")]);
    const texts = JSON.stringify(message.blocks);
    expect(texts).toContain("(inferred)");
    expect(texts).toContain("&lt;!channel&gt; water rose");
    expect(texts).toContain("Valley &amp; Courier");
    expect(texts).toContain("<https://courier.example/a%7Cb|Flood &lt;update&gt;>");
  });

  it("stays within Slack's limits however long the timeline", () => {
    const events = Array.from({ length: 200 }, (_, i) => event(i, "word ".repeat(900)));
    const message = renderTimelineMessage("flood", events);
    expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    for (const block of message.blocks) {
      if (block.type === "section")
        expect(block.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    }
    expect(JSON.stringify(message.blocks.at(-1))).toContain("more, not shown here");
  });

  it("gives help with the command name it is given", () => {
    const message = renderReplyMessage({ kind: "help", commandName: "/flood" });
    expect(JSON.stringify(message.blocks)).toContain("/flood timeline [words]");
  });
});
