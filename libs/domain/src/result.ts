/** A rule's refusal: a stable code for programs and a sentence for people. */
export interface Refusal<Code extends string> {
  ok: false;
  code: Code;
  message: string;
}

/** The outcome of a rule that either allows something or refuses it. */
export type RuleResult<Code extends string> = { ok: true } | Refusal<Code>;

/**
 * One problem with one input field. `field` is a path into the submitted
 * input, e.g. `outcomes[2].claimedValue`, so a form can show it in place.
 */
export interface FieldError<Code extends string = string> {
  field: string;
  code: Code;
  message: string;
}

/** Length as a person counts it: Unicode code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}
