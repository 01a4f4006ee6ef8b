import { detectAddresses } from './address.detector';
import { detectPostcodes } from './postcode.detector';
import type { Candidate } from './candidate';

const spans = (cs: Candidate[], text: string): string[] =>
  cs.map((c) => `${c.type}:${text.slice(c.start, c.end)}`);
const addresses = (text: string, allow?: { addresses?: string[] }): string[] =>
  spans(detectAddresses({ text, options: { allow } }), text);

describe('address detector', () => {
  it.each([
    ['Het adres is Vondellaan 47b, Utrecht', 'Vondellaan 47b'],
    ['Ik woon op Kerkstraat 12 A in Zwolle', 'Kerkstraat 12 A'],
    ['Stationsweg 9-II, Leiden', 'Stationsweg 9-II'],
    ['Jan van Galenstraat 112-3, Amsterdam', 'Jan van Galenstraat 112-3'],
    ['adres: Oude Rijksweg 3 Oosterwolde', 'Oude Rijksweg 3'],
    ['Kortrijksesteenweg 211 Gent', 'Kortrijksesteenweg 211'],
    ['My address is Via Garibaldi 24 in Torino', 'Via Garibaldi 24'],
    ['send it to 221B Baker Street please', '221B Baker Street'],
    ['I moved to 1425 North Maple Boulevard.', '1425 North Maple Boulevard'],
    ['ship to 515 Highland St., apt 4', '515 Highland St.'],
    ['at 7727 Lakeview Rd in Denver', '7727 Lakeview Rd'],
    ['to 42 Elm Street, Springfield, IL 62704 asap', '42 Elm Street, Springfield, IL 62704'],
    ['at 9 Park Ave, Apt 4B, New York, NY 10001-2345.', '9 Park Ave, Apt 4B, New York, NY 10001-2345'],
    ['to 4 Main St, Suite 40B, Boston, MA 05828-4998', '4 Main St, Suite 40B, Boston, MA 05828-4998'],
    ['at 10 Church Road, London SW1A 1AA', '10 Church Road, London SW1A 1AA'],
    ['Address: 6636 Park Boulevard\nChapter 11, page 3', '6636 Park Boulevard'],
  ])('finds the street address in %j', (text, expected) => {
    expect(addresses(text).filter((s) => s.startsWith('ADDRESS'))).toEqual([`ADDRESS:${expected}`]);
  });

  it('finds a foreign postcode right after an address, and after "woon in"', () => {
    expect(addresses('Kortrijksesteenweg 211, 9000 Gent')).toContain('POSTCODE:9000');
    expect(addresses('Ik woon in 2300 Turnhout.')).toEqual(['POSTCODE:2300']);
  });

  it('keeps a signature name on the line above out of the street', () => {
    expect(
      addresses('Met vriendelijke groet,\nWillemijn ter Horst\nKerkweg 112-2\n7411 EX Deventer'),
    ).toEqual(['ADDRESS:Kerkweg 112-2']);
  });
  it('skips allow-listed institution addresses', () => {
    expect(addresses('Kom naar Heidelberglaan 15', { addresses: ['Heidelberglaan 15'] })).toEqual([]);
  });
});

describe('postcode detector', () => {
  const postcodes = (text: string): string[] => spans(detectPostcodes({ text, options: {} }), text);
  it('finds Dutch postcodes with and without space', () => {
    expect(postcodes('3521 GE Utrecht en 5038NP')).toEqual(['POSTCODE:3521 GE', 'POSTCODE:5038NP']);
  });
  it('ignores years and lowercase words', () => {
    expect(postcodes('sinds 2019 in Nederland en 2020 ok')).toEqual([]);
    expect(postcodes('4000 SS')).toEqual([]);
  });
});
