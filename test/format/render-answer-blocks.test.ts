import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.js";
import { THIS_ARTICLE_ONLY } from "../../src/format/answer-attribution.js";
import type { Block } from "../../src/format/blocks.js";
import { NO_MATCH_TEXT, SUGGESTIONS_HEADING, TENTATIVE_TEXT } from "../../src/format/messages.js";
import { escapeMrkdwn, mrkdwnLink, truncateOnWord } from "../../src/format/mrkdwn.js";
import {
  renderAnswerMessage,
  renderCorroboration,
  renderSourceLine,
} from "../../src/format/render-answer-blocks.js";
import { CONTEXT_TEXT_MAX, MAX_BLOCKS, SECTION_TEXT_MAX } from "../../src/format/slack-limits.js";
import type { CitedArticle, NewsFields } from "../../src/news/news-fields.js";
import type { Passage } from "../../src/passages/passage.js";
import { queryTermsOf } from "../../src/text/terms.js";
import {
  answerOf as answerFrom,
  citedArticle,
  itemOf,
  passageOf,
  unattributedArticle,
} from "../support/answer-fixtures.js";
import { graphemesOf, hasLoneSurrogate } from "../support/unicode.js";

const article = (overrides: Partial<CitedArticle> = {}): CitedArticle =>
  citedArticle({ title: "Ferry Runs Aground", ...overrides });
const gazette = article();
const unattributed = unattributedArticle({ inferred: true });

function passage(sentences: string[], overrides: Partial<Passage> = {}): Passage {
  return passageOf(sentences, {
    title: "A Title",
    outlet: "Outlet",
    url: "https://example.com/a",
    published: "2024-12-09",
    ...overrides,
  });
}

