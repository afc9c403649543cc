import { Alert, Button, Group, Text } from '@mantine/core';
import { useBackendStatusStore } from '../../stores/backend-status-store';
import { IconAlert } from '../common/icons';
import { navigate, useRoute } from '../../lib/router';

/** Shown whenever the back end says the data file cannot be used: a sentence, never a blank window. */
export function UnavailableBanner() {
  const message = useBackendStatusStore((s) => s.unavailableMessage);
  const readOnly = useBackendStatusStore((s) => s.readOnlyMessage);
  const route = useRoute();
  const onBackups = route.page === 'settings' && route.tab === 'backups';
  if (message === null && readOnly !== null) return <ReadOnlyNotice message={readOnly} />;
  if (message === null) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title="Regulars cannot use its data file right now"
      icon={<IconAlert />}
      mb="lg"
      data-testid="unavailable-banner"
    >
      <Text fz="sm">{message}</Text>
      <Text fz="sm" mt={4}>
        Until this is sorted out, nothing you type will be saved.
      </Text>
      <Group mt="sm">
        {!onBackups && (
          <Button size="xs" color="red.9" onClick={() => navigate({ page: 'settings', tab: 'backups' })}>
            See backups and restore one
          </Button>
        )}
        <Button size="xs" variant="white" color="red" c="#a61e1e" onClick={() => window.location.reload()}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}

/** The data could be opened only for reading: everything can be looked up, nothing saved. */
function ReadOnlyNotice({ message }: { message: string }) {
  return (
    <Alert color="yellow" variant="light" title="Your data is open read-only" icon={<IconAlert />} mb="lg" data-testid="read-only-banner">
      <Text fz="sm">{message}</Text>
    </Alert>
  );
}
