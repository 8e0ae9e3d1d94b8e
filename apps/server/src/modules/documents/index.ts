export { compileTypst, compileTypstPdf, typstString, typstText, typstFontFamilies, typstFontList, typstFontFiles, TYPST_FONTS, TypstError, type CompileTypstOptions } from './typst.ts';
// Table documents (汇总表, 名单, 台账) as Excel and PDF, and the 推荐汇总表 built from a pack's summaryTable.
export { tableDocumentXlsx, tableDocumentPdf, type TableDocument, type TableColumn, type TableGroup, type TableCell } from './table-document.ts';
export { summaryTableDocument, chineseDate, type SummaryEntry, type SummaryHeader } from './summary.ts';
// 批量导出 (bulk export of a call's applications as one ZIP, built in the background).
export { exportRoutes } from './export-routes.ts';
// 申报书 as PDF and Word from one document model, and the public check of a printed copy (申报材料核验).
export { documentRoutes } from './routes.ts';
export { buildApplicationDocument, applicationDocumentOf, readApplicationDocument, withComputedFields, type ApplicationDocument } from './application-document.ts';
export { renderApplicationPdf, applicationTypst } from './application-pdf.ts';
export { renderApplicationDocx } from './application-docx.ts';
export { verifyPrintedCopy } from './verification.ts';
export { PdfRenderPool } from './export-pdf-pool.ts';
