// The gallery drives the repository's one Chromium helper (Debian's browser, never a download).
export { chromiumExecutablePath, launchChromium } from '@codexion/tools/chromium';
