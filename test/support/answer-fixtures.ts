// Builders for the answers, passages and cited articles that formatting tests render: one place
// for the shape of each, so a field added to `Passage` or `AnswerItem` is added here once.
import type { Answer, AnswerItem } from "../../src/answer/answer.js";
import type { Reply } from "../../src/format/reply.js";
import type { CitedArticle } from "../../src/news/news-fields.js";
import type { WhoQuote, WhoReport } from "../../src/news/who.js";
import type { Passage } from "../../src/passages/passage.js";

/** A passage of article "a" made of `sentences`, with no source unless `overrides` gives one. */
export function passageOf(sentences: string[], overrides: Partial<Passage> = {}): Passage {
  return {
    id: "a#0",
    articleId: "a",
    position: 0,
    section: null,
    sentences,
    text: sentences.join(" "),
    title: null,
    outlet: null,
    url: null,
    published: null,
    ...overrides,
  };
}

/** An answer item quoting `passage`, its first sentence the answer. */
export function itemOf(passage: Passage, overrides: Partial<AnswerItem> = {}): AnswerItem {
  return {
    passage,
    score: 1,
    matchedTerms: [],
    answerSentence: 0,
    alsoReportedBy: [],
    ...overrides,
  };
}

/** An answer to `question` quoting `items`: confident when it has any, else none. */
export function answerOf(
  question: string,
  items: AnswerItem[],
  confidence: Answer["confidence"] = items.length > 0 ? "confident" : "none",
): Answer {
  return { question, confidence, items };
}

/** A cited article of a named outlet, dated from its front matter; `overrides` changes any field. */
export function citedArticle(overrides: Partial<CitedArticle> = {}): CitedArticle {
  return {
    title: "Ferry Runs Aground off Halden Point",
    outlet: "Harbour Gazette",
    namedOutlet: "Harbour Gazette",
    url: "https://gazette.example/ferry",
    published: "2021-03-05",
    inferred: false,
    ...overrides,
  };
}

/** A cited article that names no outlet: labelled by whom it cites, listed by its title. */
export function unattributedArticle(overrides: Partial<CitedArticle> = {}): CitedArticle {
  return citedArticle({
    title: "Coast guard says all passengers are safe",
    outlet: "unattributed, citing Nordpress",
    namedOutlet: null,
    url: null,
    ...overrides,
  });
}

/** A statement as `who` lists it, from one named outlet and reported by no other article. */
export function whoQuote(overrides: Partial<WhoQuote> = {}): WhoQuote {
  return {
    text: "“The gates held,” Marsh said.",
    via: [],
    title: "Dam holds",
    outlet: "Valley Courier",
    url: null,
    reportedBy: [],
    ...overrides,
  };
}

/** A person the articles name, with no quotes or mentions unless `overrides` gives them. */
export function whoReport(overrides: Partial<WhoReport> = {}): WhoReport {
  return {
    found: true,
    name: "Lena Marsh",
    role: "spokeswoman",
    quotes: [],
    mentions: [],
    mentionTotal: 0,
    ...overrides,
  };
}

/** The help reply to a request typed with `commandName`, offering one example over `articles` articles. */
export function helpReply(commandName: string, example: string, articles: number): Reply {
  return { kind: "help", commandName, examples: [example], articles };
}
