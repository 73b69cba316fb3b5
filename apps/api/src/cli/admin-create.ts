/* `npm run admin:create -- --email you@example.com [--name "Your Name"]`
 * Creates the first admin (or makes an existing account an admin). The password is
 * read from ASSAY_ADMIN_PASSWORD or asked for on the terminal, never from argv. */
import 'reflect-metadata';
import * as readline from 'node:readline/promises';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { ensureAdminAccount } from './admin-account';
import { withDatabaseServer } from './cli-database';

async function askPassword(): Promise<string> {
  if (process.env.ASSAY_ADMIN_PASSWORD) return process.env.ASSAY_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set ASSAY_ADMIN_PASSWORD, or run this in a terminal to type the password.');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question('Password for the new admin (at least 12 characters): ');
  rl.close();
  return password;
}

async function main(): Promise<void> {
  const program = new Command()
    .requiredOption('--email <email>', 'email address of the admin')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--database-url <url>', 'any PostgreSQL (default: DATABASE_URL, else the embedded one)')
    .parse(process.argv);
  const { email: rawEmail, name } = program.opts<{ email: string; name: string }>();
  const email = rawEmail.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`"${rawEmail}" is not an email address.`);

  await withDatabaseServer(async (url) => {
    const ds = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      const result = await ensureAdminAccount(ds, { email, name, password: askPassword });
      console.log(result === 'promoted' ? `${email} already had an account; it is now an admin.` : `Created admin ${email}. Sign in at the web app.`);
    } finally {
      await ds.destroy();
    }
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
