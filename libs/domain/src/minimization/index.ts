export * from './minimization-guard';
export type { InboundMessageFacts } from './inbound-context';
export { findAsks } from './ask-detector';
export type { IdentifierKind } from './identifier-kinds';
export { isTrackingParameter, stripTrackingParameters, type StrippedText } from './tracking-parameters';
