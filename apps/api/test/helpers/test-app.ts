/**
 * Every API test builds the real app over a real SQLite file in its own temp folder, through this helper,
 * so that when logins arrive only this file learns how to sign in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import supertest from 'supertest';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';

export interface TestApp {
  app: FastifyInstance;
  /** supertest against the running app. */
  http: ReturnType<typeof supertest>;
  dir: string;
  databasePath: string;
  close(): Promise<void>;
}

export async function makeTestApp(options: Partial<Config> = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-test-'));
  const databasePath = path.join(dir, 'fou.sqlite');
  const app = await buildApp({
    port: 0, host: '127.0.0.1', databasePath, webDist: path.join(dir, 'no-web'), logLevel: 'silent', demo: false, ...options,
  });
  await app.ready();
  return {
    app,
    http: supertest(app.server),
    dir,
    databasePath,
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
