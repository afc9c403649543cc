/**
 * Drop anywhere, in happy-dom: a file dragged over the window shows "Drop to import"; dropping it
 * goes to the Import screen and hands the file to the import store; text dragged from elsewhere is
 * left alone. File › Import… (a menu event from the desktop app) asks for the file picker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';

const api = vi.hoisted(() => vi.fn());
vi.mock('../../renderer/src/lib/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../renderer/src/lib/api')>()),
  api,
}));

const { FileDropOverlay } = await import('../../renderer/src/features/import/FileDropOverlay');
const { useImportStore } = await import('../../renderer/src/stores/import-store');
const { theme } = await import('../../renderer/src/theme');

/** A drag event carrying what a browser's DataTransfer would: its types and files. */
function dragEvent(type: string, files: File[], types = files.length > 0 ? ['Files'] : ['text/plain']): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
  return event;
}

describe('drop anywhere', () => {
  const initial = useImportStore.getState();
  const openFile = vi.fn(() => Promise.resolve());

  beforeEach(() => {
    useImportStore.setState({ ...initial, openFile }, true);
    openFile.mockClear();
    window.location.hash = '#/customers';
    render(
      <MantineProvider theme={theme}>
        <FileDropOverlay />
      </MantineProvider>,
    );
  });
  afterEach(() => {
    cleanup();
    delete window.regulars;
  });

  it('shows the overlay while a file is over the window and imports it when dropped', () => {
    const file = new File(['a,b\n1,2\n'], 'till.csv', { type: 'text/csv' });
    act(() => void document.body.dispatchEvent(dragEvent('dragenter', [file])));
    expect(screen.getByText('Drop to import')).toBeTruthy();
    const over = dragEvent('dragover', [file]);
    act(() => void document.body.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true); // otherwise the browser would open the file itself

    const drop = dragEvent('drop', [file]);
    act(() => void document.body.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect(screen.queryByText('Drop to import')).toBeNull();
    expect(window.location.hash).toBe('#/import');
    expect(openFile).toHaveBeenCalledWith(file);
  });

  it('hides the overlay when the drag leaves the window, across child elements', () => {
    const file = new File(['x'], 'a.csv');
    act(() => void document.body.dispatchEvent(dragEvent('dragenter', [file])));
    act(() => void document.body.dispatchEvent(dragEvent('dragenter', [file]))); // into a child
    act(() => void document.body.dispatchEvent(dragEvent('dragleave', [file]))); // out of the child
    expect(screen.getByText('Drop to import')).toBeTruthy();
    act(() => void document.body.dispatchEvent(dragEvent('dragleave', [file])));
    expect(screen.queryByText('Drop to import')).toBeNull();
    expect(openFile).not.toHaveBeenCalled();
  });

  it('ignores text dragged from another window', () => {
    act(() => void document.body.dispatchEvent(dragEvent('dragenter', [])));
    expect(screen.queryByText('Drop to import')).toBeNull();
    const drop = dragEvent('drop', []);
    act(() => void document.body.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(false);
    expect(window.location.hash).toBe('#/customers');
  });
});

describe('File › Import…', () => {
  afterEach(() => {
    cleanup();
    delete window.regulars;
  });

  it('goes to the Import screen and asks for the file picker', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    window.regulars = {
      invoke: () => Promise.resolve({ ok: true, value: null }),
      on: (event, callback) => {
        listeners.set(event, callback);
        return () => listeners.delete(event);
      },
    };
    window.location.hash = '#/';
    useImportStore.setState({ stage: 'choose', pickerRequested: false });
    const view = render(
      <MantineProvider theme={theme}>
        <FileDropOverlay />
      </MantineProvider>,
    );
    act(() => listeners.get('menu:import')?.(undefined));
    expect(window.location.hash).toBe('#/import');
    expect(useImportStore.getState().pickerRequested).toBe(true);
    view.unmount();
    expect(listeners.has('menu:import')).toBe(false);
  });
});
