import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import type { Block } from "../../src/format/blocks.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "../../src/format/messages.js";
import { escapeMrkdwn, mrkdwnLink, truncateOnWord } from "../../src/format/mrkdwn.js";
import { renderAnswerMessage, renderSourceLine } from "../../src/format/render-answer-blocks.js";
import { MAX_BLOCKS, SECTION_TEXT_MAX } from "../../src/format/slack-limits.js";
import type { Passage } from "../../src/passages/passage.js";
import { queryTermsOf } from "../../src/search/text-processing.js";

function passage(sentences: string[], overrides: Partial<Passage> = {}): Passage {
  return {
    id: "a#0",
    articleId: "a",
    position: 0,
    section: null,
    sentences,
    text: sentences.join(" "),
    title: "A Title",
    outlet: "Outlet",
    url: "https://example.com/a",
    published: "2024-12-09",
    ...overrides,
  };
}

function answerOf(
  question: string,
  passages: Passage[],
  confidence: Answer["confidence"] = passages.length > 0 ? "confident" : "none",
): Answer {
  return {
    question,
    confidence,
    items: passages.map((p) => ({
      passage: p,
      score: 1,
      matchedTerms: queryTermsOf("asylum"),
      answerSentence: 0,
      alsoReportedBy: [],
    })),
  };
}

function textsOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === "section"
      ? [b.text.text]
      : b.type === "context"
        ? b.elements.map((e) => e.text)
        : [],
  );
}

describe("renderAnswerMessage", () => {
  it("quotes each passage with matched words in bold, then outlet · linked title · date", () => {
    const message = renderAnswerMessage(
      answerOf("asylum", [passage(["Putin granted asylum.", "Then more."])]),
    );
    const texts = textsOf(message.blocks);
    expect(texts).toContain("> _Putin granted *asylum*._ Then more.");
    expect(texts).toContain("Outlet · <https://example.com/a|A Title> · 9 Dec 2024");
    expect(message.text).toBe("“Putin granted asylum.” (Outlet)");
  });

  it("says unknown where the article does not, and links nothing without a url", () => {
    const line = renderSourceLine({ outlet: null, title: null, url: null, published: null });
    expect(line).toBe("Unknown outlet · Untitled article · date not given");
  });

  it("lists other outlets of a merged fact", () => {
    const answer = answerOf("asylum", [passage(["Asylum."])]);
    (answer.items[0] as { alsoReportedBy: unknown }).alsoReportedBy = [
      { outlet: "Other", title: null, url: null, published: null },
    ];
    expect(textsOf(renderAnswerMessage(answer).blocks)).toContain("Also reported by Other");
  });

  it("gives the no-match message for an empty answer", () => {
    expect(renderAnswerMessage(answerOf("x", [])).text).toBe(NO_MATCH_TEXT);
  });

  it("says a tentative reply is uncertain, before its passages and in the fallback text", () => {
    const message = renderAnswerMessage(
      answerOf("x", [passage(["Talks resumed on Monday."])], "tentative"),
    );
    expect(message.text.startsWith(TENTATIVE_TEXT)).toBe(true);
    expect(JSON.stringify(message.blocks[1])).toContain(TENTATIVE_TEXT);
    const sure = renderAnswerMessage(
      answerOf("x", [passage(["Talks resumed on Monday."])], "confident"),
    );
    expect(JSON.stringify(sure)).not.toContain(TENTATIVE_TEXT);
  });

  it("says the articles don't say, and lists the questions they do answer", () => {
    const none = { ...answerOf("x", []), suggestions: ["what did the mayor say"] };
    const message = renderAnswerMessage(none);
    expect(message.text).toBe(NO_MATCH_TEXT);
    expect(JSON.stringify(message.blocks)).toContain(SUGGESTIONS_HEADING);
    expect(JSON.stringify(message.blocks)).toContain("/syria what did the mayor say");
  });

  it("keeps a | in a url from breaking the link", () => {
    expect(mrkdwnLink("https://e.com/?a=1|2", "T|x <y>")).toBe(
      "<https://e.com/?a=1%7C2|T¦x &lt;y&gt;>",
    );
  });

  it("is valid Block Kit within Slack's limits, and pings nobody, for any text (property)", () => {
    const markup = fc.constantFrom(
      "<",
      ">",
      "&",
      "<!channel>",
      "<@U1>",
      "|",
      "*",
      "_",
      " ",
      "a",
      "é",
      "😀",
      "\u202e",
    );
    const anyText = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 6000 }),
      fc.string({ unit: markup, maxLength: 4000 }),
    );
    fc.assert(
      fc.property(
        anyText,
        fc.array(anyText, { minLength: 1, maxLength: 3 }),
        anyText,
        (question, sentences, url) => {
          const message = renderAnswerMessage(
            answerOf(question, [
              passage(sentences, {
                title: question,
                outlet: question,
                url: `https://e.com/${url}`,
              }),
            ]),
            { shareable: true },
          );
          expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
          for (const text of [...textsOf(message.blocks), message.text]) {
            expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
            expect(text).not.toMatch(/<[!@#]/);
          }
          expect(message.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("escaping and truncation", () => {
  it("always neutralises <, > and & (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
      }),
    );
  });

  it("cuts on a word boundary with an ellipsis, never over the limit (property)", () => {
    expect(truncateOnWord("one two three four", 12)).toBe("one two…");
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        expect(truncateOnWord(text, max).length).toBeLessThanOrEqual(
          Math.max(max, text.length <= max ? text.length : 0),
        );
      }),
    );
  });
});
