import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('health and docs', () => {
  it('reports which database the app runs on', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite' });
  });

  it('serves OpenAPI generated from the shared schemas, with each route’s access rule', async () => {
    const response = await t.app.inject({ url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/organisations/'].get.description).toContain('Access: everyone');
    expect(doc.paths['/api/users/'].get.description).toContain('admin');
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('password');
    const page = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('answers unknown API paths with a problem document, never a stack trace', async () => {
    const response = await t.app.inject({ url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, title: 'What you are looking for does not exist.' });
  });

  it('sends strict security headers', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
