/**
 * robots.txt: an internal tool has nothing for search engines, so every crawler is asked to stay out. Served by
 * the API itself rather than from the web build, so it answers the same with or without the SPA (and is never
 * mistaken for a client route that falls back to index.html).
 */
import type { FastifyInstance } from 'fastify';

export const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

export function registerRobots(app: FastifyInstance): void {
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(ROBOTS_TXT));
}
