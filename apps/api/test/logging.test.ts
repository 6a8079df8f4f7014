/**
 * Logs: readable single lines at a terminal, JSON lines elsewhere, and the first start's one-time password on a
 * line that stands out.
 */
import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../src/config.ts';
import { BANNER, loggerOptions } from '../src/lib/logging.ts';

const base: Config = { port: 0, host: '127.0.0.1', databasePath: ':memory:', webDist: '/nonexistent', logLevel: 'info', demo: false };

describe('the log format', () => {
  it('is readable at a terminal and JSON elsewhere, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}, [], true).prettyLogs).toBe(true);
    expect(loadConfig({}, [], false).prettyLogs).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'json' }, [], true).prettyLogs).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, [], false).prettyLogs).toBe(true);
  });

  it('leaves JSON lines to pino as they are (no pretty-printer stream)', async () => {
    expect(await loggerOptions({ ...base, prettyLogs: false })).toEqual({ level: 'info' });
    expect(await loggerOptions({ ...base, logLevel: 'silent', prettyLogs: true })).toBe(false);
  });

  it('prints one line per entry with the local time, and the one-time password between bars', async () => {
    const sink = new PassThrough();
    let out = '';
    sink.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const app = Fastify({ logger: await loggerOptions({ ...base, prettyLogs: true }, sink) });
    app.log.info({ reqId: 'req-1', req: { method: 'GET', url: '/api/v1/reference', remotePort: 4711 } }, 'incoming request');
    app.log.info({ reqId: 'req-1', res: { statusCode: 200 }, responseTime: 3.4 }, 'request completed');
    app.log.warn({ [BANNER]: true }, 'FÖRSTA START: kontot "admin" skapades med engångslösenordet abc-123-def');
    await app.close();
    await new Promise((r) => setImmediate(r));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // The colours are ANSI escapes; the text under them is what a person reads.
    // eslint-disable-next-line no-control-regex
    const plain = lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(plain[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[req-1\] incoming request GET \/api\/v1\/reference$/);
    expect(plain[1]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[req-1\] request completed 200 3 ms$/);
    expect(plain[2]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN.*: +████ FÖRSTA START: kontot "admin" skapades med engångslösenordet abc-123-def ████/);
    expect(plain[2]).not.toContain(BANNER);
    expect(lines[2]).not.toBe(plain[2]);
  });
});
