// How deep a page's elements nest, found in one pass over the text before any parser sees it.
// The parser under linkedom (htmlparser2) keeps its open elements in an array it shifts and
// searches on every tag, and Readability walks the tree again per node: both slow with the square
// (or worse) of the depth, and deep enough, one overflows the stack. A news page nests a few dozen
// deep; a page nested thousands deep is refused before it is parsed.
//
// The scan follows htmlparser2's rules in HTML mode, so it counts what the parser would build:
// void elements never open; a start tag may close open ones (`<li>` closes an open `<li>`);
// `<x/>` opens an element except in SVG or MathML; an end tag closes up to its open element and is
// ignored when none is open; script, style, title, textarea and xmp hold text, not tags. Where it
// cannot tell, it counts deeper, never shallower: a page it passes is no deeper than it says.

const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);

const P = ["p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
/** Opening the key closes the open elements on top of the stack while they are in its list. */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["rt", new Set(["rt", "rp"])],
  ["rp", new Set(["rt", "rp"])],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
  ...["select", "input", "output", "button", "datalist", "textarea"].map(
    (name): [string, Set<string>] => [name, new Set(FORM)],
  ),
  ...[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "pre",
    "section",
    "table",
    "ul",
  ].map((name): [string, Set<string>] => [name, new Set(P)]),
]);

const FOREIGN = new Set(["math", "svg"]);
const INTEGRATION = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);

function isAlpha(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c || code === 0x0d;
}

/** Where a tag name that starts at `from` ends: at white space, `/` or `>`. */
function nameEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (isSpace(code) || code === 0x2f || code === 0x3e) break;
    i++;
  }
  return i;
}

/** After `>` (or the end), from `from`. */
function past(html: string, from: number, close: string): number {
  const at = html.indexOf(close, from);
  return at === -1 ? html.length : at + close.length;
}

/**
 * Reads a start tag's attributes from `from` (just after its name) to its `>`, quotes respected as
 * htmlparser2 does. Returns where the tag ends (after `>`) and whether it ended with `/>`.
 */
function startTagEnd(html: string, from: number): { end: number; selfClosing: boolean } {
  let i = from;
  let slash = false;
  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 0x3e) return { end: i + 1, selfClosing: slash };
    if (code === 0x2f) {
      slash = true;
      i++;
      continue;
    }
    if (isSpace(code)) {
      i++;
      continue;
    }
    slash = false;
    // An attribute name, then maybe `=` and a value.
    while (i < html.length) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
      i++;
    }
    let j = i;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== 0x3d) continue;
    j++;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    const quote = html.charCodeAt(j);
    if (quote === 0x22 || quote === 0x27) {
      const close = html.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      i = close === -1 ? html.length : close + 1;
    } else {
      // Unquoted: up to white space or `>` (a `/` belongs to the value).
      while (j < html.length) {
        const c = html.charCodeAt(j);
        if (isSpace(c) || c === 0x3e) break;
        j++;
      }
      i = j;
    }
  }
  return { end: html.length, selfClosing: false };
}

/** Where the text of a raw-text element that starts at `from` ends: at its `</name`. */
function rawTextEnd(html: string, from: number, name: string): number {
  let at = html.indexOf("</", from);
  while (at !== -1) {
    const after = at + 2 + name.length;
    if (
      html.slice(at + 2, after).toLowerCase() === name &&
      (after >= html.length || isSpace(html.charCodeAt(after)) || "/>".includes(html[after] ?? ""))
    ) {
      return at;
    }
    at = html.indexOf("</", at + 2);
  }
  return html.length;
}

/**
 * The deepest nesting of elements in `html`, as the parser would build it, in one linear pass.
 * Stops as soon as it passes `stopAbove` (and returns that depth): the caller only needs to know.
 */
export function htmlNestingDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const foreign: boolean[] = [false];
  let deepest = 0;
  const push = (name: string) => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = (): string | undefined => {
    const name = stack.pop();
    if (name !== undefined) openCount.set(name, (openCount.get(name) ?? 1) - 1);
    return name;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (html.startsWith("<!--", lt)) i = past(html, lt + 2, "-->");
      else if (html.startsWith("<![CDATA[", lt)) i = past(html, lt + 9, "]]>");
      else i = past(html, lt + 2, ">");
      continue;
    }
    if (next === 0x3f /* ? */) {
      i = past(html, lt + 2, ">");
      continue;
    }
    if (next === 0x2f /* / */) {
      if (!isAlpha(html.charCodeAt(lt + 2))) {
        i = past(html, lt + 2, ">");
        continue;
      }
      const end = nameEnd(html, lt + 2);
      const name = html.slice(lt + 2, end).toLowerCase();
      i = past(html, end, ">");
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      if (!VOID.has(name) && (openCount.get(name) ?? 0) > 0) {
        let closed = pop();
        while (closed !== name) closed = pop();
      } else if (name === "p" || name === "br") {
        // A stray `</p>` or `</br>` makes an empty element where it stands.
        deepest = Math.max(deepest, stack.length + 1);
      }
      continue;
    }
    if (!isAlpha(next)) {
      i = lt + 1;
      continue;
    }
    const end = nameEnd(html, lt + 1);
    const name = html.slice(lt + 1, end).toLowerCase();
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) {
      while (stack.length > 0 && closes.has(stack[stack.length - 1] as string)) pop();
    }
    const opens = !VOID.has(name);
    // A void element is a leaf one below the open ones.
    if (!opens) deepest = Math.max(deepest, stack.length + 1);
    if (opens) {
      push(name);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
      if (stack.length > deepest) {
        deepest = stack.length;
        if (deepest > stopAbove) return deepest;
      }
    }
    const tag = startTagEnd(html, end);
    i = tag.end;
    if (opens && tag.selfClosing && foreign[foreign.length - 1] === true) {
      pop();
    } else if (opens && RAW_TEXT.has(name)) {
      i = rawTextEnd(html, i, name);
    }
  }
  return deepest;
}
