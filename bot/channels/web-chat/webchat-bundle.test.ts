import { gunzipSync } from 'node:zlib';
import { loadWebChatBundle, staticScript } from './webchat-bundle';

describe('static scripts', () => {
  it.each([
    ['held plain', {}],
    ['held gzipped only', { holdPlain: false }],
  ])('serve the same bytes plain and gzipped when %s', (_name, options) => {
    const text = 'console.log("hi");\n'.repeat(200);
    const script = staticScript(text, options);
    expect(script.plain().toString('utf8')).toBe(text);
    expect(gunzipSync(script.gzip).toString('utf8')).toBe(text);
    expect(script.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('the Web Chat bundle is held gzipped, and inflates to the file in node_modules', () => {
    const bundle = loadWebChatBundle();
    expect(bundle.gzip.length).toBeLessThan(bundle.plain().length / 2);
    expect(bundle.plain().toString('utf8')).toContain('WebChat');
  });
});
