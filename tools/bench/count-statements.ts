// Preloaded into the API and floor processes (`node --require …/count-statements.js`):
// counts every statement a pg client sends, without changing the code under test, and
// reports the running total over the IPC channel when the benchmark asks for it.
// pg-boss's own connections (application_name `assay-jobs`, housekeeping on a timer)
// are left out: no buyer request causes them.
import { Client } from 'pg';

interface CountRequest {
  type: 'bench:statements';
  id: number;
}

type Query = (this: { connectionParameters?: { application_name?: string } }, ...args: unknown[]) => unknown;

let statements = 0;
const proto = Client.prototype as unknown as { query: Query };
const original = proto.query;
proto.query = function (this: { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
  if (this.connectionParameters?.application_name !== 'assay-jobs') statements++;
  return original.apply(this, args);
};

process.on('message', (message: CountRequest) => {
  if (message?.type === 'bench:statements') process.send?.({ type: 'bench:statements', id: message.id, count: statements });
});
