import { detect } from '../engine/detect';
import type { EntityType } from '../types';

const found = (text: string, type?: EntityType, allow?: object): string[] =>
  detect(text, { allow })
    .entities.filter((e) => !type || e.type === type)
    .map((e) => `${e.type}:${text.slice(e.start, e.end)}`);

describe('institution values are not personal', () => {
  it('skips role mailboxes and allow-listed addresses', () => {
    expect(found('mail admissions@buas.nl of info@hu.nl of studentenbalie@hva.nl', 'EMAIL')).toEqual([]);
    expect(found('mail webcare@school.nl', 'EMAIL', { emails: ['webcare@school.nl'] })).toEqual([]);
    expect(found('mail jan@school.nl', 'EMAIL', { domains: ['school.nl'] })).toEqual([]);
    expect(found('mail mij op anouk.jansen@hotmail.nl', 'EMAIL')).toEqual(['EMAIL:anouk.jansen@hotmail.nl']);
  });

  it('skips the institution general numbers', () => {
    expect(found('Ik heb al 3x gebeld naar 088 - 469 6600')).toEqual([]);
  });

  it('does not flag open-day dates, deadlines, amounts, grades, course and ticket numbers', () => {
    expect(
      found('De open dag is op zaterdag 1 februari 2025 van 10:00 tot 15:00, deadline 15 januari.'),
    ).toEqual([]);
    expect(
      found('Collegegeld € 2.530, gemiddeld een 7,4, vak BIM-2A, zaaknummer 2025-01477, lokaal D1.045.'),
    ).toEqual([]);
  });
});

describe('dates of birth need a cue', () => {
  it.each([
    ['geboortedatum 04-11-2006', '04-11-2006'],
    ['DOB 2003-08-19.', '2003-08-19'],
    ['ik ben geboren op 9 september 2006', '9 september 2006'],
    ['my son (born March 3rd 2006) finished', 'March 3rd 2006'],
    ['mijn dochter Sophie Tan (12-5-2006) is toegelaten', '12-5-2006'],
    ['I was born on March 3rd, 1999 in Leeds', 'March 3rd, 1999'],
    ['DOB: 03/15/1990', '03/15/1990'],
    ['date of birth 15 March 1990', '15 March 1990'],
    ['D.O.B. 1990-03-15', '1990-03-15'],
    ['born 14-Jul-1957', '14-Jul-1957'],
    ['born the 21st of August, 2004', '21st of August, 2004'],
    ['my birthday is Sept. 2 2001', 'Sept. 2 2001'],
    ['geboren op 1 mei 2004', '1 mei 2004'],
    ['geboortedatum: 3e maart 2001', '3e maart 2001'],
    ['geb. 12 okt. 1999', '12 okt. 1999'],
    ["born 4 July '90", "4 July '90"],
    ['geboren 22ste februari 2005', '22ste februari 2005'],
  ])('%j', (text, expected) => expect(found(text, 'DATE_OF_BIRTH')).toEqual([`DATE_OF_BIRTH:${expected}`]));
});

