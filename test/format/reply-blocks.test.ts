import { describe, expect, it } from "vitest";
import { EXAMPLES_HEADING, HELP_INTRO, helpIntro } from "../../src/format/help-text.js";
import { renderTimelineMessage, renderWhoMessage } from "../../src/format/news-blocks.js";
import { ASK_ANYWHERE_TEXT, renderHelpMessage } from "../../src/format/render-answer-blocks.js";
import type { Reply } from "../../src/format/reply.js";
import { renderReplyMessage } from "../../src/format/reply-blocks.js";
import { MAX_BLOCKS, SECTION_TEXT_MAX } from "../../src/format/slack-limits.js";
import type { TimelineEvent } from "../../src/news/timeline.js";
import {
  answerOf,
  helpReply,
  itemOf,
  passageOf,
  unattributedArticle,
  whoQuote,
  whoReport,
} from "../support/answer-fixtures.js";

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

  it("gives help with the command name it is given, example questions and the article count", () => {
    const message = renderReplyMessage(helpReply("/flood", "who opened the <gates>", 3));
    const blocks = JSON.stringify(message.blocks);
    expect(message.text).toBe(helpIntro(3));
    expect(blocks).toContain("/flood timeline [words]");
    expect(blocks).toContain(EXAMPLES_HEADING);
    expect(blocks).toContain("`/flood who opened the &lt;gates&gt;`");
    expect(blocks).toContain(ASK_ANYWHERE_TEXT);
  });

  it("gives help without a command (a mention) as bare requests", () => {
    const blocks = JSON.stringify(renderHelpMessage({ examples: ["why"] }).blocks);
    expect(blocks).toContain("`timeline [words]`");
    expect(blocks).toContain("`why`");
    expect(renderHelpMessage().text).toBe(HELP_INTRO);
  });

  it("renders a question reply with its news fields and command", () => {
    const reply: Reply = {
      kind: "question",
      commandName: "/flood",
      answer: answerOf("who opened the gates", [
        itemOf(passageOf(["The gates were opened at noon."]), { matchedTerms: ["gate"] }),
      ]),
      news: [
        {
          speaker: "Lena Marsh, spokeswoman",
          via: [],
          source: unattributedArticle({
            title: "Gates opened at noon",
            outlet: "unattributed",
            published: null,
          }),
          reportedBy: [],
        },
      ],
    };
    const blocks = JSON.stringify(renderReplyMessage(reply).blocks);
    expect(blocks).toContain("*Lena Marsh, spokeswoman*");
    expect(blocks).toContain("unattributed · Gates opened at noon · date not given");
    expect(blocks).not.toMatch(/unknown outlet/i);
  });

  it("says how many articles report a statement in the who view, leaving unknown outlets out", () => {
    const reportedBy = [
      { title: "Gates held, ministry says", outlet: "unattributed, citing Nordpress", url: null },
    ];
    const message = renderWhoMessage(whoReport({ quotes: [whoQuote({ reportedBy })] }));
    const blocks = JSON.stringify(message.blocks);
    expect(blocks).toContain("Reported by 2 articles: Valley Courier, “Gates held, ministry says”");
    expect(blocks).not.toContain("Also reported by");
  });

  it("says a person is named but not quoted, and lists where, with the total", () => {
    const mention = whoQuote({ text: "Marsh visited the dam." });
    const message = renderWhoMessage(whoReport({ mentions: [mention], mentionTotal: 3 }));
    const texts = message.blocks.map((b) => JSON.stringify(b));
    expect(texts[0]).toContain("*Lena Marsh*, spokeswoman");
    expect(texts[1]).toContain("The articles name them but quote nothing they said.");
    expect(texts[2]).toContain("Named without a quote in 3 passages; the first 1:");
    expect(texts[3]).toContain("Marsh visited the dam.");
    expect(message.text).toBe("Lena Marsh: The articles name them but quote nothing they said.");
  });
});
