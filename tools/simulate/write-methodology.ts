// Writes docs/methodology.md from methodology() in @assay/signals, so the published
// text is generated from the configuration the code uses. A unit test fails when the
// committed file is out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { methodology, renderMethodologyMarkdown } from '@assay/signals';

const target = join(process.cwd(), 'docs', 'methodology.md');
writeFileSync(target, renderMethodologyMarkdown(methodology()));
console.log(`wrote ${target}`);
