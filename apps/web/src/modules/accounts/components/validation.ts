/** Client-side checks that mirror the API's, so most mistakes are caught before a round trip. */
export const PASSWORD_MIN_LENGTH = 12;

export function validateEmail(value: string): string | null {
  const email = value.trim();
  if (!email) return 'Enter your email address.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter a valid email address, like name@company.com.';
  return null;
}

export function validateNewPassword(value: string): string | null {
  const length = [...value].length;
  if (length === 0) return 'Enter a password.';
  if (length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters; this password has ${length}.`;
  }
  if (length > 128) return 'Use at most 128 characters.';
  return null;
}
