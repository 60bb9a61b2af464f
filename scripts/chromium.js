// How every tool here launches Chromium: Debian's /usr/bin/chromium unless CHROME_PATH names another. As root it
// needs --no-sandbox; the other flags stop it reaching for the network (updates, sync, QUIC), which CI does not have.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};
