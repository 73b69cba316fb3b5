/**
 * Who verifies what: tasks are offered to reviewers drawn at random, never chosen from a list,
 * and a share of verdicts gets a blind second verdict. Pure rules; the API applies them.
 *
 * Why random: a reviewer who can pick tasks can pick the vendors of a ring. Drawn at random
 * from everyone eligible, a ring of k reviewers among n lands on its own vendors about k/n of
 * the time, and a blind second verdict by another random reviewer catches what it confirms.
 */

/** How long a reviewer has to accept or decline an offered task before it moves on. */
export const OFFER_HOURS = 48;
/** Tasks a reviewer may hold at once (offered or accepted): the draw spreads the load. */
export const MAX_OPEN_TASKS_PER_REVIEWER = 5;
/** Declines a reviewer may make in 30 days; beyond it they let the offer lapse or ask an admin. */
export const MAX_DECLINES_PER_30_DAYS = 5;
/** Share of verdicts that get a blind second verdict whatever they say. */
export const SECOND_VERDICT_RANDOM_SHARE = 0.1;
/** A reviewer with fewer verdicts than this is new: every verdict of theirs is checked. */
export const NEW_REVIEWER_VERDICTS = 5;
/** A verdict this much more favourable (in delivered share) than the other evidence is checked. */
export const FAVOURABLE_MARGIN = 0.3;
/** A claimed improvement of at least this share of the baseline is high-impact and checked. */
export const HIGH_IMPACT_RELATIVE_GAIN = 0.5;

export interface AssignmentCandidate {
  id: string;
  /** Tasks the reviewer holds now (offered or accepted). */
  openTasks: number;
  /** The capabilities (the vendor taxonomy's keys) the reviewer declared they can judge. */
  expertise?: readonly string[];
}

export interface DrawOptions {
  /** Already offered this task, or the author of a verdict it checks: never drawn. */
  exclude?: ReadonlySet<string>;
  /** Tasks a reviewer may hold at once. */
  capacity?: number;
  /** The vendor's capabilities: reviewers who declared one of them are drawn before the rest. */
  needed?: readonly string[];
}

/** Whether a reviewer declared expertise in at least one of the capabilities a task needs. */
export function matchesExpertise(expertise: readonly string[] | undefined, needed: readonly string[] | undefined): boolean {
  if (!needed?.length || !expertise?.length) return false;
  const want = new Set(needed);
  return expertise.some((e) => want.has(e));
}

/**
 * The eligible candidates in a random order weighted by spare capacity (a reviewer with more room
 * is more likely to come first), by Efraimidis–Spirakis keys u^(1/w). Reviewers who declared
 * expertise in one of the vendor's capabilities all come before the others (each group in its own
 * random order): a task goes to someone who knows the field when anyone eligible does, and never
 * waits for want of one. Candidates at capacity or excluded are left out. `random` yields numbers
 * in [0, 1); the caller checks conflicts down the list and offers to the first reviewer without one.
 */
