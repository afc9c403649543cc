import { Button, Group, Loader, TextInput, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useCustomersStore } from '../../stores/customers-store';
import { useFormatters } from '../../stores/settings-store';
import { PageHeader } from '../common/PageHeader';
import { IconPlus, IconSearch } from '../common/icons';
import { CustomerTable } from './CustomerTable';
import { NoCustomersYet } from './NoCustomersYet';
import { LoadError } from '../common/LoadError';

export function CustomersPage() {
  const searchText = useCustomersStore((s) => s.searchText);
  const query = useCustomersStore((s) => s.query);
  const shownQuery = useCustomersStore((s) => s.pagesQuery);
  const total = useCustomersStore((s) => s.total);
  const searching = useCustomersStore((s) => s.generation !== s.pagesGeneration);
  const error = useCustomersStore((s) => s.error);
  const setSearchText = useCustomersStore((s) => s.setSearchText);
  const ensureRange = useCustomersStore((s) => s.ensureRange);
  const openAdd = useCustomersStore((s) => s.openAdd);
  const f = useFormatters();

  useEffect(() => {
    // Coming back to the list: show it as it is now (someone may have been added meanwhile).
    useCustomersStore.getState().refresh();
  }, []);

  const brandNew = total === 0 && query === '' && !searching;
  const countText =
    total === null
      ? 'Loading…'
      : shownQuery === ''
        ? `${f.count(total)} ${total === 1 ? 'customer' : 'customers'}`
        : `${f.count(total)} found for “${shownQuery}”`;

  return (
    <>
      <PageHeader
        title="Customers"
        description={brandNew ? 'Everyone who buys from you, in one place.' : countText}
        actions={
          brandNew ? undefined : (
            <Button leftSection={<IconPlus />} onClick={openAdd}>
              Add customer
            </Button>
          )
        }
      />
      {brandNew ? (
        <NoCustomersYet />
      ) : (
        <>
          <Group mb="md" gap="sm" wrap="nowrap">
            <TextInput
              aria-label="Search customers"
              placeholder="Search by name, phone or email"
              leftSection={<IconSearch size={18} />}
              rightSection={searching && total !== null ? <Loader size="xs" aria-label="Searching" /> : null}
              value={searchText}
              onChange={(event) => setSearchText(event.currentTarget.value)}
              w={420}
              type="search"
            />
            <Text fz="sm" c="dimmed">
              Click a column title to sort.
            </Text>
          </Group>
          {error && <LoadError title="The list could not be loaded" message={error} />}
          <CustomerTable onNeedRows={ensureRange} />
        </>
      )}
    </>
  );
}
