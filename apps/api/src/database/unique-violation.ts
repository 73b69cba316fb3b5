import { QueryFailedError } from 'typeorm';

/** True when a write failed on this unique constraint or index (PostgreSQL 23505): a race another writer won. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
