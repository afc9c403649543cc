import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Customer } from '../../../../shared/domain/types';
import { errorMessage, fieldErrors } from '../../lib/api-error';
import { setLeaveGuard } from '../../lib/router';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';
import { CustomerFormFields } from '../customers/CustomerFormFields';
import { changedFields, checkCustomerForm, customerToForm, type CustomerFormValues } from '../customers/customer-form-values';

export function ProfileForm({ customer }: { customer: Customer }) {
  const saveProfile = useCustomerDetailStore((s) => s.saveProfile);
  const [saved, setSaved] = useState<CustomerFormValues>(() => customerToForm(customer));
  const [values, setValues] = useState<CustomerFormValues>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const patch = changedFields(saved, values);
  const dirty = Object.keys(patch).length > 0;

  // Leaving the page with unsaved changes asks first, instead of dropping them without a word.
  useEffect(() => {
    if (!dirty) return;
    const name = values.name.trim() || 'this customer';
    setLeaveGuard(() => window.confirm(`You have changed ${name}’s details without saving. Leave and lose the changes?`));
    return () => setLeaveGuard(null);
  }, [dirty, values.name]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = checkCustomerForm(values);
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0 || !dirty) return;
    setSaving(true);
    try {
      await saveProfile(patch);
      setSaved(values);
      notifications.show({ color: 'teal', title: 'Saved', message: `${values.name.trim()}’s details are up to date.` });
    } catch (error) {
      const issues = fieldErrors(error);
      setErrors(issues);
      setFormError(Object.keys(issues).length > 0 ? 'Please check the highlighted fields.' : errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-title">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="profile-title">
            Details
          </Title>
          {formError && <Alert color="red">{formError}</Alert>}
          <CustomerFormFields values={values} errors={errors} onChange={setValues} full />
          <Group justify="space-between" mt="xs">
            <Text fz="xs" c="dimmed">
              {dirty ? 'You have unsaved changes.' : 'All changes saved.'}
            </Text>
            <Group gap="xs">
              {dirty && (
                <Button variant="default" onClick={() => { setValues(saved); setErrors({}); setFormError(null); }}>
                  Undo changes
                </Button>
              )}
              <Button type="submit" loading={saving} disabled={!dirty}>
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
