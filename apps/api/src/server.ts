import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { CannotWriteDatabaseError } from './db/client.ts';

const config = loadConfig();
const app = await buildApp(config).catch((err: unknown) => {
  // One readable line (which file, why, what to do) instead of a stack trace, and a failing exit code.
  if (err instanceof CannotWriteDatabaseError) {
    process.stderr.write(`FoU-uppföljning kan inte starta: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host });
const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
app.log.info(`FoU-uppföljning: http://${shown}:${config.port}  (API-dokumentation: /docs${config.demo ? ', demodata laddad' : ''})`);
