/** "⌘K" on a Mac, "Ctrl K" elsewhere: what the quick-log shortcut looks like on this machine. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

export function quickLogShortcutLabel(): string {
  return isMac() ? '⌘ K' : 'Ctrl K';
}
