import { stringify } from "yaml";
import type { ArticleMeta, BodyBlock } from "./article.js";
import { cleanBody, formatBody, stripInlineMarkup } from "./clean-body.js";
import { parseWrittenDate } from "./dates.js";

// A scraped article states its metadata in lines of its own, in whatever form its site used.
// These patterns find the forms seen in scraped news pages; what none finds stays null (unknown).
const SOURCE_LINE = /^\s*(?:[-*•·]\s*)?source\s*:\s*(.+?)\s*$/i;
const ORIGINAL_URL = /^\s*original\s+url\s*:\s*<?(https?:\/\/[^\s>]+)?>?\s*$/i;
const BARE_URL = /^\s*<?(https?:\/\/[^\s>]+)>?\s*$/;
const BYLINE = /^\s*[Bb]y\s+[A-Z][\w.'-]*(?:[ ,]+[A-Z][\w.'-]*)*\s*$/;
const TITLE_HEADING = /^\s*#\s+(.+?)\s*$/;
const TERMINAL = /[.!?…"”’]$/;

export interface ImportedArticle {
  meta: ArticleMeta;
  body: BodyBlock[];
}

function titleCase(value: string): string {
  return value.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

/** `https://www.themoscowtimes.com/...` → `themoscowtimes.com`. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/**
 * Reads a scraped article (plain text or markdown) into metadata and a clean body. The title is a
 * `# heading` or a first line without closing punctuation; the outlet comes from a `source:` line or
 * the original URL's host; the date from a line that is only a date. Lines that carried metadata
 * leave the body, and so do repeats of the title.
 */
export function importSeed(raw: string, language = "en"): ImportedArticle {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  let title: string | null = null;
  let outlet: string | null = null;
  let url: string | null = null;
  let published: string | null = null;
  let awaitingUrl = false;
  const bodyLines: string[] = [];

  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "") {
      bodyLines.push("");
      continue;
    }
    if (awaitingUrl) {
      const bare = BARE_URL.exec(trimmed);
      awaitingUrl = false;
      if (bare?.[1]) {
        url = bare[1];
        continue;
      }
    }
    const original = ORIGINAL_URL.exec(trimmed);
    if (original) {
      if (original[1]) url = original[1];
      else awaitingUrl = true;
      continue;
    }
    const source = SOURCE_LINE.exec(trimmed);
    if (source?.[1]) {
      outlet = titleCase(source[1]);
      continue;
    }
    const heading = TITLE_HEADING.exec(trimmed);
    const isFirstText = title === null && bodyLines.every((l) => l === "");
    if (isFirstText && heading?.[1]) {
      title = stripInlineMarkup(heading[1]);
      continue;
    }
    if (isFirstText && !TERMINAL.test(trimmed) && trimmed.split(/\s+/).length <= 20) {
      title = stripInlineMarkup(trimmed);
      continue;
    }
    if (title !== null && stripInlineMarkup(trimmed) === title) continue;
    const date = parseWrittenDate(trimmed);
    if (date !== null && published === null) {
      published = date;
      continue;
    }
    if (BYLINE.test(trimmed)) continue;
    bodyLines.push(line);
  }

  if (outlet === null && url !== null) outlet = hostOf(url);
  return {
    meta: { title, outlet, url, published, language },
    body: cleanBody(bodyLines.join("\n")),
  };
}

/** The corpus file for an imported article: YAML front matter, then the markdown body. */
export function formatCorpusFile({ meta, body }: ImportedArticle): string {
  const frontMatter = stringify(
    {
      title: meta.title,
      outlet: meta.outlet,
      url: meta.url,
      published: meta.published,
      language: meta.language,
    },
    { lineWidth: 0 },
  );
  return `---\n${frontMatter}---\n\n${formatBody(body)}`;
}
