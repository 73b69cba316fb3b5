import type { DataSource } from 'typeorm';
import { checkPassword } from '@assay/domain';
import { PasswordHasher } from '../modules/accounts/passwords';

/**
 * Creates an admin account, or makes an existing account an admin. The password is
 * asked for only when a new account is created, and must pass the password policy.
 * Shared by `npm run admin:create` and the simulation's `--via-api` driver.
 */
export async function ensureAdminAccount(
  ds: DataSource,
  account: { email: string; name: string; password: () => Promise<string> | string },
): Promise<'created' | 'promoted'> {
  const existing: Array<{ id: string }> = await ds.query('SELECT id FROM users WHERE email = $1', [account.email]);
  if (existing.length) {
    await ds.query(`UPDATE users SET platform_roles = array_append(platform_roles, 'admin') WHERE id = $1 AND NOT ('admin' = ANY(platform_roles))`, [existing[0].id]);
    return 'promoted';
  }
  const password = await account.password();
  const policy = checkPassword(password, { email: account.email });
  if (!policy.ok) throw new Error(policy.message);
  const hash = await new PasswordHasher().hash(password);
  // Whoever runs this holds the machine: the address is taken as confirmed, as for accounts the seed creates.
  await ds.query(`INSERT INTO users (email, display_name, password_hash, platform_roles, email_verified_at) VALUES ($1, $2, $3, '{admin}', now())`, [account.email, account.name, hash]);
  return 'created';
}
