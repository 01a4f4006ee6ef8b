import { Initial1795355838663 } from './1795355838663-Initial';

export const MIGRATIONS = [Initial1795355838663];
