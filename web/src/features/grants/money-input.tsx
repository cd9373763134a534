import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useFormat } from '../../lib/use-format';

/** A euro amount typed with the interface language's separators ("1.234,56" in German). */
export function MoneyInput(props: Omit<NumberInputProps, 'decimalScale' | 'thousandSeparator' | 'decimalSeparator'>) {
  const format = useFormat();
  const german = format.language === 'de';
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      thousandSeparator={german ? '.' : ','}
      decimalSeparator={german ? ',' : '.'}
      suffix=" €"
      hideControls
      allowNegative={false}
      {...props}
    />
  );
}
