/**
 * Numbers for keys, in the order first seen: the same key always gets the
 * same number. Hot loops compare and index by these small integers instead
 * of the strings they stand for (words, wordings, word sets).
 */
export function numbering<K>(): (key: K) => number {
  const numbers = new Map<K, number>();
  return (key) => {
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(key, number);
    }
    return number;
  };
}
