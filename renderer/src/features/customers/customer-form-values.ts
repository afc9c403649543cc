/** The customer form's values (what the boxes hold) and how they map to and from the contract. */
import type { Customer } from '../../../../shared/domain/types';
import type { CustomerFieldsInput } from '../../../../shared/ipc/schemas';

export interface CustomerFormValues {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  notes: string;
  tags: string[];
  marketingConsent: boolean;
  externalRef: string;
}

export function emptyCustomerForm(name = ''): CustomerFormValues {
  return { name, phone: '', email: '', birthday: '', notes: '', tags: [], marketingConsent: false, externalRef: '' };
}

export function customerToForm(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    phone: customer.phone ?? '',
    email: customer.email ?? '',
    birthday: customer.birthday ?? '',
    notes: customer.notes,
    tags: customer.tags,
    marketingConsent: customer.marketingConsent,
    externalRef: customer.externalRef ?? '',
  };
}

/** All fields, as the contract takes them (empty text means "none"). */
export function formToFields(values: CustomerFormValues): CustomerFieldsInput {
  return {
    name: values.name,
    phone: values.phone,
    email: values.email,
    birthday: values.birthday,
    notes: values.notes,
    tags: values.tags,
    marketingConsent: values.marketingConsent,
    externalRef: values.externalRef,
  };
}

/** Only what changed, so saving a profile never rewrites fields the owner did not touch. */
export function changedFields(before: CustomerFormValues, after: CustomerFormValues): Partial<CustomerFieldsInput> {
  const all = formToFields(after);
  const previous = formToFields(before);
  const patch: Partial<CustomerFieldsInput> = {};
  for (const key of Object.keys(all) as (keyof CustomerFieldsInput)[]) {
    if (JSON.stringify(all[key]) !== JSON.stringify(previous[key])) Object.assign(patch, { [key]: all[key] });
  }
  return patch;
}

/** Problems we can point out before asking the back end. */
export function checkCustomerForm(values: CustomerFormValues): Record<string, string> {
  return values.name.trim() === '' ? { name: 'Please enter a name.' } : {};
}
