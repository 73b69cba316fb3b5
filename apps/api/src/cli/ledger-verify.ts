/* `npm run ledger:verify [-- --database-url <url>] [--verifier-key <vkey>]… [--origin <name>]`
 * Audits the verification ledger: rebuilds every entry from the current rows of
 * its fact, the Merkle tree, and checks every stored signed tree head (signature,
 * root, consistency with the next). Prints "ok …" or the first problem; exit 0 or 1.
 * The verifier key is --verifier-key (repeat it for keys used before a rotation),
 * else the one of LEDGER_SIGNER_KEY or the key file in ASSAY_DATA_DIR. */
import { loadConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { auditDatabase, formatAuditSummary } from '../modules/ledger/ledger-audit';
import { readSignerKey, verifierKeyString } from '../modules/ledger/ledger-signer';
import { withDatabaseServer } from './cli-database';

/** Every value given for a repeatable flag. */
function flagValues(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === name && process.argv[i + 1]) values.push(process.argv[i + 1]);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

async function main(): Promise<number> {
  const verifierKeys = flagValues('--verifier-key');
  if (verifierKeys.length === 0) {
    const key = readSignerKey(loadConfig());
    if (!key) throw new Error('No verifier key: pass --verifier-key <name+hash+key> (GET /ledger/verifier-key serves it), or set LEDGER_SIGNER_KEY / ASSAY_DATA_DIR to where the log is signed.');
    verifierKeys.push(verifierKeyString(key));
  }
  const [expectedOrigin] = flagValues('--origin');
  return withDatabaseServer(async (url) => {
    const ds = await openDataSource({ url, poolSize: 1, applicationName: 'assay-ledger-verify' });
    try {
      const report = await auditDatabase(ds, { verifierKeys, expectedOrigin });
      console.log(formatAuditSummary(report));
      for (const problem of report.problems.slice(1, 20)) console.log(`  also: ${problem.message}`);
      if (report.problems.length > 20) console.log(`  … and ${report.problems.length - 20} more`);
      return report.ok ? 0 : 1;
    } finally {
      await ds.destroy();
    }
  });
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
