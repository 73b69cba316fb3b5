import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printCodeFirstSchema } from '../graphql-schema';

printCodeFirstSchema()
  .then((sdl) => {
    const file = path.join(process.cwd(), 'schema.graphql');
    fs.writeFileSync(file, sdl);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
