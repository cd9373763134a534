/** Integer cents as German euros with cents, for messages: "3.600.000,00 €". */
export const formatEuroExactDe = (cents: number): string =>
  `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
