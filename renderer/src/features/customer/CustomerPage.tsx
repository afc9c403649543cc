import { useEffect } from 'react';
import { Alert, Anchor, Grid, Group, Loader, Stack } from '@mantine/core';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';
import { useFormatters } from '../../stores/settings-store';
import type { CustomerDetail } from '../../../../shared/domain/types';
import type { Formatters } from '../../lib/format';
import { PageHeader } from '../common/PageHeader';
import { CustomerSummary } from './CustomerSummary';
import { CustomerInsightCard } from './CustomerInsightCard';
import { ProfileForm } from './ProfileForm';
import { QuickEntryForms } from './QuickEntryForms';
import { CustomerTimeline } from './CustomerTimeline';
import { DeleteCustomerButton } from './DeleteCustomerButton';
import { EraseCustomerButton } from '../backups/EraseCustomerButton';
import { LoadError } from '../common/LoadError';

const BackToCustomers = () => (
  <Anchor href="#/customers" fz="sm">
    ← All customers
  </Anchor>
);

function customerSubtitle(detail: CustomerDetail, f: Formatters): string {
  const { customer, stats } = detail;
  const since = stats.firstVisit ? `Customer since ${f.date(stats.firstVisit)}` : `Added ${f.date(customer.createdAt.slice(0, 10))}, no visits yet`;
  return [since, ...customer.tags].join(' · ');
}

export function CustomerPage({ id }: { id: number }) {
  const detail = useCustomerDetailStore((s) => (s.id === id ? s.detail : null));
  const error = useCustomerDetailStore((s) => s.error);
  const load = useCustomerDetailStore((s) => s.load);
  const f = useFormatters();

  useEffect(() => {
    void load(id);
  }, [id, load]);

  if (error && !detail) {
    return (
      <>
        <PageHeader title={error.notFound ? 'Customer not found' : 'Customer'} above={<BackToCustomers />} />
        {error.notFound ? (
          <Alert color="gray" maw={640}>
            This customer is not on your list (any more). They may have been deleted.
          </Alert>
        ) : (
          <LoadError title="This customer could not be loaded" message={error.message} />
        )}
      </>
    );
  }
  if (!detail) return <Loader aria-label="Loading customer" />;

  const { customer } = detail;
  return (
    <>
      <PageHeader
        title={customer.name}
        above={<BackToCustomers />}
        description={customerSubtitle(detail, f)}
        actions={
          <Group gap="xs">
            <EraseCustomerButton customerId={customer.id} name={customer.name} erased={customer.erasedAt !== null} onErased={() => void load(id)} />
            <DeleteCustomerButton name={customer.name} />
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={7}>
          <Stack gap="lg">
            <CustomerSummary stats={detail.stats} />
            <QuickEntryForms />
            <CustomerTimeline timeline={detail.timeline} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={5}>
          <Stack gap="lg">
            <CustomerInsightCard id={customer.id} />
            <ProfileForm key={customer.id} customer={customer} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
