import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError } from "../../src/corpus/corpus-error.js";
import { loadCorpus, readCorpus, SYMLINK_SKIP_REASON } from "../../src/corpus/load-corpus.js";
import { splitIntoPassages } from "../../src/passages/split-passages.js";
import { corpusFile, GOOD_FIELDS } from "../fixtures/articles.js";

async function corpusOf(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "corpus-"));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

const good = corpusFile(
  GOOD_FIELDS,
  "Putin granted asylum. It was his decision.\n\nBases will be discussed.",
);

describe("readCorpus", () => {
  it("reports every bad file by name and fault, and keeps every good file whole", async () => {
    const dir = await corpusOf({
      "a-good.md": good,
      "b-binary.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x00, 0x01]),
      "c-empty.md": "",
      "d-latin1.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff, 0x0a]),
      "e-broken.md": "---\ntitle: [x\n---\nText.",
      "f-future.md": corpusFile({ ...GOOD_FIELDS, published: "2999-01-01" }, "Text."),
      "g-good.md": good,
      "notes.txt": "not an article",
    });
    const { articles, problems } = await readCorpus(dir, { nowMilliseconds: Date.UTC(2026, 0, 1) });

    expect(problems.map((p) => [p.file.split("/").at(-1), p.fault])).toEqual([
      ["b-binary.md", "binary"],
      ["c-empty.md", "front-matter-missing"],
      ["d-latin1.md", "not-utf8"],
      ["e-broken.md", "front-matter-malformed"],
      ["f-future.md", "date-in-future"],
    ]);
    expect(articles.map((a) => a.id)).toEqual(["a-good", "g-good"]);
    const alone = await readCorpus(await corpusOf({ "a-good.md": good }));
    const passagesOf = (list: typeof articles) =>
      list.flatMap(splitIntoPassages).map((p) => p.text);
    expect(passagesOf(articles.slice(0, 1))).toEqual(passagesOf(alone.articles));
  });

  it("fails with a named error on a missing folder or one with no articles", async () => {
    await expect(readCorpus("/nonexistent/corpus")).rejects.toThrow(
      /^Corpus: 1 problem:\n {2}\/nonexistent\/corpus: cannot read/,
    );
    await expect(readCorpus(await corpusOf({ "x.txt": "" }))).rejects.toThrow(
      /no \.md article files/,
    );
  });
});

describe("loadCorpus", () => {
  it("serves every good file and names each bad one in a warning", async () => {
    const dir = await corpusOf({
      "a.md": good,
      "b.md": "no front matter",
      "c.md": corpusFile(GOOD_FIELDS, ""),
    });
    const warnings: string[] = [];
    const articles = await loadCorpus(dir, { warn: (message) => warnings.push(message) });
    expect(articles.map((a) => a.id)).toEqual(["a"]);
    expect(warnings).toEqual([
      `Corpus: left out ${join(dir, "b.md")}: no front matter: the file must start with a line '---'`,
      `Corpus: left out ${join(dir, "c.md")}: the article has no text after its front matter`,
    ]);
  });

  it("stops only when no article is usable, with one error that names every bad file", async () => {
    const dir = await corpusOf({ "b.md": "no front matter", "c.md": corpusFile(GOOD_FIELDS, "") });
    const error = await loadCorpus(dir, { warn: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toMatch(
      /^Corpus: 2 problems:\n.*b\.md: no front matter.*\n.*c\.md: the article has no text/,
    );
    const links = await corpusOf({});
    await symlink("/etc/passwd", join(links, "a.md"));
    await expect(loadCorpus(links, { warn: () => {} })).rejects.toThrow(
      /no readable article files/,
    );
  });

  it("ignores an editor's lock file and does not follow a link to /etc/passwd", async () => {
    const dir = await corpusOf({ "a.md": good });
    // Emacs's lock file: a dangling link named after the file being edited.
    await symlink("user@host.4242:1700000000", join(dir, ".#a.md"));
    await symlink("/etc/passwd", join(dir, "passwd.md"));
    await symlink("a.md", join(dir, "same.md"));
    const warnings: string[] = [];
    const articles = await loadCorpus(dir, { warn: (message) => warnings.push(message) });
    expect(articles.map((a) => a.id)).toEqual(["a"]);
    expect(warnings).toEqual([
      `Corpus: skipped ${join(dir, "passwd.md")}: ${SYMLINK_SKIP_REASON}`,
      `Corpus: skipped ${join(dir, "same.md")}: ${SYMLINK_SKIP_REASON}`,
    ]);
    const { files } = await readCorpus(dir, { warn: () => {} });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["a.md", "passwd.md", "same.md"]);
  });

  it("loads the project's corpus without a problem", async () => {
    const articles = await loadCorpus("corpus");
    expect(articles.length).toBeGreaterThanOrEqual(4);
  });
});

describe("readCorpus on hostile entries", () => {
  it("skips a FIFO, a link to a device, a folder and an oversized file, naming each", async () => {
    const dir = await corpusOf({ "a-good.md": good, "e-big.md": good.repeat(50) });
    execFileSync("mkfifo", [join(dir, "b-fifo.md")]);
    await symlink("/dev/zero", join(dir, "c-zero.md"));
    // Hidden: never an article, not even looked at.
    execFileSync("mkfifo", [join(dir, ".b-fifo.md")]);
    await mkdir(join(dir, "d-folder.md"));
    const warnings: string[] = [];
    const { articles, problems, skipped } = await readCorpus(dir, {
      maxArticleBytes: good.length * 2,
      warn: (message) => warnings.push(message),
    });
    expect(articles.map((a) => a.file)).toEqual([join(dir, "a-good.md")]);
    expect(problems).toEqual([]);
    expect(skipped.map((s) => [s.file.slice(dir.length + 1), s.reason.split(",")[0]])).toEqual([
      ["b-fifo.md", "not a regular file"],
      ["c-zero.md", SYMLINK_SKIP_REASON.split(",")[0]],
      ["d-folder.md", "not a regular file"],
      ["e-big.md", `${good.length * 50} bytes`],
    ]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe(`Corpus: skipped ${join(dir, "b-fifo.md")}: not a regular file`);
  });
});
