// Types for chromium.js, which the Node configs import as plain JavaScript.
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] };
