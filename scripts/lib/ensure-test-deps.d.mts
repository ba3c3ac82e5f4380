export declare function ensureChromium(): { CHROMIUM_PATH: string };
