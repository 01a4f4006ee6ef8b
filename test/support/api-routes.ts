import { join } from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import { ROOT } from './processes';

/** One HTTP route of the api as its controller declares it. */
export interface ApiRoute {
  method: string;
  /** With Nest's `:param` placeholders, e.g. `/api/cases/:id/replies`. */
  path: string;
  /** Where it is declared, e.g. `CasesController.close`. */
  handler: string;
  /** @Public(): no token needed. */
  isPublic: boolean;
  /** @Roles(…), or null when the route states none. */
  roles: string[] | null;
}

const dist = (p: string) => join(ROOT, 'dist', p);

/**
 * Every route of the built api (dist/), read from the controllers' own metadata the way the global
 * guard reads it (the handler's decorator first, then the controller's). The app is built in
 * preview mode: the module graph without providers, so no database or Redis.
 */
export async function apiRoutes(): Promise<ApiRoute[]> {
  const { NestFactory, ModulesContainer, MetadataScanner } = await import('@nestjs/core');
  const { RequestMethod } = await import('@nestjs/common');
  const { PATH_METADATA, METHOD_METADATA } = await import('@nestjs/common/constants');
  const { loadConfig } = await import(dist('libs/platform/src'));
  const { AppModule } = await import(dist('apps/api/src/app.module'));
  const { IS_PUBLIC, ROLES } = await import(dist('apps/api/src/auth/auth.decorators'));

  const app: INestApplication = await NestFactory.create(
    AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })),
    {
      preview: true,
      logger: false,
    },
  );
  try {
    const scanner = new MetadataScanner();
    const routes: ApiRoute[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const controller = metatype as Type;
        const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
        for (const name of scanner.getAllMethodNames(controller.prototype)) {
          const handler = controller.prototype[name];
          const sub = Reflect.getMetadata(PATH_METADATA, handler);
          if (sub === undefined) continue;
          const meta = <T>(key: string): T | undefined =>
            Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
          routes.push({
            method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
            path: `/${[base, String(sub)].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'),
            handler: `${controller.name}.${name}`,
            isPublic: meta<boolean>(IS_PUBLIC) === true,
            roles: meta<string[]>(ROLES) ?? null,
          });
        }
      }
    }
    return routes;
  } finally {
    await app.close();
  }
}
