// The writer libraries load on first use: exceljs, pdfmake and echarts together add ~85 MB to a process, which
// the engine (desktop, CLI, browser host) should not carry until someone exports.
import type ExcelJS from 'exceljs';
import type PdfPrinter from 'pdfmake';

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function loadPdfPrinter(): Promise<typeof PdfPrinter> {
  return (await import('pdfmake')).default;
}

export function loadEcharts(): Promise<typeof import('echarts')> {
  return import('echarts');
}
