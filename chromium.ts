/**
 * How every test runner here launches a browser: Debian's Chromium (Playwright's own download cannot
 * run on these machines), headless, with the flags that keep it off the network.
 */
export const chromiumExecutable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export const chromiumLaunchOptions = {
  executablePath: chromiumExecutable,
  args: chromiumArgs,
};
