/** "⌘K" on a Mac, "Ctrl K" elsewhere: what the quick-log shortcut looks like on this machine. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

export function quickLogShortcutLabel(): string {
  return isMac() ? '⌘ K' : 'Ctrl K';
}

/** True inside the desktop app (the preload bridge is there), false in a browser via the web bridge. */
export function isDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.regulars !== undefined;
}
