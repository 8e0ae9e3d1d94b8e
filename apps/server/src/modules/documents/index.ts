export { compileTypstPdf, typstString, typstText, typstFontFamilies, typstFontList, typstFontFiles, TYPST_FONTS, TypstError, type CompileTypstOptions } from './typst.ts';
