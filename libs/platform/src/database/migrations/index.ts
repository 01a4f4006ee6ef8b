import { Initial1795355838663 } from './1795355838663-Initial';
import { AuditAppendOnly1795356847284 } from './1795356847284-AuditAppendOnly';
import { WorkflowAndRetention1795356910507 } from './1795356910507-WorkflowAndRetention';
import { HotPathIndexes1795358255690 } from './1795358255690-HotPathIndexes';
import { SocialChannels1795360000000 } from './1795360000000-SocialChannels';
import { MessageWithheld1796030000000 } from './1796030000000-MessageWithheld';
import { Redactions1796030100000 } from './1796030100000-Redactions';
import { CommentChangeOrder1796040000000 } from './1796040000000-CommentChangeOrder';
import { LegalHoldReasonCodes1796050000000 } from './1796050000000-LegalHoldReasonCodes';
import { CaseFacts1796035955769 } from './1796035955769-CaseFacts';
import { SessionsAndAuditDetail1796035682652 } from './1796035682652-SessionsAndAuditDetail';
import { DataKeysLeaveMainDatabase1796035682653 } from './1796035682653-DataKeysLeaveMainDatabase';
import { ConsentPurposeCodes1796060000000 } from './1796060000000-ConsentPurposeCodes';
import { DataSteps1796070000000 } from './1796070000000-DataSteps';

export const MIGRATIONS = [
  Initial1795355838663,
  AuditAppendOnly1795356847284,
  WorkflowAndRetention1795356910507,
  HotPathIndexes1795358255690,
  SocialChannels1795360000000,
  MessageWithheld1796030000000,
  Redactions1796030100000,
  SessionsAndAuditDetail1796035682652,
  DataKeysLeaveMainDatabase1796035682653,
  CaseFacts1796035955769,
  CommentChangeOrder1796040000000,
  LegalHoldReasonCodes1796050000000,
  ConsentPurposeCodes1796060000000,
  DataSteps1796070000000,
];
