/** Stable codes for malformed ledger inputs (keys, notes, checkpoints, entries, tree arguments). */
export type LedgerErrorCode =
  | 'INVALID_ARGUMENT'
  | 'MALFORMED_KEY'
  | 'KEY_HASH_MISMATCH'
  | 'MALFORMED_NOTE'
  | 'MALFORMED_CHECKPOINT'
  | 'MALFORMED_ENTRY';

/** A domain error with a stable code, thrown for malformed input; verification failures are results, not throws. */
export class LedgerFormatError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerFormatError';
  }
}
