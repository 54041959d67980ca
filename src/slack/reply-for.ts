import { answerRefOf } from "../feedback/answer-ref.js";
import type { SlackMessage } from "../format/blocks.js";
import { feedbackBlock } from "../format/feedback-blocks.js";
import type { RenderOptions } from "../format/render-answer-blocks.js";
import { renderReplyMessage } from "../format/reply-blocks.js";
import type { Reply } from "../requests/answer-request.js";
import type { AnyAnswerer, RequestAnswerer } from "../requests/request-answerer.js";
import { type Request, routeRequest } from "../requests/route-request.js";
import { toSlackMessage } from "./slack-blocks.js";

export interface ReplyOptions extends RenderOptions {
  /** How help names the command: the one the request came with, or the app's. */
  commandName: string;
  /**
   * End an answer to a question with feedback buttons. No-match replies get them too: a down vote
   * on "nothing matches" names a question people expected the articles to answer, the most useful
   * complaint the eval can get. Help and the news views (sources, timeline, who) never do.
   */
  feedback?: boolean;
  /** The text to search for a question (a follow-up read with its thread); the question itself when not given. */
  searchAs?: (question: string) => string;
}

/** A reply, and the question it answered (as asked, before any thread context), or null when it answered none. */
export interface SlackReply {
  message: ReturnType<typeof toSlackMessage>;
  asked: string | null;
}

/** The request a message's text makes, and how it was routed (before any thread context). */
function requestOf(text: string | undefined, options: ReplyOptions) {
  const routed = routeRequest(text);
  const request =
    routed.kind === "question" && options.searchAs
      ? { ...routed, question: options.searchAs(routed.question) }
      : routed;
  return { routed, request };
}

/** The reply rendered for Slack: blocks, and the feedback buttons under an answer when asked. */
function slackReplyOf(routed: Request, reply: Reply, options: ReplyOptions): SlackReply {
  // One id for the answer's feedback buttons and its "This one answers it" buttons.
  const ref = reply.kind === "question" && options.feedback ? answerRefOf(reply.answer) : null;
  const rendered = renderReplyMessage(
    reply,
    ref ? { ...options, choiceFor: ref.answerId } : options,
  );
  if (reply.kind !== "question" || routed.kind !== "question")
    return { message: toSlackMessage(rendered), asked: null };
  const message: SlackMessage = ref
    ? { ...rendered, blocks: [...rendered.blocks, feedbackBlock(ref)] }
    : rendered;
  return { message: toSlackMessage(message), asked: routed.question };
}

/**
 * The reply to a message's text, through the one request router the terminal uses too: help,
 * sources, timeline, who, or else an answer to the question. The bot's answerer answers on its
 * serving thread, hence the promise.
 */
export async function replyFor(
  text: string | undefined,
  ask: AnyAnswerer,
  options: ReplyOptions,
): Promise<SlackReply> {
  const { routed, request } = requestOf(text, options);
  return slackReplyOf(routed, await ask(request, options.commandName), options);
}

/** `replyFor` with an answerer on this thread: the same reply, at once (timed in tests and the bench). */
export function replyAtOnce(
  text: string | undefined,
  ask: RequestAnswerer,
  options: ReplyOptions,
): SlackReply {
  const { routed, request } = requestOf(text, options);
  return slackReplyOf(routed, ask(request, options.commandName), options);
}
