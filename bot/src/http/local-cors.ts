import type { NextFunction, Request, RequestHandler, Response } from 'express';

const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Accept, Accept-Language';
const EXPOSED_HEADERS = 'ETag, Content-Disposition';

/**
 * Local mode only: lets the hub's workbench page (another port, so another origin) call this
 * instance's API and /dev/login with fetch. The allowance is as narrow as the workbench needs:
 * the hub's own origin (as localhost and as 127.0.0.1, the same port), the paths /api/* and
 * /dev/login, GET, POST, PATCH (the checklist) and DELETE (the
 * departments of the agenda web part), and no cookies (the workbench sends a bearer token). Production
 * never mounts it: there the dashboard calls the API through SharePoint's AadHttpClient.
 */
export function localHubCors(hubUrl: string): RequestHandler {
  const hub = new URL(hubUrl);
  const allowedOrigins = new Set([hub.origin]);
  for (const host of ['localhost', '127.0.0.1']) allowedOrigins.add(`${hub.protocol}//${host}${hub.port ? `:${hub.port}` : ''}`);

  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    const pathAllowed = req.path.startsWith('/api/') || req.path === '/dev/login';
    if (!origin || !pathAllowed || !allowedOrigins.has(origin)) {
      next();
      return;
    }
    res.vary('Origin');
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS') {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      res.status(204).end();
      return;
    }
    next();
  };
}
