/**
 * Formatting shared by the comparison benches (`bench_signing.ts`, `bench_import.ts`,
 * `bench_bundle.ts`): aligned tables, rates, ratios, sizes and medians.
 *
 * @module
 */

/** Prints rows as an aligned table: first column left-aligned, the others right-aligned. */
export const printTable = (rows: ReadonlyArray<ReadonlyArray<string>>): void => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) {
    console.log(
      row.map((cell, c) => c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))
        .join("  "),
    );
  }
};

/** `12345.6` → `"12,346"`. */
export const formatRate = (perSecond: number): string =>
  Math.round(perSecond).toLocaleString("en-US");

/** `4.123` → `"4.12×"`. */
export const formatRatio = (ratio: number): string => `${ratio.toFixed(2)}×`;

/** Bytes → `"12.3 KB"` (KiB). */
export const formatKb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Median of a non-empty list. */
export const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
