import type { IdentityStrength } from '../../../gql/graphql';

// Statuses and the other shared words live in ui/labels.ts.

/** Why a nomination was refused, for the red badge ("Refused: self-reference"). */
export function refusalLabel(strength: IdentityStrength, flags: readonly string[]): string {
  if (strength === 'self' || flags.includes('self_reference')) return 'Refused: self-reference';
  return 'Refused';
}
