import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { htmlNestingDepth } from "../../src/corpus/html-depth.js";

type Page = ReturnType<typeof parseHTML>["document"];
type Node = NonNullable<Page["documentElement"]>;

/** The deepest element below <html> in what linkedom built, walked without recursion. */
function domDepth(html: string): number {
  const { document } = parseHTML(html);
  let deepest = 0;
  const pending: [Node, number][] = [];
  for (let child = document.firstElementChild; child; child = child.nextElementSibling) {
    pending.push([child as Node, 1]);
  }
  while (pending.length > 0) {
    const [element, depth] = pending.pop() as [Node, number];
    deepest = Math.max(deepest, depth);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      pending.push([child as Node, depth + 1]);
    }
  }
  return deepest;
}

describe("htmlNestingDepth", () => {
  it("counts nesting as the parser builds it", () => {
    const cases = [
      "<div><div><p>x</p></div></div>",
      "<p>a<p>b<p>c",
      "<ul><li>a<li>b<li>c</ul>",
      "<div/><div/><div/>",
      "<svg><g/><g/><path d='M0 0'/></svg><div>",
      "<div title=\"<div><div>\"><span a=1 b='>'>x</span></div>",
      "<script>for (a<b; <div><div>) {}</script><div>",
      "<!-- <div><div> --><div><![CDATA[<div>]]></div>",
      "<div></b></b><div></i><div>",
      "<table><tr><td>a<td>b<tr><td>c</table>",
      "<svg><foreignObject><div/><div/></foreignObject></svg>",
      "<svg/><div/><div/>",
      "<a href=/x/><b>y</b></a>",
      "<title><div><div></title><p>x",
    ];
    for (const html of cases) expect(htmlNestingDepth(html), html).toBe(domDepth(html));
  });

  it("is never shallower than the parser's tree, on random markup", () => {
    const piece = fc.constantFrom(
      "<div>",
      "</div>",
      "<p>",
      "</p>",
      "<li>",
      "<ul>",
      "</ul>",
      "<td>",
      "<tr>",
      "<table>",
      "</table>",
      "<svg>",
      "</svg>",
      "<g/>",
      "<div/>",
      "<foreignObject>",
      "</foreignObject>",
      "<span a='>'>",
      '<b c="<div>">',
      "<i d=/>",
      "</span>",
      "<br>",
      "<script>",
      "</script>",
      "<title>",
      "</title>",
      "<!--",
      "-->",
      "<!x>",
      "</ x>",
      "< div>",
      "text",
      "<DIV >",
      "</Div >",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const html = pieces.join("");
        expect(htmlNestingDepth(html)).toBeGreaterThanOrEqual(domDepth(html));
      }),
      { numRuns: 500 },
    );
  });

  it("stops counting as soon as it passes the limit", () => {
    const html = "<div>".repeat(100_000);
    expect(htmlNestingDepth(html, 256)).toBe(257);
    expect(htmlNestingDepth(html)).toBe(100_000);
  });
});
