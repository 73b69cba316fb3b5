import { describeError, type ErrorDescription } from '../../../ui/errors/describe-error';

/**
 * The refusals a reviewer, an admin or a vendor can meet in the verification flow, in
 * words that also say what to do next. Reasons not listed keep the API's own sentence
 * (conflict-of-interest refusals name the vendor or client, which is the useful part).
 */
const PLAIN: Record<string, string> = {
  TASK_TAKEN: 'Another reviewer claimed this task a moment before you did, so it has left the queue.',
  NOT_LEASEHOLDER: 'This task is not yours to work on: claim it from the queue first. If you held it, your lease ended and another reviewer may have taken it.',
  LEASE_EXPIRED: 'Your 72 hours with this task ran out, so it went back to the queue. Claim it again if it is still there; what you entered is kept on this page.',
  DISPUTE_WINDOW_CLOSED: 'A verdict can be disputed within 30 days; this one is older. You can still reply to it publicly.',
  SPOT_CHECK_PENDING: 'A spot check of this verdict is already waiting in the queue.',
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
