/**
 * How the server logs. At a terminal (`pnpm start` or `pnpm demo` run by a person) one readable line per entry:
 * the local time, the level in colour, the message and what goes with it. Anywhere else (a service manager, a
 * pipe, the tests) JSON lines, which log tools read. pino-pretty is loaded only for the terminal, so a server
 * running as a service never has it in memory.
 */
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/** Log entries with this field set are the ones a person at the terminal must not miss (the one-time password). */
export const BANNER = 'banner';

/** `destination`: where the readable lines go (standard output unless a test catches them). */
export async function loggerOptions(config: Config, destination?: NodeJS.WritableStream): Promise<FastifyServerOptions['logger']> {
  if (config.logLevel === 'silent') return false;
  if (!config.prettyLogs) return { level: config.logLevel, ...(config.logStream ? { stream: config.logStream } : {}) };
  const { default: pretty } = await import('pino-pretty');
  const stream = pretty({
    colorize: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: `pid,hostname,reqId,req,res,responseTime,${BANNER}`,
    // Written before the process goes on: a line about a failed start is not lost when it exits.
    sync: true,
    ...(destination ?? config.logStream ? { destination: destination ?? config.logStream } : {}),
    messageFormat: (log, messageKey, _level, { colors }) => {
      const message = String(log[messageKey] ?? '');
      // One line, but one that stands out: black on yellow between bars.
      if (log[BANNER]) return colors.bold(colors.bgYellow(colors.black(` ████ ${message} ████ `)));
      // Fastify's two lines per request, as a person scans them: which request, then its status and time.
      const req = log.req as { method?: string; url?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      const id = log.reqId ? colors.gray(`[${String(log.reqId)}] `) : '';
      if (req) return `${id}${message} ${req.method} ${req.url}`;
      if (res) return `${id}${message} ${res.statusCode} ${Math.round(Number(log.responseTime ?? 0))} ms`;
      return `${id}${message}`;
    },
  });
  return { level: config.logLevel, stream };
}
