import type { NewsData } from "./news-data.js";
import { listSources } from "./sources.js";
import { prepareMentions, prepareWho, prepareWhoReports } from "./who.js";

/**
 * Makes now what the news views make on their first use and keep (`who`'s name lookups, its
 * index of names to sentences and each person's report, each article's label and sources entry):
 * at 100k passages tens of thousands of people and thousands of articles, which the first `who`
 * or `sources` would otherwise wait for. Linear in the data.
 */
export function prepareNewsViews(data: NewsData): void {
  prepareWho(data.people);
  prepareMentions(data);
  prepareWhoReports(data);
  listSources(data);
}
