import { describe, expect, it } from 'vitest';
import { ask, firstUrl, range, useServers } from './helpers';

const start = useServers();

describe('tokens', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses the sdp_suki_token %s with 401 (own entries only, never Object.prototype)',
    async (token) => {
      const server = await start();
      expect((await ask(server, 'visit-demo', { token })).status).toBe(401);
      const custom = await start({ tokens: { 'alice-token': 'alice' } });
      expect((await ask(custom, 'visit-demo', { token })).status).toBe(401);
      expect((await ask(custom, 'visit-demo', { token: 'alice-token' })).status).toBe(200);
      expect(custom.accessLog.filter((e) => e.subject !== null && e.subject !== 'alice')).toEqual([]);
    },
  );
});

/** The raw `key=value` parts of a URL's query, as written (still percent-encoded). */
const partsOf = (url: string) => (url.split('?')[1] ?? '').split('&');
const withParts = (url: string, parts: string[]) => `${url.split('?')[0]}?${parts.join('&')}`;

/** Every way of moving, removing or duplicating one parameter of a signed URL. */
function variants(url: string): [string, string][] {
  const parts = partsOf(url);
  const out: [string, string][] = [];
  parts.forEach((part, i) => {
    const others = parts.filter((_, j) => j !== i);
    const key = part.split('=')[0] ?? '';
    out.push([`remove ${key}`, withParts(url, others)]);
    out.push([`duplicate ${key}`, withParts(url, [...parts, part])]);
    out.push([`move ${key} into the fragment`, `${withParts(url, others)}#${part}`]);
    if (key.toLowerCase() !== key)
      out.push([
        `lowercase the key ${key}`,
        withParts(
          url,
          parts.map((p, j) => (j === i ? `${key.toLowerCase()}=${p.split('=')[1] ?? ''}` : p)),
        ),
      ]);
    if (i > 0) {
      // Folded into the previous parameter's value: the old, unencoded canonical string stayed the same.
      const merged = parts.slice();
      merged.splice(i - 1, 2, `${parts[i - 1]}${encodeURIComponent(`&${part}`)}`);
      out.push([`fold ${key} into the previous value`, withParts(url, merged)]);
      const swapped = parts.slice();
      const [prevKey, prevValue] = (parts[i - 1] ?? '').split('=');
      const [, value] = part.split('=');
      swapped[i - 1] = `${prevKey}=${value}`;
      swapped[i] = `${key}=${prevValue}`;
      out.push([`swap the values of ${prevKey} and ${key}`, withParts(url, swapped)]);
    }
    out.push([`move ${key} into the path`, withParts(url.replace(/\.wav\?/, `.wav;${part}?`), others)]);
  });
  return out;
}

describe('canonical signing, like SigV4', () => {
  it.each(['s3', 'gcs'] as const)(
    'refuses a %s download URL reshaped into a stream URL (a parameter folded into the one before)',
    async (flavour) => {
      const server = await start({ flavour });
      const prefix = flavour === 's3' ? 'X-Amz' : 'X-Goog';
      const download = await firstUrl(server, 'visit-demo', true);
      const whole = await fetch(download, { method: 'HEAD' });
      expect(whole.status).toBe(200);
      expect(whole.headers.get('Content-Disposition')).toContain('attachment');
      const reshaped = download.replace(
        '&response-content-disposition=attachment',
        '%26response-content-disposition%3Dattachment',
      );
      expect(reshaped).toContain(`${prefix}-SignedHeaders=host%26response-content-disposition%3Dattachment`);
      expect(new URL(reshaped).searchParams.get('response-content-disposition')).toBeNull();
      const refused = await fetch(reshaped);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('Content-Disposition')).toBeNull();
      expect(await refused.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    },
  );

  it.each(['s3', 'gcs'] as const)(
    'refuses a %s URL with any parameter moved, removed or duplicated',
    async (flavour) => {
      const server = await start({ flavour });
      for (const download of [false, true]) {
        const url = await firstUrl(server, 'visit-demo', download);
        const all = variants(url);
        expect(all.length).toBeGreaterThanOrEqual(5 * partsOf(url).length);
        for (const [change, variant] of all) {
          const response = await fetch(variant, { headers: { Range: 'bytes=0-1' } });
          expect([change, response.status]).toEqual([change, 403]);
          await response.arrayBuffer();
        }
        expect((await range(url, 'bytes=0-1')).response.status).toBe(206);
      }
    },
  );

  it('refuses a parameter added after signing, however harmless', async () => {
    const server = await start();
    const url = await firstUrl(server, 'visit-demo');
    expect((await fetch(`${url}&x-id=GetObject`)).status).toBe(403);
    expect((await fetch(`${url}&response-content-disposition=attachment`)).status).toBe(403);
  });

  it.each(['s3', 'gcs'] as const)(
    'accepts a valid %s URL, with its parameters in any order or its path in an equivalent encoding, as S3 does',
    async (flavour) => {
      const server = await start({ flavour });
      const url = await firstUrl(server, 'visit-demo');
      expect((await range(url, 'bytes=0-3')).response.status).toBe(206);
      const reordered = withParts(url, partsOf(url).reverse());
      expect((await range(reordered, 'bytes=0-3')).response.status).toBe(206);
      const encodedPath = url.replace('/storage/visit-demo/', '/storage/%76isit-demo/');
      expect((await range(encodedPath, 'bytes=0-3')).response.status).toBe(206);
      const download = await firstUrl(server, 'visit-demo', true);
      const file = await fetch(download);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBe(4368608);
    },
  );
});
