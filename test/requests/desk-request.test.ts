import { describe, expect, it } from "vitest";
import { slashOnlyText, TERMINAL_DESK_TEXT } from "../../src/format/desk-text.js";
import { renderReplyMessage } from "../../src/format/reply-blocks.js";
import { replyToJson } from "../../src/format/reply-json.js";
import { renderReplyText } from "../../src/format/reply-text.js";
import { answerRequest } from "../../src/requests/answer-request.js";
import { routeRequest } from "../../src/requests/route-request.js";
import { buildPassageIndex } from "../../src/search/passage-index.js";

describe("routeRequest: add, follow, unfollow", () => {
  it("reads follow and unfollow alone", () => {
    expect(routeRequest("follow")).toEqual({ kind: "follow" });
    expect(routeRequest(" Follow! ")).toEqual({ kind: "follow" });
    expect(routeRequest("unfollow")).toEqual({ kind: "unfollow" });
    expect(routeRequest("<@UBOT> unfollow")).toEqual({ kind: "unfollow" });
    expect(routeRequest("follow the money")).toEqual({
      kind: "question",
      question: "follow the money",
    });
  });

  it("reads add with a bare link, Slack's <link> and <link|label>, or none", () => {
    const url = "https://news.test/2031/03/storm?id=7";
    expect(routeRequest(`add ${url}`)).toEqual({ kind: "add", url });
    expect(routeRequest(`add <${url}>`)).toEqual({ kind: "add", url });
    expect(routeRequest(`add <${url}|news.test/2031/03/storm>`)).toEqual({ kind: "add", url });
    expect(routeRequest("add")).toEqual({ kind: "add", url: null });
  });

  it("leaves a question that starts with add a question", () => {
    expect(routeRequest("add up the casualties")).toEqual({
      kind: "question",
      question: "add up the casualties",
    });
    expect(routeRequest("add ftp://x.test/a")).toMatchObject({ kind: "question" });
  });
});

describe("add, follow, unfollow outside the slash command", () => {
  const index = buildPassageIndex([]);

  it("names the slash command in a mention or DM, and corpus:fetch in the terminal", () => {
    const slack = answerRequest(index, { kind: "follow" }, { commandName: "/syria" });
    expect(slack).toEqual({ kind: "desk-only", commandName: "/syria" });
    expect(renderReplyMessage(slack).text).toBe(slashOnlyText("/syria"));
    expect(slashOnlyText("/syria")).toContain("`/syria follow`");
    const cli = answerRequest(index, { kind: "add", url: null }, { commandName: "npm run ask --" });
    expect(renderReplyText(cli)).toBe(TERMINAL_DESK_TEXT);
    expect(replyToJson(cli)).toEqual({ kind: "desk-only", text: TERMINAL_DESK_TEXT });
  });
});
