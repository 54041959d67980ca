import { parse as parseYaml } from "yaml";
import type { Article, ArticleMeta } from "./article.js";
import { cleanBody } from "./clean-body.js";
import { oneLineText, withoutControlCharacters } from "./control-characters.js";
import type { CorpusProblem } from "./corpus-error.js";
import { parseIsoDate } from "./dates.js";

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** A corpus file's name, without folders: `copy_of` names a sibling file. */
const COPY_OF = /^[\w.-]+\.md$/;
const REQUIRED_FIELDS = ["title", "outlet", "url", "published", "language"] as const;

export type ParseResult = { ok: true; article: Article } | { ok: false; problems: CorpusProblem[] };

export interface ParseOptions {
  /** Today, as YYYY-MM-DD: an article published after it is a data-entry error. */
  today: string;
}

/**
 * Parses one corpus file: YAML front matter (every field present; `null` where the article does not
 * say) and a markdown body. Returns every problem found, each naming the file.
 */
export function parseArticle(file: string, text: string, options: ParseOptions): ParseResult {
  const problems: CorpusProblem[] = [];
  const fail = (fault: CorpusProblem["fault"], message: string) =>
    problems.push({ file, fault, message });

  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ""));
  if (!match) {
    fail("front-matter-missing", "no front matter: the file must start with a line '---'");
    return { ok: false, problems };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? "");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    fail("front-matter-malformed", `front matter is not valid YAML: ${reason}`);
    return { ok: false, problems };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    fail("front-matter-malformed", "front matter must be a mapping of field: value");
    return { ok: false, problems };
  }
  const fields = data as Record<string, unknown>;
  for (const name of REQUIRED_FIELDS) {
    if (!(name in fields))
      fail("field-missing", `front matter has no '${name}' (use null if unknown)`);
  }

  const optionalText = (name: keyof ArticleMeta): string | null => {
    const value = fields[name];
    if (value === null || value === undefined) return null;
    // Control characters (ESC, BEL, U+2028…) would reach Slack and terminals: never kept.
    const plain = typeof value === "string" ? oneLineText(value).trim() : "";
    if (plain === "") {
      fail("field-invalid", `'${name}' must be text or null, got ${JSON.stringify(value)}`);
      return null;
    }
    return plain;
  };

  const title = optionalText("title");
  const outlet = optionalText("outlet");
  const url = optionalText("url");
  if (url !== null && !isHttpUrl(url)) fail("field-invalid", `'url' is not an http(s) URL: ${url}`);

  let published: string | null = null;
  const rawDate = fields.published;
  if (rawDate instanceof Date) {
    published = rawDate.toISOString().slice(0, 10);
  } else if (typeof rawDate === "string") {
    published = parseIsoDate(rawDate);
    if (published === null) {
      fail("date-invalid", `'published' is not a date (YYYY-MM-DD): ${JSON.stringify(rawDate)}`);
    }
  } else if (rawDate !== null && rawDate !== undefined) {
    fail("date-invalid", `'published' is not a date (YYYY-MM-DD): ${JSON.stringify(rawDate)}`);
  }
  if (published !== null && published > options.today) {
    fail("date-in-future", `'published' ${published} is after today (${options.today})`);
  }

  const language = optionalText("language");
  if ("language" in fields && language === null) {
    fail("field-invalid", "'language' must be a language tag such as en");
  }

  // Optional: written by ingestion for a reprint, naming the file of the article it copies.
  let copyOf: string | null = null;
  const rawCopyOf = fields.copy_of;
  if (rawCopyOf !== null && rawCopyOf !== undefined) {
    if (typeof rawCopyOf === "string" && COPY_OF.test(rawCopyOf.trim())) {
      copyOf = articleIdOf(rawCopyOf.trim());
    } else {
      fail(
        "field-invalid",
        `'copy_of' must name a corpus file such as 001_ab12.md, got ${JSON.stringify(rawCopyOf)}`,
      );
    }
  }

  const body = cleanBody(withoutControlCharacters(text.slice(match[0].length)));
  if (!body.some((block) => block.kind === "paragraph")) {
    fail("body-empty", "the article has no text after its front matter");
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    article: {
      id: articleIdOf(file),
      file,
      title,
      outlet,
      url,
      published,
      language: language ?? "en",
      body,
      ...(copyOf === null ? {} : { copyOf }),
    },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** The file name without folders or extension. */
export function articleIdOf(file: string): string {
  const name = file.split(/[\\/]/).at(-1) ?? file;
  return name.replace(/\.[^.]+$/, "");
}
