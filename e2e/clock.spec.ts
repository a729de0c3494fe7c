import { expect, playerTime, test } from './fixtures.ts';

/**
 * A device whose clock is off. The library only ever compares its own clock with times the server
 * gave it (`expires_at`, the URL's signing date, the `Date` header), so a server clock moved by N
 * minutes is, to the player, exactly a device clock off by -N minutes; the storage checks expiry on
 * the server's clock, as S3 and GCS do.
 */
for (const deviceMinutes of [-30, -10, 10, 30]) {
  test(`a device clock ${Math.abs(deviceMinutes)} minutes ${deviceMinutes < 0 ? 'behind' : 'ahead'} still plays, with one API request`, async ({
    page,
    startApi,
    openDemo,
  }) => {
    const api = await startApi({ clockOffsetMs: -deviceMinutes * 60_000 });
    await openDemo(api);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => playerTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect(page.getByText('This recording could not be played.')).toHaveCount(0);
    // Fifteen-minute URLs are not taken for expired (or nearly so): no refresh loop, no refused read.
    expect(api.stats().api['visit-demo']).toBe(1);
    expect(api.accessLog.filter((entry) => entry.event === 'storage' && entry.status >= 400)).toEqual([]);
  });
}
