/** Reading a card's submitted inputs: strings trimmed, anything else treated as missing. */
export const inputText = (data: Record<string, unknown>, id: string): string => {
  const v = data[id];
  return typeof v === 'string' ? v.trim() : '';
};
