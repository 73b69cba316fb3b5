import { chooseLogFormat, prettyLine } from '../log-format';

describe('log format', () => {
  it('is readable on a developer’s terminal and JSON everywhere else, unless LOG_FORMAT says otherwise', () => {
    expect(chooseLogFormat('development', undefined, true)).toBe('pretty');
    expect(chooseLogFormat('development', undefined, false)).toBe('json');
    expect(chooseLogFormat('production', undefined, true)).toBe('json');
    expect(chooseLogFormat('production', 'pretty', false)).toBe('pretty');
    expect(chooseLogFormat('development', 'json', true)).toBe('json');
  });

  it('writes one pino line as time, level, message, request and the remaining fields', () => {
    const time = new Date('2026-12-02T14:02:07Z').getTime();
    const line = JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', service: 'assay-api', msg: 'request completed', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 }, responseTime: 12, role: 'api' });
    expect(prettyLine(line)).toBe(`${new Date(time).toTimeString().slice(0, 8)} INFO  request completed POST /graphql 200 12ms  role=api`);
    expect(prettyLine('not json')).toBe('not json');
  });
});
