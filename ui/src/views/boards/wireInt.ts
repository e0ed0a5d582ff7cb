// Whole numbers the core types as i64/u64 (day counts, bytes). ts-rs writes those as
// `bigint`, but serde sends and reads plain JSON numbers, and a real BigInt cannot even be
// serialised by `invoke`: at run time they are numbers. These two say so in one place; when the
// wire types carry `#[ts(type = "number")]`, vue-tsc points at every use to remove.

/** A number the core sent, typed `bigint` by the bindings. */
export const fromWire = (n: bigint | number): number => Number(n);

/** A number for the core where the bindings ask for `bigint` (JSON carries a number). */
export const toWire = (n: number): bigint => n as unknown as bigint;
