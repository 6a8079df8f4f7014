import { loadConfig, StartupError } from './config.ts';
import { buildApp } from './app.ts';

// What the person starting the server can fix (a database path it cannot write, a weak FOU_ADMIN_PASSWORD, a
// wrong variable) is one readable line and exit code 1, not a stack trace.
function refuseStart(err: unknown): never {
  if (err instanceof StartupError) {
    process.stderr.write(`FoU-uppföljning kan inte starta: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  refuseStart(err);
}
const app = await buildApp(config).catch(refuseStart);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host });
const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
app.log.info(`FoU-uppföljning: http://${shown}:${config.port}  (API-dokumentation: /docs${config.demo ? ', demodata laddad' : ''})`);
