#!/usr/bin/env node
// Writes the API's OpenAPI document without a database, and the web app's typed schema from it.
// The schema is a build artifact (gitignored), never edited or committed.
//
//   node scripts/openapi.mjs             dist/openapi.json + apps/web/src/lib/api/schema.d.ts
//   node scripts/openapi.mjs --if-stale  the same, only when an api or libs source is newer than the
//                                        schema (or there is none); compiles the api first when dist
//                                        is older too. The web app's `check` and `build` start with it.
//
// Needs a current `dist` (npm run build runs this after compiling). DTO properties come from the
// Swagger plugin's metadata generator, so the DTO classes need no decorators of their own.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Fatal, ROOT, main, npmCmd, runOrFail, step } from './lib/util.mjs';

const require = createRequire(import.meta.url);
const SCHEMA = path.join(ROOT, 'apps', 'web', 'src', 'lib', 'api', 'schema.d.ts');
const META_DIR = path.join(ROOT, 'dist', 'openapi-meta');
const APP_MODULE = path.join(ROOT, 'dist', 'apps', 'api', 'src', 'app.module.js');
/** What the document is made from (besides this script): the api and the libraries its DTOs use. */
const SOURCES = [path.join(ROOT, 'apps', 'api', 'src'), path.join(ROOT, 'libs')];

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** The newest modification time of the document's sources (spec files do not count). */
function newestSource() {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) continue;
      newest = Math.max(newest, mtime(path.join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  return newest;
}

/** Runs the Swagger plugin's type-checker pass; returns its metadata loader, pointed at dist. */
async function pluginMetadata() {
  const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator');
  const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');
  const ts = require('typescript');
  fs.mkdirSync(META_DIR, { recursive: true });
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        pathToSource: ROOT,
        classValidatorShim: true,
        introspectComments: false,
        dtoFileNameSuffix: ['.dto.ts', '.query.ts'],
        controllerFileNameSuffix: ['.controller.ts'],
      }),
    ],
    outputDir: META_DIR,
    watch: false,
    tsconfigPath: 'tsconfig.build.json', // resolved from the working directory (main() moves to ROOT)
    filename: 'metadata.ts',
  });
  // The generated imports name sources relative to the repo root; the compiled files live in dist.
  const source = fs.readFileSync(path.join(META_DIR, 'metadata.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const file = path.join(ROOT, 'dist', 'openapi-metadata.js');
  fs.writeFileSync(file, js);
  return require(file).default;
}

async function openApiDocument() {
  const dist = (p) => path.join(ROOT, 'dist', p);
  if (!fs.existsSync(APP_MODULE)) throw new Fatal('dist is missing: run `npm run build` first');
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { SwaggerModule } = require('@nestjs/swagger');
  const { loadConfig } = require(dist('libs/platform/src'));
  const { AppModule } = require(dist('apps/api/src/app.module'));
  const { apiDocumentConfig } = require(dist('apps/api/src/openapi/openapi-document'));
  await SwaggerModule.loadPluginMetadata(await pluginMetadata());
  // Preview mode builds the module graph without instantiating providers: no Postgres, no Redis.
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })), {
    preview: true,
    logger: false,
  });
  return SwaggerModule.createDocument(app, apiDocumentConfig());
}

main(async () => {
  process.chdir(ROOT);
  if (process.argv.includes('--if-stale')) {
    const newest = newestSource();
    if (mtime(SCHEMA) >= Math.max(newest, mtime(fileURLToPath(import.meta.url)))) return 0;
    if (mtime(APP_MODULE) < newest) {
      step('the api changed since dist was built: npm run build:api');
      await runOrFail(npmCmd, ['run', '-s', 'build:api'], 'compiling the api failed (see the errors above)');
    }
  }
  step('OpenAPI document from the API (no database)');
  const doc = await openApiDocument();
  fs.writeFileSync(path.join(ROOT, 'dist', 'openapi.json'), JSON.stringify(doc, null, 2));
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const header = "// Generated by scripts/openapi.mjs from the API's OpenAPI document. Do not edit.\n";
  const schema = header + astToString(await openapiTS(doc));
  const current = fs.existsSync(SCHEMA) ? fs.readFileSync(SCHEMA, 'utf8') : '';
  // Unchanged content is not rewritten (no rebuild for watchers), but dated now: it is current.
  if (current !== schema) fs.writeFileSync(SCHEMA, schema);
  else fs.utimesSync(SCHEMA, new Date(), new Date());
  return 0;
});
