// How the browser checks start Debian's Chromium: headless, offline, at a
// phone's size. Shared by check.mjs and fonts.mjs.

export const CHROMIUM = '/usr/bin/chromium';
// Without these Chromium opens connections of its own (updates, sync,
// field trials, QUIC probes) before any page is loaded.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// A phone: most readers open the pages on one.
export const VIEWPORT = { width: 412, height: 915 };
