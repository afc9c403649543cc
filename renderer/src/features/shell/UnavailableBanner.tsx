import { Alert, Button, Group, Text } from '@mantine/core';
import { useBackendStatusStore } from '../../stores/backend-status-store';
import { IconAlert } from '../common/icons';

/** Shown whenever the back end says the data file cannot be used: a sentence, never a blank window. */
export function UnavailableBanner() {
  const message = useBackendStatusStore((s) => s.unavailableMessage);
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
        <Button size="xs" variant="white" color="red" c="#a61e1e" onClick={() => window.location.reload()}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