describe('numbers with cue words', () => {
  it('student and application numbers', () => {
    expect(found('Mijn studentnummer is 2159983.', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:2159983']);
    expect(found('student number s3318420', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:s3318420']);
    expect(found('(application number 2348711)', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:2348711']);
    expect(found('Student ID: A01234567', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:A01234567']);
    expect(found('student number 2021-04417, thanks', 'STUDENT_NUMBER')).toEqual([
      'STUDENT_NUMBER:2021-04417',
    ]);
    expect(found('employee no. 48213', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:48213']);
    expect(found('student number: 123-456-789', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:123-456-789']);
    expect(found('mijn personeelsnummer is 104557', 'STUDENT_NUMBER')).toEqual(['STUDENT_NUMBER:104557']);
  });
  it('leaves years and case numbers without a personal cue', () => {
    expect(found('from 2021-2024, case 2021-04417', 'STUDENT_NUMBER')).toEqual([]);
  });
  it('passport, ID card, driving licence and V-numbers', () => {
    expect(found('Passport no. K4829163 (Indian)', 'ID_NUMBER')).toEqual(['ID_NUMBER:K4829163']);
    expect(found('paspoortnummer NT8R24KL5 en', 'ID_NUMBER')).toEqual(['ID_NUMBER:NT8R24KL5']);
    expect(found('Mijn V-nummer is 2847193056.', 'ID_NUMBER')).toEqual(['ID_NUMBER:2847193056']);
    expect(found('rijksregisternummer: 05.04.12-273.14.', 'ID_NUMBER')).toEqual([
      'ID_NUMBER:05.04.12-273.14',
    ]);
  });
  it('US social security and UK National Insurance numbers by their issuing rules', () => {
    expect(found('SSN 536-22-1784 on file', 'ID_NUMBER')).toEqual(['ID_NUMBER:536-22-1784']);
    expect(found('NI number: QQ 12 34 56 C', 'ID_NUMBER')).toEqual([]); // QQ is never issued
    expect(found('NI number: JM 21 84 65 B', 'ID_NUMBER')).toEqual(['ID_NUMBER:JM 21 84 65 B']);
    expect(found('ref 666-12-3456 and 123-00-4567 and 900-12-3456', 'ID_NUMBER')).toEqual([]);
  });
});

describe('network and online identity', () => {
  it('IPv4 and IPv6', () => {
    expect(found('mijn ip is 77.161.88.34 als dat helpt', 'IP_ADDRESS')).toEqual(['IP_ADDRESS:77.161.88.34']);
    expect(found("It's 2a02:a46e:7f21:1:d4c3:98ff:fe12:3b7a. Can you", 'IP_ADDRESS')).toEqual([
      'IP_ADDRESS:2a02:a46e:7f21:1:d4c3:98ff:fe12:3b7a',
    ]);
    expect(found('om 17:00 en IELTS 6.5 of 999.1.1.1', 'IP_ADDRESS')).toEqual([]);
  });
  it('personal profile URLs but not institution pages', () => {
    expect(found('My profile: linkedin.com/in/arjun-mehta-scm\n', 'URL')).toEqual([
      'URL:linkedin.com/in/arjun-mehta-scm',
    ]);
    expect(found('zie instagram.com/yara.naait groetjes', 'URL')).toEqual(['URL:instagram.com/yara.naait']);
    expect(found('of via facebook.com/wesley.doornbos.5 Groet', 'URL')).toEqual([
      'URL:facebook.com/wesley.doornbos.5',
    ]);
    expect(
      found('saw it on linkedin.com/school/tias-business-school and www.hu.nl/open-dagen', 'URL'),
    ).toEqual([]);
    expect(found('Here is my LinkedIn: www.kofimensah.com', 'URL')).toEqual(['URL:www.kofimensah.com']);
    expect(found('I follow you on LinkedIn and Instagram, see www.hu.nl', 'URL')).toEqual([]);
  });
  it('@handles of people, not of organisations', () => {
    expect(found('@UniversiteitUtrecht is er plek? My friend @jade.nguyen_ also', 'HANDLE')).toEqual([
      'HANDLE:@jade.nguyen_',
    ]);
  });
});

describe('special categories are flagged, not stripped', () => {
  it.each([
    ['Ik heb dyslexie en ADHD.', ['HEALTH']],
    ['I was arrested during Extinction Rebellion blockades.', ['POLITICS', 'CRIMINAL']],
    ['Ik draag een hoofddoek en wil bidden.', ['RELIGION']],
    ['Hoi, ik ben lesbisch.', ['SEXUAL_ORIENTATION']],
    ['Ik ben een Marokkaans-Nederlandse vrouw.', ['ETHNICITY']],
    ['Best regards, Md. Rafiqul Islam', []],
  ])('%j', (text, expected) => expect(detect(text).special).toEqual(expected));
});
