import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { log } from '../observability/log';
import type { LogDriver } from './log-driver';
import { parseStartLogging, parseStopLogging } from './requests';

/** Content type Docker's plugin client expects (docker-logging-protocol.md §1). */
const PLUGIN_CONTENT_TYPE = 'application/vnd.docker.plugins.v1+json';

/** Bound on a request body: Info carries the container's full env and labels, which can be large but not huge. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

function reply(res: Response, body: unknown, status = 200): void {
  // setHeader + end: express's send() would append "; charset=utf-8" to the vendor type.
  res.status(status).setHeader('Content-Type', PLUGIN_CONTENT_TYPE);
  res.end(JSON.stringify(body));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The HTTP surface of the plugin: `POST /<Method>` with JSON bodies, errors as `{"Err": "..."}`. */
export function createPluginApp(driver: LogDriver): express.Express {
  const app = express();
  // dockerd sends application/json or no type at all; accept any body as JSON.
  app.use(express.json({ type: () => true, limit: MAX_BODY_BYTES }));

  app.post('/Plugin.Activate', (_req, res) => reply(res, { Implements: ['LogDriver'] }));
  app.post('/LogDriver.Capabilities', (_req, res) => reply(res, { Cap: driver.capabilities() }));

  app.post('/LogDriver.StartLogging', async (req: Request, res: Response) => {
    try {
      const { file, info } = parseStartLogging(req.body);
      await driver.startLogging(file, info);
      reply(res, { Err: '' });
    } catch (err) {
      log.warn({ err: errorText(err) }, 'StartLogging refused');
      reply(res, { Err: errorText(err) });
    }
  });

  app.post('/LogDriver.StopLogging', (req: Request, res: Response) => {
    try {
      driver.stopLogging(parseStopLogging(req.body).file);
      reply(res, { Err: '' });
    } catch (err) {
      reply(res, { Err: errorText(err) });
    }
  });

  app.post('/LogDriver.ReadLogs', (_req, res) => reply(res, { Err: 'this driver does not read logs; docker logs uses the local cache' }));

  app.use((req: Request, res: Response) => reply(res, { Err: `unknown plugin method ${req.path}` }, 404));
  // Malformed JSON and oversize bodies land here; answer in the protocol's shape, never as HTML.
  app.use((err: unknown, _req: Request, res: Response, _next: unknown) => {
    reply(res, { Err: `bad request: ${errorText(err)}` }, 400);
  });
  return app;
}

/** Listen on a unix socket, replacing a stale socket file left by a previous process. */
export async function listenOnSocket(app: express.Express, socketPath: string): Promise<Server> {
  fs.mkdirSync(path.dirname(socketPath), { recursive: true });
  fs.rmSync(socketPath, { force: true });
  return await new Promise<Server>((resolve, reject) => {
    const server = app.listen(socketPath, () => resolve(server));
    server.once('error', reject);
  });
}
