import { assignNewCases, AssignableAgent } from './case-assignment';

const agent = (id: string, teamId: string, open: number, capacity = 10): AssignableAgent => ({
  id,
  teamId,
  open,
  capacity,
});

describe('assignNewCases', () => {
  it('gives each new case to the least-loaded agent of its team, counting the cases before it', () => {
    const agents = [agent('a', 't1', 2), agent('b', 't1', 0), agent('c', 't2', 0)];
    expect(assignNewCases(['t1', 't1', 't1', 't2', 't1'], agents)).toEqual(['b', 'b', 'a', 'c', 'b']);
  });

  it('breaks ties by id so equal agents take turns', () => {
    const agents = [agent('b', 't1', 1), agent('a', 't1', 1)];
    expect(assignNewCases(['t1', 't1', 't1', 't1'], agents)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('leaves a case unassigned when every agent of the team is at capacity or there is none', () => {
    const agents = [agent('a', 't1', 1, 2)];
    expect(assignNewCases(['t1', 't1', 't2'], agents)).toEqual(['a', null, null]);
  });
});