/** An answer quoting `passages`, each matching the question's word "asylum". */
function answerOf(
  question: string,
  passages: Passage[],
  confidence?: Answer["confidence"],
): Answer {
  const matched = queryTermsOf("asylum");
  return answerFrom(
    question,
    passages.map((p) => itemOf(p, { matchedTerms: matched })),
    confidence,
  );
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

  it("says what an article gives where it names no outlet, and links nothing without a url", () => {
    const line = renderSourceLine(unattributed);
    expect(line).toBe(
      "unattributed, citing Nordpress · Coast guard says all passengers are safe · 5 Mar 2021 (inferred)",
    );
    expect(line).not.toMatch(/unknown outlet/i);
  });

  it("shows the speaker, the source and the articles that report the claim", () => {
    const answer = answerOf("asylum", [passage(["Asylum was granted."])]);
    const news: NewsFields[] = [
      {
        speaker: "Ana Ruiz, harbour master",
        via: ["Nordpress"],
        source: gazette,
        reportedBy: [unattributed],
      },
    ];
    const context = textsOf(renderAnswerMessage(answer, { news }).blocks)[2];
    expect(context).toBe(
      [
        "*Ana Ruiz, harbour master* (via Nordpress)",
        "Harbour Gazette · <https://gazette.example/ferry|Ferry Runs Aground> · 5 Mar 2021",
        "Reported by 2 articles: <https://gazette.example/ferry|Harbour Gazette>, “Coast guard says all passengers are safe”",
      ].join("\n"),
    );
    expect(context).not.toMatch(/unknown outlet/i);
    expect(context).not.toContain("Also reported by");
  });

  it("says a claim no other article carries is reported by this article only", () => {
    const answer = answerOf("asylum", [passage(["Asylum was granted."])]);
    const news: NewsFields[] = [{ speaker: null, via: [], source: gazette, reportedBy: [] }];
    const context = textsOf(renderAnswerMessage(answer, { news }).blocks)[2];
    expect(context).toBe(
      `Harbour Gazette · <https://gazette.example/ferry|Ferry Runs Aground> · 5 Mar 2021\n${THIS_ARTICLE_ONLY}`,
    );
  });

  it("counts the reporting articles that do not fit instead of cutting a link", () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      article({ namedOutlet: `Outlet ${i}`, url: `https://e.com/${"x".repeat(60)}/${i}` }),
    );
    const line = renderCorroboration({ speaker: null, via: [], source: gazette, reportedBy: many });
    expect(line).toMatch(/^Reported by 41 articles: .* and \d+ more$/);
    expect(line.length).toBeLessThanOrEqual(CONTEXT_TEXT_MAX);
    expect(line.split("<").length).toBe(line.split(">").length);
  });

  it("gives the notification text one pair of quotation marks, and the speaker", () => {
    const own = answerOf("asylum", [passage(["“We are safe,” the captain said."])]);
    expect(renderAnswerMessage(own).text).toBe("“We are safe,” the captain said. (Outlet)");
    const plain = answerOf("asylum", [passage(["Asylum was granted."])]);
    const news: NewsFields[] = [{ speaker: "Ana Ruiz", via: [], source: gazette, reportedBy: [] }];
    expect(renderAnswerMessage(plain, { news }).text).toBe("“Asylum was granted.” (Ana Ruiz)");
    expect(renderAnswerMessage(plain, { news }).text).not.toMatch(/““|””/);
  });

  it("shows a scraper's hole as […] in the quote", () => {
    const answer = answerOf("asylum", [passage(["He sought asylum in , saying he was afraid."])]);
    const quote = textsOf(renderAnswerMessage(answer).blocks)[1];
    expect(quote).toBe("> He sought *asylum* in […], saying he was afraid.");
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
    const message = renderAnswerMessage(none, { commandName: "/flood" });
    expect(message.text).toBe(NO_MATCH_TEXT);
    expect(JSON.stringify(message.blocks)).toContain(SUGGESTIONS_HEADING);
    expect(JSON.stringify(message.blocks)).toContain("`/flood what did the mayor say`");
    // A mention or a direct message has no command: the question alone.
    expect(JSON.stringify(renderAnswerMessage(none).blocks)).toContain("`what did the mayor say`");
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
            {
              shareable: true,
              news: [
                {
                  speaker: question,
                  via: [url, question],
                  source: article({ title: url, outlet: question, url: `https://e.com/${url}` }),
                  reportedBy: Array.from({ length: 12 }, () =>
                    article({ title: question, namedOutlet: null, url: `https://e.com/${url}` }),
                  ),
                },
              ],
            },
          );
          expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
          for (const text of [...textsOf(message.blocks), message.text]) {
            expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
            expect(text).not.toMatch(/<[!@#]/);
          }
          for (const block of message.blocks) {
            if (block.type !== "context") continue;
            for (const element of block.elements)
              expect(element.text.length).toBeLessThanOrEqual(CONTEXT_TEXT_MAX);
          }
          expect(message.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the question echoed back", () => {
  const echoOf = (message: { blocks: Block[] }) =>
    textsOf(message.blocks).find((t) => t.startsWith("You asked: ")) ?? "";

  it("is cut between emoji, never inside one, in answers and no-match replies alike", () => {
    const emoji = ["😀", "👍🏽", "👩‍👩‍👧", "🏳️‍🌈", "🇸🇾", "🇷🇺🇺🇦"];
    for (const e of emoji) {
      // Every offset of the emoji against the cut point: one of them falls inside it.
      for (let pad = 0; pad < 8; pad++) {
        const question = `${"a".repeat(pad)}${e.repeat(400)}`;
        const answered = renderAnswerMessage(answerOf(question, [passage(["Asylum."])]), {
          shareable: true,
        });
        for (const message of [answered, renderAnswerMessage(answerOf(question, []))]) {
          const echo = echoOf(message).slice("You asked: ".length);
          expect(hasLoneSurrogate(echo)).toBe(false);
          expect(echo.endsWith("…")).toBe(true);
          const kept = graphemesOf(echo.slice(0, -1));
          expect(kept).toEqual(graphemesOf(question).slice(0, kept.length));
        }
        const share = answered.blocks.find((b) => b.type === "actions");
        const value = JSON.stringify(share).match(/"value":"((?:[^"\\]|\\.)*)"/)?.[1] ?? "";
        expect(hasLoneSurrogate(JSON.parse(`"${value}"`))).toBe(false);
      }
    }
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
