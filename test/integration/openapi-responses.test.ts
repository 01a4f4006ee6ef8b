import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { apiRoutes, type ApiRoute } from '../support/api-routes';
import { ROOT } from '../support/processes';

jest.setTimeout(60_000);

/**
 * Routes that answer with no JSON body, or with one the OpenAPI document deliberately leaves out.
 * Keyed by `METHOD /path` as the controllers declare it.
 */
const NO_JSON_BODY: Record<string, string> = {
  'POST /api/auth/logout': '204',
  'DELETE /api/cases/:id/redactions/:redactionId': '204',
  'GET /api/reports/trends.csv': 'text/csv download',
  'GET /webhooks/whatsapp': "Meta's handshake: the challenge as text/plain, outside the document",
  'GET /webhooks/facebook': "Meta's handshake: the challenge as text/plain, outside the document",
  'GET /webhooks/linkedin': "LinkedIn's challenge answer, in LinkedIn's format, outside the document",
};

const routeKey = (r: ApiRoute) => `${r.method} ${r.path}`;
const isRef = (s: SchemaObject | ReferenceObject): s is ReferenceObject => '$ref' in s;

/**
 * The web app takes its response types from the generated document (apps/web/src/lib/api/schema.d.ts),
 * so a route whose success body is not a named schema there leaves the app guessing. Reads the build
 * (`npm run build` writes dist/openapi.json), like the role matrix's route discovery.
 */
describe('OpenAPI response schemas', () => {
  let routes: ApiRoute[];
  let doc: OpenAPIObject;

  beforeAll(async () => {
    routes = await apiRoutes();
    doc = JSON.parse(readFileSync(join(ROOT, 'dist', 'openapi.json'), 'utf8')) as OpenAPIObject;
  });

  it('every exemption is a route that still exists', () => {
    const keys = new Set(routes.map(routeKey));
    expect(Object.keys(NO_JSON_BODY).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('every JSON route declares its success body as a named schema', () => {
    const missing: string[] = [];
    for (const route of routes.filter((r) => !(routeKey(r) in NO_JSON_BODY))) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const responses = doc.paths[path]?.[route.method.toLowerCase() as 'get']?.responses ?? {};
      const success = Object.entries(responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
      const schema = success && !isRef(success) ? success.content?.['application/json']?.schema : undefined;
      const name = schema && isRef(schema) ? schema.$ref.replace('#/components/schemas/', '') : undefined;
      const component = name ? doc.components?.schemas?.[name] : undefined;
      const described = component && !isRef(component) && Object.keys(component.properties ?? {}).length > 0;
      if (!described) missing.push(`${routeKey(route)} (${route.handler})`);
    }
    expect(missing).toEqual([]);
  });
});
