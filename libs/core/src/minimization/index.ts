export * from './minimization-guard';
export { findAsks } from './ask-detector';
export type { IdentifierKind } from './identifier-kinds';
export { isTrackingParameter, stripTrackingParameters, type StrippedText } from './tracking-parameters';
