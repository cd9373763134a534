/** Shades of the sequential scale, light to dark, per number of classes (Mantine blue 0–9). */
const shadesByCount: Record<number, number[]> = {
  1: [6],
  2: [3, 7],
  3: [2, 5, 8],
  4: [2, 4, 6, 8],
  5: [1, 3, 5, 7, 9],
};

export const zeroFill = 'var(--mantine-color-gray-1)';

/** A class of the scale: values above `from` up to and including `to`, and its fill. */
export interface ColourClass {
  from: number;
  to: number;
  fill: string;
}

const niceSteps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest "round" number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) not below `value`. */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = niceSteps.find((m) => m * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

/**
 * Up to `count` classes over the positive values, cut at round numbers spaced evenly on a log scale
 * between the smallest and the largest value, so that skewed figures (a few cities with most of the
 * organisations) still spread over the scale; the last class ends at the largest value. Counts get
 * whole-number bounds. Zero has its own fill.
 */
export function colourClasses(values: number[], count = 5): ColourClass[] {
  const positives = [...new Set(values.filter((value) => value > 0))].sort((a, b) => a - b);
  const min = positives[0];
  const max = positives.at(-1);
  if (min === undefined || max === undefined) return [];
  const isWhole = positives.every(Number.isInteger);
  let bounds: number[];
  if (positives.length <= count) {
    bounds = positives;
  } else {
    bounds = [];
    for (let i = 1; i < count; i++) {
      const cut = niceCeil(min * (max / min) ** (i / count));
      const bound = isWhole ? Math.ceil(cut) : cut;
      if (bound < max && bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
    }
    bounds.push(max);
  }
  const shades = shadesByCount[bounds.length] ?? [];
  return bounds.map((to, index) => ({
    from: bounds[index - 1] ?? 0,
    to,
    fill: `var(--mantine-color-blue-${shades[index] ?? 6})`,
  }));
}

/** The fill of a value on the scale. */
export function fillOf(value: number, classes: ColourClass[]): string {
  if (value <= 0) return zeroFill;
  return (classes.find((c) => value <= c.to) ?? classes.at(-1))?.fill ?? zeroFill;
}
