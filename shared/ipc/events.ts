/** Events the main process pushes to the window (menu commands, data changes). The preload allows only these. */
export const EVENT_NAMES = ['menu:import', 'menu:backup', 'menu:print', 'menu:quickLog', 'data:changed', 'progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel an operation travels on: the contract name itself, namespaced. */
export function channelFor(op: string): string {
  return `regulars:${op}`;
}
