import { QUICK_EXIT_PAGES } from '@candor/shared';
import request from 'supertest';
import { describe, expect } from 'vitest';
import { test } from './fixtures.js';

// The plain pages the quick exit goes to: served by the server's static files on the client's port, with
// Clear-Site-Data, under the same Content-Security-Policy as every page, with nothing that names Candor.
describe('the quick exit pages', () => {
  test('come with Clear-Site-Data for the cache and storage, carry no script and do not name Candor', async ({ server }) => {
    const pages = Object.values(QUICK_EXIT_PAGES);
    expect(pages).toEqual(['/notes.html', '/notizen.html']);
    for (const path of pages) {
      const res = await request(server.url).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['clear-site-data']).toBe('"cache", "storage"');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).not.toMatch(/<script|candor|\son[a-z]+=|\sstyle=/i);
      // Only its own stylesheet, which the policy allows ('self').
      const sheets = [...res.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
      expect(sheets).toEqual(['/notes.css']);
    }
    const css = await request(server.url).get('/notes.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).not.toMatch(/candor/i);
    // The titles say nothing either.
    const titles = await Promise.all(pages.map(async (path) => /<title>([^<]*)<\/title>/.exec((await request(server.url).get(path)).text)?.[1]));
    expect(titles).toEqual(['Notes', 'Notizen']);
  });

  test('leaves every other page without Clear-Site-Data', async ({ server }) => {
    for (const path of ['/', '/index.html', '/j/ABCDEF', '/s/00000000-0000-4000-8000-000000000000', '/notes.css', '/api/health']) {
      const res = await request(server.url).get(path);
      expect(res.status, path).toBeLessThan(400);
      expect(res.headers['clear-site-data'], path).toBeUndefined();
    }
  });
});
