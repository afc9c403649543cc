import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage, fieldErrors } from '../../lib/api-error';
import { navigate } from '../../lib/router';
import { useCustomersStore } from '../../stores/customers-store';
import { CustomerFormFields } from './CustomerFormFields';
import { checkCustomerForm, emptyCustomerForm, formToFields, type CustomerFormValues } from './customer-form-values';

export function AddCustomerModal() {
  const opened = useCustomersStore((s) => s.addOpen);
  const close = useCustomersStore((s) => s.closeAdd);
  const addCustomer = useCustomersStore((s) => s.addCustomer);
  const [values, setValues] = useState<CustomerFormValues>(emptyCustomerForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (opened) {
      setValues(emptyCustomerForm());
      setErrors({});
      setFormError(null);
    }
  }, [opened]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkCustomerForm(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    try {
      const customer = await addCustomer(formToFields(values));
      notifications.show({ color: 'teal', title: 'Customer added', message: `${customer.name} is on your list.` });
      navigate({ page: 'customer', id: customer.id });
    } catch (error) {
      const issues = fieldErrors(error);
      setErrors(issues);
      setFormError(Object.keys(issues).length > 0 ? null : errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Add a customer" size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {formError && <Alert color="red">{formError}</Alert>}
          <CustomerFormFields values={values} errors={errors} onChange={setValues} autoFocusName />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Add customer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
