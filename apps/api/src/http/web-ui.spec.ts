import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webCspSources } from './web-ui';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('webCspSources', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'web-ui-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is empty when the web app is not built', () => {
    expect(webCspSources(root)).toEqual({ script: [], style: [] });
  });

  it('hashes inline scripts of the shell (not external ones) and fixed style attributes of the bundle', () => {
    const inline = '\n{ import("/_app/immutable/bundle.js").then((a) => a.start()); }\n';
    writeFileSync(
      join(root, 'index.html'),
      `<html><head><script src="/x.js"></script></head><body><script>${inline}</script></body></html>`,
    );
    mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
    const style = 'position: absolute; width: 1px';
    writeFileSync(join(root, '_app', 'immutable', 'bundle.js'), `const t = '<div id="a" style="${style}"></div>';`);
    writeFileSync(join(root, '_app', 'immutable', 'bundle.css'), `.x { color: red }`);
    expect(webCspSources(root)).toEqual({ script: [hash(inline)], style: ["'unsafe-hashes'", hash(style)] });
  });
});
