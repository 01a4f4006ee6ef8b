import { Initial1795355838663 } from './1795355838663-Initial';
import { AuditAppendOnly1795356847284 } from './1795356847284-AuditAppendOnly';
import { WorkflowAndRetention1795356910507 } from './1795356910507-WorkflowAndRetention';
import { HotPathIndexes1795358255690 } from './1795358255690-HotPathIndexes';
import { SessionsAndAuditDetail1796035682652 } from './1796035682652-SessionsAndAuditDetail';
import { DataKeysLeaveMainDatabase1796035682653 } from './1796035682653-DataKeysLeaveMainDatabase';

export const MIGRATIONS = [
  Initial1795355838663,
  AuditAppendOnly1795356847284,
  WorkflowAndRetention1795356910507,
  HotPathIndexes1795358255690,
  SessionsAndAuditDetail1796035682652,
  DataKeysLeaveMainDatabase1796035682653,
];
