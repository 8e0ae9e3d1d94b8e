export { compileTypst, compileTypstPdf, typstString, typstText, typstFontFamilies, typstFontList, typstFontFiles, TYPST_FONTS, TypstError, type CompileTypstOptions } from './typst.ts';
// Table documents (汇总表, 名单, 台账) as Excel and PDF, and the 推荐汇总表 built from a pack's summaryTable.
export { tableDocumentXlsx, tableDocumentPdf, type TableDocument, type TableColumn, type TableGroup, type TableCell } from './table-document.ts';
export { summaryTableDocument, chineseDate, type SummaryEntry, type SummaryHeader } from './summary.ts';
