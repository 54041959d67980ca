/** The feedback log cannot do what was asked (no secret to hash voters with, a vote it cannot store). */
export class FeedbackError extends Error {
  readonly code = "FEEDBACK_INVALID";

  constructor(message: string) {
    super(`Feedback: ${message}`);
    this.name = "FeedbackError";
  }
}
