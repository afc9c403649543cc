/**
 * A tiny signal between stores: "the shop's data changed" (a visit was logged, a customer was
 * added…). Each store decides for itself what to refetch, so a store that writes never needs to know
 * which screens show the data.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyDataChanged(): void {
  for (const listener of listeners) listener();
}
