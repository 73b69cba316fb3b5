import { ConfigError, loadConfig } from '../config';

describe(loadConfig.name, () => {
  it('starts with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, role: 'all', seed: true, databaseUrl: undefined, readReplicaUrls: [] });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.dataDir).toMatch(/assay/);
  });

  it('names the variable and the problem in one line', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid configuration: PORT .*"eighty"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(() => loadConfig({ ASSAY_SEED: 'maybe' })).toThrow(/ASSAY_SEED/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must be an smtp:\/\//);
    const message = (() => {
      try {
        loadConfig({ ASSAY_ROLE: 'boss' });
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message.split('\n')).toHaveLength(1);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('parses read replicas and secure cookies in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_READ_URLS: 'postgres://a/x, postgres://b/x' });
    expect(config.readReplicaUrls).toEqual(['postgres://a/x', 'postgres://b/x']);
    expect(config.cookieSecure).toBe(true);
  });
});
