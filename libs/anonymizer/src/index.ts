export * from './types';
export { TokenVault } from './operators/token-vault';
export { detect } from './engine/detect';
export { anonymize } from './engine/anonymize';
export { normalizeEntityValue } from './normalize';
