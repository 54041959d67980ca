// Draws docs/design.md's diagram from the code: the folders of src/ and the imports between them,
// written as Mermaid between two markers, so the doc shows the arrows the code has.
//
//   npm run design           rewrite the diagram in docs/design.md
//   npm run design -- --check  exit 1 when the doc's diagram differs from the code's
//
// The graph is read with TypeScript's parser (every static import and export, `import()` and
// `import("…")` types), not with patterns.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIAGRAM_START = "<!-- diagram: drawn by `npm run design` from src/; do not edit -->";
export const DIAGRAM_END = "<!-- end of diagram -->";

/** One import of one src/ file by another. */
export interface FileImport {
  /** Both repo-relative, like "src/news/who.ts". */
  from: string;
  to: string;
  /** The names it imports ("*" for a namespace or a whole-module export). */
  names: string[];
  /** Types only: erased at run time. */
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(full);
  }
  return files;
}

const toRepoPath = (file: string) => relative(ROOT, file).split(sep).join("/");

/** Every relative import between the .ts files under `srcDir`. */
export function fileImports(srcDir = join(ROOT, "src")): FileImport[] {
  const imports: FileImport[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const add = (specifier: string, names: string[], typeOnly: boolean) => {
      if (!specifier.startsWith(".")) return;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, ".ts");
      imports.push({ from: toRepoPath(file), to: toRepoPath(target), names, typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const bindings = clause?.namedBindings;
        const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : [];
        const names = [
          ...(clause?.name ? ["default"] : []),
          ...named.map((e) => (e.propertyName ?? e.name).text),
          ...(bindings && ts.isNamespaceImport(bindings) ? ["*"] : []),
        ];
        const typeOnly =
          clause?.isTypeOnly === true ||
          (named.length > 0 && !clause?.name && named.every((e) => e.isTypeOnly));
        add(node.moduleSpecifier.text, names, typeOnly);
      } else if (
        ts.isExportDeclaration(node) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        const clause = node.exportClause;
        const names =
          clause && ts.isNamedExports(clause)
            ? clause.elements.map((e) => (e.propertyName ?? e.name).text)
            : ["*"];
        add(node.moduleSpecifier.text, names, node.isTypeOnly);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        add(node.arguments[0].text, ["*"], false);
      } else if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        add(node.argument.literal.text, ["*"], true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return imports;
}

/** The room a file lives in: its folder under src/ ("news"), or its own name at the top ("main.ts"). */
export function roomOf(file: string): string {
  return file.replace(/^src\//, "").split("/")[0] as string;
}

/** Arrows between rooms: "from -> to", true when every import behind it is types only. */
export function roomGraph(imports: readonly FileImport[]): Map<string, boolean> {
  const edges = new Map<string, boolean>();
  for (const { from, to, typeOnly } of imports) {
    const a = roomOf(from);
    const b = roomOf(to);
    if (a === b) continue;
    const key = `${a} -> ${b}`;
    edges.set(key, (edges.get(key) ?? true) && typeOnly);
  }
  return edges;
}

/** Cycles of a directed graph, each as a path back to its start, by depth-first search. */
export function findCycles(edges: Iterable<[string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === "open") cycles.push([...path.slice(path.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of [...next.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

const nodeId = (room: string) => room.replace(/\W/g, "_");

/** The room graph as a Mermaid flowchart, top (who imports) to bottom, lines sorted. */
export function renderMermaid(edges: ReadonlyMap<string, boolean>): string {
  const rooms = new Set<string>();
  const lines: string[] = [];
  for (const [key, typeOnly] of edges) {
    const [a, b] = key.split(" -> ") as [string, string];
    rooms.add(a);
    rooms.add(b);
    lines.push(`  ${nodeId(a)} ${typeOnly ? "-.->" : "-->"} ${nodeId(b)}`);
  }
  const nodes = [...rooms].sort().map((room) => `  ${nodeId(room)}["${room}"]`);
  return ["```mermaid", "flowchart TD", ...nodes, ...lines.sort(), "```"].join("\n");
}

/** `doc` with the text between the markers replaced by `diagram`; throws when a marker is missing. */
export function withDiagram(doc: string, diagram: string): string {
  const start = doc.indexOf(DIAGRAM_START);
  const end = doc.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) {
    throw new Error(
      `draw-design: docs/design.md lacks the markers ${DIAGRAM_START} … ${DIAGRAM_END}`,
    );
  }
  return `${doc.slice(0, start + DIAGRAM_START.length)}\n${diagram}\n${doc.slice(end)}`;
}

export const DESIGN_DOC = join(ROOT, "docs", "design.md");

/** The design doc as the code draws it. */
export function drawnDesignDoc(doc = readFileSync(DESIGN_DOC, "utf8")): string {
  return withDiagram(doc, renderMermaid(roomGraph(fileImports())));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(DESIGN_DOC, "utf8");
  const drawn = drawnDesignDoc(doc);
  if (process.argv.includes("--check")) {
    if (drawn !== doc) {
      console.error("docs/design.md: the diagram differs from the code; run npm run design");
      process.exit(1);
    }
  } else if (drawn !== doc) {
    writeFileSync(DESIGN_DOC, drawn);
    console.log("docs/design.md: diagram redrawn from src/");
  }
}
