export { validateAnswers, computeFields, directionIds, categoryPath, findField, ruleBindings } from './validate.ts';
export type { Answers, RuleContext, ValidationResult, AttachmentAnswer } from './validate.ts';
export { checkExpression, countChars, evaluate } from './expressions.ts';
export { variant, chars, type PackCase } from './cases.ts';
