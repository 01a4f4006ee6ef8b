import 'reflect-metadata';
import { loadConfigOrExit } from '@webcare/platform';
import { bootstrapApi } from './bootstrap';

const config = loadConfigOrExit();

bootstrapApi(config).catch((err: Error) => {
  process.stderr.write(`API failed to start: ${err.message}\n`);
  process.exit(1);
});
