// Long loads on the main thread (a reload's prebuilt file) are cut into slices so the event loop
// keeps answering requests meanwhile: the work checks in often, and is paused for one turn of the
// loop whenever a slice has run for its budget.
import { setImmediate as nextTurn } from "node:timers/promises";

/** How long a slice may run before the loop gets a turn: well under the 50 ms a request may wait. */
export const SLICE_BUDGET_MS = 15;

/** Yields to the event loop once a slice has run for `budgetMs`; cheap to call often. */
export class TimeSlicer {
  private sliceStarted = performance.now();
  /** How many times the work gave the loop a turn (tests read it). */
  yields = 0;

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** Resolves at once inside the budget; after one turn of the event loop past it. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStarted < this.budgetMs) return;
    await nextTurn();
    this.yields++;
    this.sliceStarted = performance.now();
  }
}
