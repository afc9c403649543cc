/**
 * Installers for Windows (NSIS), macOS (dmg) and Linux (AppImage, deb). `npm run dist` needs internet
 * (electron-builder downloads Electron and its packaging tools), so it runs on a release machine, not
 * on our offline build machines; this file is type-checked here against electron-builder's own types.
 */
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'app.regulars.desktop',
  productName: 'Regulars',
  copyright: 'Copyright © 2026 Regulars',
  directories: { output: 'build/release', buildResources: 'build/icons' },
  files: ['build/dist/**/*', '!build/dist/bench/**', 'package.json'],
  // better-sqlite3 ships N-API prebuilt binaries that load in Electron as they are: nothing to rebuild.
  npmRebuild: false,
  asarUnpack: ['node_modules/better-sqlite3/**'],
  win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icons/icon.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false },
  mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], category: 'public.app-category.business', icon: 'build/icons/icon.png' },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'build/icons/icon.png', maintainer: 'Regulars' },
};

export default config;
