import { NumberInput, type NumberInputProps } from '@mantine/core';
import { numberSeparators } from '../../lib/format';
import { useFormat } from '../../lib/use-format';

/** A euro amount typed with the interface language's separators ("1.234,56" in German and Italian). */
export function MoneyInput(props: Omit<NumberInputProps, 'decimalScale' | 'thousandSeparator' | 'decimalSeparator'>) {
  const format = useFormat();
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      {...numberSeparators(format.language)}
      suffix=" €"
      hideControls
      allowNegative={false}
      {...props}
    />
  );
}