export function drawOrder(candidates: readonly AssignmentCandidate[], random: () => number, options: DrawOptions = {}): string[] {
  const exclude = options.exclude ?? new Set<string>();
  const capacity = options.capacity ?? MAX_OPEN_TASKS_PER_REVIEWER;
  const seen = new Set<string>();
  const keyed: Array<{ id: string; expert: boolean; key: number }> = [];
  for (const c of [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (seen.has(c.id) || exclude.has(c.id)) continue;
    seen.add(c.id);
    const spare = capacity - c.openTasks;
    if (spare <= 0) continue;
    // 1 − random() is in (0, 1]: a key of exactly 0 would never come first.
    keyed.push({ id: c.id, expert: matchesExpertise(c.expertise, options.needed), key: Math.pow(1 - random(), 1 / spare) });
  }
  return keyed.sort((a, b) => Number(b.expert) - Number(a.expert) || b.key - a.key || (a.id < b.id ? -1 : 1)).map((k) => k.id);
}

export type DeclineCheck = { ok: true } | { ok: false; code: 'DECLINE_LIMIT'; message: string };

/** Declines are recorded and limited: a reviewer cannot decline their way to the tasks they want. */
export function checkDecline(declinesInLast30Days: number, limit = MAX_DECLINES_PER_30_DAYS): DeclineCheck {
  if (declinesInLast30Days < limit) return { ok: true };
  return {
    ok: false,
    code: 'DECLINE_LIMIT',
    message: `You have declined ${declinesInLast30Days} tasks in the last 30 days, the most Assay allows. Let this offer lapse, or ask an administrator to pause your offers.`,
  };
}

export type SecondVerdictReason = 'random' | 'new_reviewer' | 'more_favourable_than_other_evidence' | 'high_impact_claim';

export interface SecondVerdictFacts {
  /** A uniform draw in [0, 1) for the random share. */
  draw: number;
  /** Verdicts the reviewer recorded before this one. */
  reviewerPriorVerdicts: number;
  /** Delivered share (0..1) of each outcome under this verdict. */
  verdictShares: readonly number[];
  /**
   * The other evidence on the same vendor as delivered shares (0..1): reference answers on these
   * outcomes (yes 1, partly 0.5, no 0) and the vendor's other verdicts. Empty when there is none.
   */
  otherEvidenceShares: readonly number[];
  /** Each claimed outcome as baseline and claimed value. */
  claims: ReadonlyArray<{ baseline: number; claimed: number }>;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * Why a verdict gets a blind second verdict (empty: it does not). Every reason is stated so the
 * second reviewer's task, the admin page and the methodology say which rule selected it.
 */
export function secondVerdictReasons(f: SecondVerdictFacts, randomShare = SECOND_VERDICT_RANDOM_SHARE): SecondVerdictReason[] {
  const reasons: SecondVerdictReason[] = [];
  if (f.draw < randomShare) reasons.push('random');
  if (f.reviewerPriorVerdicts < NEW_REVIEWER_VERDICTS) reasons.push('new_reviewer');
  if (f.verdictShares.length && f.otherEvidenceShares.length && mean(f.verdictShares) - mean(f.otherEvidenceShares) >= FAVOURABLE_MARGIN) {
    reasons.push('more_favourable_than_other_evidence');
  }
  if (f.claims.some((c) => relativeGain(c) >= HIGH_IMPACT_RELATIVE_GAIN)) reasons.push('high_impact_claim');
  return reasons;
}

/** |claimed − baseline| ÷ |baseline|; a claim from a zero baseline counts as high-impact when it moves at all. */
export function relativeGain(c: { baseline: number; claimed: number }): number {
  const change = Math.abs(c.claimed - c.baseline);
  if (c.baseline === 0) return change > 0 ? Number.POSITIVE_INFINITY : 0;
  return change / Math.abs(c.baseline);
}

/** What a reference's answer on one outcome says as a delivered share. */
export function answerShare(achieved: string): number | undefined {
  switch (achieved) {
    case 'yes':
      return 1;
    case 'partly':
      return 0.5;
    case 'no':
      return 0;
    default:
      return undefined;
  }
}

/** Every reason a check exists: the rules above, an administrator's request, or a disagreement. */
export type CheckReason = SecondVerdictReason | 'admin' | 'tie_break';

/** Sentences for the reasons: the offer mail, the reviewer's offers and the admin's task list all use these. */
export const SECOND_VERDICT_REASON_TEXT: Record<CheckReason, string> = {
  random: 'drawn at random: one verdict in ten is checked',
  new_reviewer: 'the first reviewer is new to Assay',
  more_favourable_than_other_evidence: 'the verdict is much more favourable than the other evidence on this vendor',
  high_impact_claim: 'a claimed improvement is at least half the baseline',
  admin: 'an administrator asked for it',
  tie_break: 'two reviewers disagreed on at least one outcome; this verdict decides',
};
