/**
 * `derive` of an object's text, remembered per object (and derived again if
 * its text has changed since): the same statements are normalised on page
 * after page and in count after count, at 5,000 articles tens of thousands
 * of times each for a state's page. The value may be filled in further by its
 * users (a lazily made part), since the same object is given back each time.
 */
export function rememberedByText<V>(derive: (text: string) => V): (item: { readonly text: string }) => V {
  const memo = new WeakMap<object, { text: string; value: V }>();
  return (item) => {
    const known = memo.get(item);
    if (known && known.text === item.text) return known.value;
    const value = derive(item.text);
    memo.set(item, { text: item.text, value });
    return value;
  };
}
