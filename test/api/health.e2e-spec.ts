import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

describe('Health and HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness and database readiness as JSON', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', live: true, database: { ready: true } });
  });

  it('sends security headers from helmet', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a GraphQL GET without a preflight header (CSRF prevention)', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql?query=%7B__typename%7D');
    expect(res.status).toBe(400);
  });

  it('answers an unknown field with a validation error and no stack trace', async () => {
    const res = await t.client().query('{ nope }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace/);
  });
});
