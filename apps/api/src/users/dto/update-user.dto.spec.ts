import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateUserDto } from './update-user.dto';

const problems = (body: object) =>
  validateSync(plainToInstance(UpdateUserDto, body), { whitelist: true, forbidNonWhitelisted: true }).flatMap(
    (e) => Object.values(e.constraints ?? {}),
  );

describe('UpdateUserDto', () => {
  it('takes any subset of name, role, team and active', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ name: 'Ada', role: 'manager', teamId: null, active: false })).toEqual([]);
  });

  it('keeps the rules of a new user for name and role', () => {
    expect(problems({ name: '' })).toEqual(['name must be longer than or equal to 1 characters']);
    expect(problems({ name: 'x'.repeat(121) })).toEqual([
      'name must be shorter than or equal to 120 characters',
    ]);
    expect(problems({ role: 'owner' })).toEqual([
      'role must be one of: agent, team_lead, manager, privacy_officer, admin',
    ]);
  });

  it('says what a team id must be', () => {
    expect(problems({ teamId: 'team-1' })).toEqual(['teamId must be a team id or null']);
  });
});
