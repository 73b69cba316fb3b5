import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';

/**
 * The refusals a reviewer, an admin or a vendor can meet in the verification flow, in
 * words that also say what to do next. Reasons not listed keep the API's own sentence
 * (conflict-of-interest refusals name the vendor or client, which is the useful part).
 */
const PLAIN: Record<string, string> = {
  TASK_TAKEN: 'Another reviewer holds this task now.',
  OFFER_LAPSED: 'Your offer for this task lapsed, so it went to another drawn reviewer.',
  NOT_LEASEHOLDER: 'This task is not yours to work on: accept it from your offers first. If you held it, your lease ended and it went to another reviewer.',
  LEASE_EXPIRED: 'Your 72 hours with this task ran out, so it goes to another drawn reviewer. What you entered is kept on this page.',
  DISPUTE_WINDOW_CLOSED: 'A verdict can be disputed within 30 days; this one is older. You can still reply to it publicly.',
  NO_VERDICT: 'This case study has no verdict yet, so there is nothing to spot-check.',
  DISPUTE_RESOLVED: 'Another admin has already resolved this dispute.',
};

/** A sentence for any failure in this module. */
export function reviewErrorMessage(error: unknown): string {
  const description = describeError(error);
  return (description.reason && PLAIN[description.reason]) || description.message;
}

/** The API reason of a failure, if any (TASK_TAKEN, LEASE_EXPIRED, ...). */
export function errorReason(error: unknown): string | undefined {
  return describeError(error).reason;
}

/** The same description with the plain sentence, for `<FormErrorAlert>`. */
export function withPlainWords(description: ErrorDescription | null): ErrorDescription | null {
  if (!description) return null;
  return { ...description, message: (description.reason && PLAIN[description.reason]) || description.message };
}
