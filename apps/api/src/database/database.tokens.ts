/** The resolved database URL (from DATABASE_URL or the embedded server). */
export const DATABASE_URL = Symbol('DATABASE_URL');
