import type { Passage } from "../passages/passage.js";
import { type NewsSource, newsSourceOf } from "./article-labels.js";
import type { NewsData, SentenceInfo } from "./news-data.js";
import { speakerLabel } from "./speaker-label.js";

/** What a question's result adds from the news data: who speaks, through whom, who else says it. */
export interface NewsFields {
  /** "Dmitry Peskov, Kremlin spokesman", or null when nobody is quoted. */
  speaker: string | null;
  via: string[];
  /** Other articles that carry the same claim; empty when only this article does. */
  reportedBy: NewsSource[];
}

/**
 * The news fields of a passage, read at `sentence` (the answer sentence) when given: its speaker
 * if it has one, else the passage's first named person, else its first speaker of any kind.
 */
export function newsFieldsOf(data: NewsData, passage: Passage, sentence?: number): NewsFields {
  const infos = data.sentencesByPassage.get(passage.id) ?? [];
  const chosen = sentence === undefined ? undefined : infos[sentence];
  const attributed = (s: SentenceInfo | undefined) => (s?.attribution.speaker ? s : undefined);
  const pick =
    attributed(chosen) ??
    infos.find((s) => s.attribution.speaker?.kind === "person") ??
    infos.find((s) => s.attribution.speaker !== null) ??
    chosen ??
    infos[0];
  const reporting = chosen ? chosen.reportedBy : [...new Set(infos.flatMap((s) => s.reportedBy))];
  const reportedBy = reporting.flatMap((id) => {
    const article = data.articleById.get(id);
    return article ? [newsSourceOf(article)] : [];
  });
  return {
    speaker: speakerLabel(pick?.attribution.speaker ?? null, data.people),
    via: pick?.attribution.via ?? [],
    reportedBy,
  };
}
