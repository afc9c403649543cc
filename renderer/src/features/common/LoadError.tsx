import { Alert } from '@mantine/core';
import { useBackendStatusStore } from '../../stores/backend-status-store';

/**
 * A screen's own "could not load" message. Stays quiet while the data-file banner is up: that
 * banner already explains the one real problem, and repeating it on every panel only alarms.
 */
export function LoadError({ title, message }: { title: string; message: string }) {
  const bannerShown = useBackendStatusStore((s) => s.unavailableMessage !== null);
  if (bannerShown) return null;
  return (
    <Alert color="red" title={title} mb="md">
      {message}
    </Alert>
  );
}
