import type PDFDocument from 'pdfkit';

// A tiny layout engine for pdfkit: the report is a list of blocks of known height, paginated
// before anything is drawn. Knowing every page up front gives "Seite x von y" without buffering
// the pages, so the PDF streams out page by page as it is drawn.

export type Doc = InstanceType<typeof PDFDocument>;

export const PAGE = { width: 595.28, height: 841.89, left: 48, right: 48, top: 78, bottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const INK = '#212529';
export const DIMMED = '#868e96';
export const RULE = '#dee2e6';

export type Block = {
  height: number;
  draw: (doc: Doc, y: number) => void;
  /** Space the next block needs on the same page (a heading stays with its first row). */
  keepWithNext?: boolean;
  /** Drawn again at the top of a page when a table continues there. */
  repeatHeader?: Block;
};

export type Placed = { block: Block; y: number };

/** Assigns every block a page and a position; a block never splits. */
export function paginate(blocks: Block[]): Placed[][] {
  const pages: Placed[][] = [[]];
  let y: number = PAGE.top;
  // A block that keeps with the next one needs room for the whole chain up to the first free block.
  const needed = (index: number): number => {
    const block = blocks[index];
    if (!block) return 0;
    return block.height + (block.keepWithNext ? needed(index + 1) : 0);
  };
  const fits = (index: number) => y + needed(index) <= CONTENT_BOTTOM;
  blocks.forEach((block, index) => {
    const page = pages[pages.length - 1] as Placed[];
    if (!fits(index) && page.length > 0) {
      pages.push([]);
      y = PAGE.top;
      if (block.repeatHeader) {
        (pages[pages.length - 1] as Placed[]).push({ block: block.repeatHeader, y });
        y += block.repeatHeader.height;
      }
    }
    (pages[pages.length - 1] as Placed[]).push({ block, y });
    y += block.height;
  });
  return pages;
}

/** Text cut to one line of the given width, with "…" when it had to be cut. */
export function fitText(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

export type Column<T> = {
  header: string;
  width: number;
  align?: 'left' | 'right';
  value: (row: T) => string;
  bold?: (row: T) => boolean;
  color?: (row: T) => string | null;
  /** Lines the cell may wrap to (the row must be high enough); one by default. */
  lines?: number;
};

/** One line of cells, each cut to its column's width. */
function drawCells<T>(
  doc: Doc,
  columns: Column<T>[],
  y: number,
  cell: (c: Column<T>, i: number) => string,
  style: (c: Column<T>) => { font: string; color: string },
) {
  let x: number = PAGE.left;
  for (const [i, column] of columns.entries()) {
    const { font, color } = style(column);
    doc.font(font).fillColor(color);
    const width = column.width - 6;
    const align = column.align ?? 'left';
    if ((column.lines ?? 1) > 1) {
      const height = doc.currentLineHeight(true) * (column.lines ?? 1);
      doc.text(cell(column, i), x + 3, y, { width, height, align, ellipsis: '…' });
    } else {
      doc.text(fitText(doc, cell(column, i), width), x + 3, y, { width, align, lineBreak: false });
    }
    x += column.width;
  }
}

/** A table as blocks: a header row, repeated on every page it continues to, and one block per row. */
export function tableBlocks<T>(
  columns: Column<T>[],
  rows: T[],
  options: { rowHeight?: number; fontSize?: number; footer?: string[] } = {},
): Block[] {
  const rowHeight = options.rowHeight ?? 16;
  const fontSize = options.fontSize ?? 8.5;
  const header: Block = {
    height: rowHeight + 2,
    draw: (doc, y) => {
      doc.fontSize(fontSize);
      drawCells(
        doc,
        columns,
        y + 4,
        (c) => c.header,
        () => ({ font: BOLD, color: INK }),
      );
      doc
        .moveTo(PAGE.left, y + rowHeight + 1)
        .lineTo(PAGE.left + CONTENT_WIDTH, y + rowHeight + 1)
        .lineWidth(0.8)
        .strokeColor(INK)
        .stroke();
    },
  };
  const lines = Math.max(1, ...columns.map((c) => c.lines ?? 1));
  const rowBlock = (
    cell: (c: Column<T>, i: number) => string,
    style: (c: Column<T>) => { font: string; color: string },
    isFooter: boolean,
  ): Block => ({
    height: rowHeight,
    repeatHeader: header,
    draw: (doc, y) => {
      doc.fontSize(fontSize);
      drawCells(doc, columns, lines > 1 ? y + 4 : y + (rowHeight - fontSize) / 2, cell, style);
      doc
        .moveTo(PAGE.left, y + rowHeight)
        .lineTo(PAGE.left + CONTENT_WIDTH, y + rowHeight)
        .lineWidth(isFooter ? 0.8 : 0.4)
        .strokeColor(isFooter ? INK : RULE)
        .stroke();
    },
  });
  const footer = options.footer;
  return [
    { ...header, keepWithNext: true },
    ...rows.map((row) =>
      rowBlock(
        (c) => c.value(row),
        (c) => ({ font: c.bold?.(row) ? BOLD : FONT, color: c.color?.(row) ?? INK }),
        false,
      ),
    ),
    ...(footer
      ? [
          rowBlock(
            (_c, i) => footer[i] ?? '',
            () => ({ font: BOLD, color: INK }),
            true,
          ),
        ]
      : []),
  ];
}

/** A section heading that stays with what follows it. */
export function headingBlock(text: string, subtitle?: string): Block {
  return {
    height: subtitle ? 40 : 28,
    keepWithNext: true,
    draw: (doc, y) => {
      doc
        .font(BOLD)
        .fontSize(12.5)
        .fillColor(INK)
        .text(text, PAGE.left, y + 8, { lineBreak: false });
      if (subtitle) {
        doc
          .font(FONT)
          .fontSize(8.5)
          .fillColor(DIMMED)
          .text(fitText(doc, subtitle, CONTENT_WIDTH), PAGE.left, y + 25, { lineBreak: false });
      }
    },
  };
}

/** Empty space. */
export const gap = (height: number): Block => ({ height, draw: () => {} });

/** A line of dimmed text, e.g. "Keine Einträge". */
export function noteBlock(text: string): Block {
  return {
    height: 16,
    draw: (doc, y) => {
      doc
        .font(FONT)
        .fontSize(9)
        .fillColor(DIMMED)
        .text(fitText(doc, text, CONTENT_WIDTH), PAGE.left, y + 3, {
          lineBreak: false,
        });
    },
  };
}
