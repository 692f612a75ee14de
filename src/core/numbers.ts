/**
 * The largest and smallest of a list of any length. Math.max(...list) passes
 * every element as an argument and throws a RangeError past about 100,000 –
 * a size a 50,000-row export reaches (its payments, its findings).
 */
export const maxOf = (values: readonly number[], empty = -Infinity): number => values.reduce((a, b) => (b > a ? b : a), empty);

export const minOf = (values: readonly number[], empty = Infinity): number => values.reduce((a, b) => (b < a ? b : a), empty);
