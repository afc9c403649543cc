/**
 * Remembers a function's answer per distinct text. Spreadsheet exports repeat themselves — the same
 * names, emails, dates and amounts on thousands of rows — so working each distinct text out once is
 * most of the speed of reading a big file. Bounded: a file of all-different values costs only the map,
 * and texts beyond the limit are simply worked out again.
 */
export function perTextCache<T extends NonNullable<unknown> | null>(work: (text: string) => T, limit = 200_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    // One lookup on the hot path: answers are never undefined (the type says so).
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const answer = work(text);
    if (known.size < limit) known.set(text, answer);
    return answer;
  };
}
