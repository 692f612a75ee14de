/**
 * Page setup of every workbook we write (the templates through exceljs here; the
 * summary and the send-back pack in summary-xlsx.ts, alike): A4 landscape, one page wide and as many long as it takes, the
 * header rows repeated on every page, a footer with the sheet name, the page
 * and a note on the right (the as-of date, or the template version).
 */
import type ExcelJS from "exceljs";

export function printSetup(footerNote: string, titleRows: string | null): Pick<Partial<ExcelJS.AddWorksheetOptions>, "pageSetup" | "headerFooter"> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: footerText(footerNote) },
  };
}

/** The footer: sheet name on the left, page of pages in the middle, the note on the right. */
export const footerText = (note: string): string => `&L&A&C第 &P 页，共 &N 页&R${note}`;
