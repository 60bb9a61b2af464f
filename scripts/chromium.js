// How every tool here launches Chromium: Debian's /usr/bin/chromium unless CHROME_PATH names another, with the flags
// it needs as root on a machine with no network but loopback (see ../shared/TOOLCHAIN.md).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};
