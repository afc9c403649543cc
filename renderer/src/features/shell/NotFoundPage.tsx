import { Anchor, Text } from '@mantine/core';
import { PageHeader } from '../common/PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Text>
        There is nothing at this address. <Anchor href="#/">Go to Today</Anchor>.
      </Text>
    </>
  );
}
