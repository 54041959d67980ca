// Retrieval quality over a question set: the numbers README reports and a regression test holds.

export interface LabelledQuestion {
  q: string;
  /** Case-insensitive regular expression that a passage answering the question matches. */
  ev: string;
}

export interface QuestionSet {
  answerable: LabelledQuestion[];
  offTopic: string[];
  /** About the event, but not answered by the articles. */
  unanswerable?: string[];
}

export interface QualityReport {
  questions: number;
  top1: number;
  hitAt3: number;
  mrr: number;
  /** Off-topic questions that got any result: should be 0. */
  offTopicAnswered: number;
  offTopic: number;
  /** Unanswerable questions that got any result: should be few. */
  unanswerableAnswered: number;
  unanswerable: number;
  /** Unanswerable questions answered confidently (when the retriever says its reply kind). */
  unanswerableConfident: number;
  misses: { q: string; got: string[] }[];
  /** Replies of each kind over all questions, when the retriever says which kind it gave. */
  kinds?: { confident: number; tentative: number; none: number };
}

/** Answers a question with passage texts, best first, and says which kind of reply it gave. */
export type Retriever = (
  question: string,
) => string[] | { texts: string[]; kind: "confident" | "tentative" | "none" };

export function measureQuality(set: QuestionSet, retriever: Retriever): QualityReport {
  let kinds: QualityReport["kinds"];
  let lastKind: "confident" | "tentative" | "none" | null = null;
  const retrieve = (q: string): string[] => {
    const reply = retriever(q);
    if (Array.isArray(reply)) {
      lastKind = null;
      return reply;
    }
    kinds ??= { confident: 0, tentative: 0, none: 0 };
    kinds[reply.kind]++;
    lastKind = reply.kind;
    return reply.texts;
  };
  let top1 = 0;
  let hitAt3 = 0;
  let reciprocalRanks = 0;
  const misses: QualityReport["misses"] = [];
  for (const { q, ev } of set.answerable) {
    const pattern = new RegExp(ev, "i");
    const texts = retrieve(q).slice(0, 3);
    const rank = texts.findIndex((text) => pattern.test(text));
    if (rank === 0) top1++;
    if (rank >= 0) {
      hitAt3++;
      reciprocalRanks += 1 / (rank + 1);
    }
    if (rank !== 0) misses.push({ q, got: texts.map((t) => t.slice(0, 100)) });
  }
  const offTopicAnswered = set.offTopic.filter((q) => retrieve(q).length > 0).length;
  const unanswerable = set.unanswerable ?? [];
  let unanswerableAnswered = 0;
  let unanswerableConfident = 0;
  for (const q of unanswerable) {
    if (retrieve(q).length > 0) unanswerableAnswered++;
    if (lastKind === "confident") unanswerableConfident++;
  }
  const n = set.answerable.length;
  return {
    questions: n,
    top1: top1 / n,
    hitAt3: hitAt3 / n,
    mrr: reciprocalRanks / n,
    offTopicAnswered,
    offTopic: set.offTopic.length,
    unanswerableAnswered,
    unanswerable: unanswerable.length,
    unanswerableConfident,
    misses,
    ...(kinds ? { kinds } : {}),
  };
}
