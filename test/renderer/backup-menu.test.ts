/**
 * File › Back up now… in the desktop app: the main process sends `menu:backup`; the page opens
 * Settings › Backups, asks for a folder with the system dialog and backs up there. Played here with
 * a stand-in for the preload's `window.regulars` (the real dialog needs Electron).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForBackupMenu } from '../../renderer/src/stores/backups-store';
import type { Result } from '../../shared/ipc/result';

type Answer = (input: unknown) => Result<unknown>;

function desktopBridge(answers: Record<string, Answer>) {
  const listeners = new Map<string, () => void>();
  const invoked: { op: string; input: unknown }[] = [];
  window.regulars = {
    invoke: (op, input) => {
      invoked.push({ op, input });
      const answer = answers[op];
      return Promise.resolve(answer ? answer(input) : { ok: false, error: { code: 'INTERNAL', message: `no answer for ${op}` } });
    },
    on: (event, callback) => {
      listeners.set(event, () => callback(null));
      return () => listeners.delete(event);
    },
  };
  return { invoked, send: (event: string) => listeners.get(event)?.(), listeners };
}

const backupAt = (folder: string) => ({ backup: { file: `${folder}/regulars-x-manual.sqlite`, name: 'regulars-x-manual.sqlite' }, secondCopy: null });

afterEach(() => {
  delete window.regulars;
});

describe('the File › Back up now… menu command', () => {
  it('opens Backups, asks for a folder and backs up into it', async () => {
    const bridge = desktopBridge({
      'system:chooseFolder': () => ({ ok: true, value: { folder: '/media/usb', canChoose: true } }),
      'backups:create': (input) => ({ ok: true, value: backupAt((input as { folder: string }).folder) }),
      'backups:list': () => ({ ok: true, value: { folder: '/data/backups', backups: [], secondFolder: null } }),
      'data:status': () => ({ ok: true, value: { file: '/data/x.sqlite', open: true, problem: null, readOnly: null, latestBackup: null } }),
    });
    const opened = vi.fn();
    const done = vi.fn();
    const stop = listenForBackupMenu(opened, done);

    bridge.send('menu:backup');
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(opened).toHaveBeenCalledTimes(1);
    expect(bridge.invoked.slice(0, 2)).toEqual([
      { op: 'system:chooseFolder', input: { purpose: 'backup' } },
      { op: 'backups:create', input: { folder: '/media/usb' } },
    ]);
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ backup: expect.objectContaining({ file: '/media/usb/regulars-x-manual.sqlite' }) }), null);

    stop();
    expect(bridge.listeners.size).toBe(0);
  });

  it('does nothing more when the owner cancels the dialog', async () => {
    const bridge = desktopBridge({ 'system:chooseFolder': () => ({ ok: true, value: { folder: null, canChoose: true } }) });
    const done = vi.fn();
    listenForBackupMenu(() => undefined, done);
    bridge.send('menu:backup');
    await vi.waitFor(() => expect(done).toHaveBeenCalledWith(null, null));
    expect(bridge.invoked.map((c) => c.op)).toEqual(['system:chooseFolder']);
  });

  it('reports a failed backup in words', async () => {
    const bridge = desktopBridge({
      'system:chooseFolder': () => ({ ok: true, value: { folder: '/media/usb', canChoose: true } }),
      'backups:create': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'Regulars cannot write to the folder /media/usb.' } }),
    });
    const done = vi.fn();
    listenForBackupMenu(() => undefined, done);
    bridge.send('menu:backup');
    await vi.waitFor(() => expect(done).toHaveBeenCalledWith(null, 'Regulars cannot write to the folder /media/usb.'));
  });
});
