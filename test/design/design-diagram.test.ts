import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DESIGN_DOC,
  drawnDesignDoc,
  fileImports,
  findCycles,
  renderMermaid,
  roomGraph,
  roomOf,
} from "../../scripts/draw-design.js";
import * as stopWords from "../../src/text/stop-words.js";
import * as terms from "../../src/text/terms.js";

const imports = fileImports();

describe("docs/design.md's diagram", () => {
  it("is the one the code draws (run npm run design after moving an import)", () => {
    expect(readFileSync(DESIGN_DOC, "utf8")).toBe(drawnDesignDoc());
  });

  it("draws a room's imports of types only as a dashed arrow, any run-time import as a solid one", () => {
    const graph = roomGraph([
      { from: "src/a/x.ts", to: "src/b/y.ts", names: ["T"], typeOnly: true },
      { from: "src/a/x.ts", to: "src/c/z.ts", names: ["T"], typeOnly: true },
      { from: "src/a/w.ts", to: "src/c/z.ts", names: ["f"], typeOnly: false },
      { from: "src/a/x.ts", to: "src/a/w.ts", names: ["g"], typeOnly: false },
      { from: "src/main.ts", to: "src/a/x.ts", names: ["h"], typeOnly: false },
    ]);
    expect(renderMermaid(graph).split("\n")).toEqual([
      "```mermaid",
      "flowchart TD",
      '  a["a"]',
      '  b["b"]',
      '  c["c"]',
      '  main_ts["main.ts"]',
      "  a --> c",
      "  a -.-> b",
      "  main_ts --> a",
      "```",
    ]);
  });
});

describe("the import graph", () => {
  it("is read from the code: rooms are folders of src/, or files at its top", () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(roomOf("src/slack/transport/http-receiver.ts")).toBe("slack");
    expect(roomOf("src/main.ts")).toBe("main.ts");
  });

  it("finds a cycle when there is one, so the checks below can fail", () => {
    expect(
      findCycles([
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["c", "d"],
      ]),
    ).toEqual([["a", "b", "c", "a"]]);
    expect(
      findCycles([
        ["a", "b"],
        ["a", "c"],
        ["b", "c"],
      ]),
    ).toEqual([]);
  });

  it("has no cycle between files, types included", () => {
    expect(findCycles(imports.map((i) => [i.from, i.to] as [string, string]))).toEqual([]);
  });

  it("has no cycle between rooms", () => {
    const edges = [...roomGraph(imports).keys()].map(
      (key) => key.split(" -> ") as [string, string],
    );
    expect(findCycles(edges)).toEqual([]);
  });

  it("lets news/, format/ and answer/ take words from text/, never from search/", () => {
    const wordNames = new Set([...Object.keys(terms), ...Object.keys(stopWords)]);
    const fromSearch = imports.filter(
      (i) => /^src\/(?:news|format|answer)\//.test(i.from) && i.to.startsWith("src/search/"),
    );
    const forWords = fromSearch.filter(
      (i) => i.names.includes("*") || i.names.some((name) => wordNames.has(name)),
    );
    expect(forWords).toEqual([]);
  });
});
