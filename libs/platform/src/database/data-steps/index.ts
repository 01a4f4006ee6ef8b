import { bindCiphertextsToRows } from './1796050000000-BindCiphertextsToRows';
import { DataStep } from './data-step';

/** In the order they run; never edit a landed step (add a new one). */
export const DATA_STEPS: DataStep[] = [bindCiphertextsToRows];
