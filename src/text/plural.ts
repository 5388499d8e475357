/** "1 outlet", "3 outlets": a count with its noun in English. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
