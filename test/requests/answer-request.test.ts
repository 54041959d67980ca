import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load-corpus.js";
import { helpIntro, WHO_USAGE_INTRO } from "../../src/format/help-text.js";
import { TOO_LONG_TEXT } from "../../src/format/messages.js";
import { renderReplyMessage } from "../../src/format/reply-blocks.js";
import { replyToJson } from "../../src/format/reply-json.js";
import { renderReplyText } from "../../src/format/reply-text.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { QUESTION_MAX_CHARS } from "../../src/query/question-length.js";
import { answerRequest, maySearch } from "../../src/requests/answer-request.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { buildPassageIndex, type PassageIndex } from "../../src/search/passage-index.js";

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below
type Json = any;

let index: PassageIndex;

beforeAll(async () => {
  const articles = await loadCorpus("test/fixtures/other-event");
  index = buildPassageIndex(articles.flatMap(splitIntoPassages));
});

const json = (text: string) =>
  replyToJson(answerRequest(index, routeRequest(text), { commandName: "/flood" })) as Json;

describe("who with no name", () => {
  it("prints its usage in text, JSON and Slack, with the command as the request used it", () => {
    const reply = answerRequest(index, routeRequest("who"), { commandName: "/flood" });
    expect(reply).toEqual({ kind: "who-usage", commandName: "/flood" });
    const text = renderReplyText(reply);
    expect(text).toBe(
      `${WHO_USAGE_INTRO}\n/flood who <name>: what a person said, with the outlets reporting it`,
    );
    expect(replyToJson(reply)).toEqual({ kind: "who-usage", text });
    const message = renderReplyMessage(reply);
    expect(message.text).toBe(text);
    expect(JSON.stringify(message.blocks)).toContain("/flood who &lt;name&gt;");
  });

  it("names no command where there is none (a mention)", () => {
    const reply = answerRequest(index, routeRequest("who?"), { commandName: "" });
    expect(renderReplyText(reply)).toContain("\nwho <name>: ");
  });
});

describe("answerRequest and its JSON", () => {
  it("sources: {kind, sources: [{title, outlet, published, inferred, url, passages, cites}]}", () => {
    const reply = json("sources");
    expect(Object.keys(reply)).toEqual(["kind", "sources"]);
    expect(reply.kind).toBe("sources");
    for (const source of reply.sources) {
      expect(Object.keys(source)).toEqual([
        "title",
        "outlet",
        "published",
        "inferred",
        "url",
        "passages",
        "cites",
      ]);
    }
  });

  it("timeline: {kind, events: [{date, inferred, text, title, outlet, url}]}, oldest first", () => {
    const reply = json("timeline");
    expect(Object.keys(reply)).toEqual(["kind", "events"]);
    const events = reply.events;
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(["date", "inferred", "text", "title", "outlet", "url"]);
      expect(event.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it("too long: {kind, text, length}, refused without reading it", () => {
    const text = `${"why ".repeat(QUESTION_MAX_CHARS)}?`;
    const reply = json(text);
    expect(reply).toEqual({ kind: "too-long", text: TOO_LONG_TEXT, length: text.length });
    const routed = routeRequest(text);
    const answered = answerRequest(index, routed, { commandName: "/flood" });
    expect(renderReplyText(answered)).toBe(TOO_LONG_TEXT);
    expect(renderReplyMessage(answered)).toEqual({
      text: TOO_LONG_TEXT,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: TOO_LONG_TEXT } }],
    });
  });

  it("who: {kind, name, role, quotes, mentions: [{text, via, reportedBy, title, outlet, url}], mentionTotal}", () => {
    const reply = json("who orrin");
    expect(reply).toMatchObject({ kind: "who", name: "Paul Orrin", role: "Deputy Minister" });
    expect(Object.keys(reply)).toEqual([
      "kind",
      "name",
      "role",
      "quotes",
      "mentions",
      "mentionTotal",
    ]);
    expect(reply.mentionTotal).toBe(reply.mentions.length);
    for (const quote of [...reply.quotes, ...reply.mentions]) {
      expect(Object.keys(quote)).toEqual(["text", "via", "reportedBy", "title", "outlet", "url"]);
    }
  });

  it("a question: the answer contract, each result with speaker, via and reportedBy", () => {
    const reply = json("how many people were evacuated");
    expect(reply.query).toBe("how many people were evacuated");
    const results = reply.results;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result).toHaveProperty("speaker");
      expect(Array.isArray(result.via)).toBe(true);
      expect(Array.isArray(result.reportedBy)).toBe(true);
      for (const other of result.reportedBy)
        expect(Object.keys(other)).toEqual(["title", "outlet", "url"]);
      expect(typeof result.rawText).toBe("string");
    }
    expect(results[0]?.speaker).toBe("Lena Marsh, interior ministry spokeswoman");
  });

  it("who with a name nobody has is answered as a question", () => {
    expect(json("who flooded")).toHaveProperty("query");
    expect(json("who zzyzx")).toHaveProperty("results");
  });

  it("help names the command it is given, counts the articles and gives the examples", () => {
    const reply = json("help");
    expect(reply.requests.map((r: Json) => r.usage)).toContain("/flood timeline [words]");
    expect(reply.intro).toBe(helpIntro(3));
    expect(reply.examples).toEqual([]);
    const withExamples = answerRequest(index, routeRequest("help"), {
      commandName: "/flood",
      examples: ["how many people were evacuated"],
    });
    expect(withExamples).toEqual({
      kind: "help",
      commandName: "/flood",
      examples: ["how many people were evacuated"],
      articles: 3,
    });
  });

  it("a question's reply carries the command, for its suggestions", () => {
    const reply = answerRequest(index, routeRequest("how many people were evacuated"), {
      commandName: "/flood",
    });
    expect(reply).toMatchObject({ kind: "question", commandName: "/flood" });
  });
});

describe("maySearch", () => {
  it("is true for a question and for who (a name nobody has is a question), false for the rest", () => {
    for (const text of ["what happened", "who granted asylum", "who peskov"])
      expect(maySearch(routeRequest(text)), text).toBe(true);
    for (const text of ["who", "timeline", "timeline asylum", "sources", "help"])
      expect(maySearch(routeRequest(text)), text).toBe(false);
  });
});
