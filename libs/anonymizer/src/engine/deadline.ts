import { performance } from 'node:perf_hooks';

/** Default time budget for one message. Ordinary messages take well under a millisecond. */
export const DEFAULT_BUDGET_MS = 500;

/**
 * A per-message time budget. Detection checks it between stages and inside long loops; once it has
 * been found expired the detection is incomplete and the caller must withhold the text (fail closed).
 */
export class Deadline {
  private readonly at: number;
  private expired = false;

  constructor(budgetMs: number = DEFAULT_BUDGET_MS) {
    this.at = performance.now() + budgetMs;
  }

  /** True (and remembered) once the budget is spent: stop and report the work as incomplete. */
  passed(): boolean {
    if (!this.expired && performance.now() >= this.at) this.expired = true;
    return this.expired;
  }

  /** Whether any stage stopped early because of the budget. */
  get tripped(): boolean {
    return this.expired;
  }
}
