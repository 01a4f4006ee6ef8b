import { detect } from '../engine/detect';

const persons = (text: string): string[] =>
  detect(text)
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => text.slice(e.start, e.end));

describe('person detector', () => {
  it.each([
    ['Hoi! Ik ben Lieke van der Berg en ik zit in 5 havo.', ['Lieke van der Berg']],
    ["Gr. Petra van 't Hof", ["Petra van 't Hof"]],
    ['Beste mevrouw Van den Heuvel, ik heb een vraag.', ['Van den Heuvel']],
    ['Complimenten voor meneer de Hoop!', ['de Hoop']],
    ['Dear Ms Hoekstra, I would like to apply.', ['Hoekstra']],
    ['t.n.v. G.H. Dijkstra', ['G.H. Dijkstra']],
    ['er staat M. El Idrissi maar het moet Mounir El Idrissi zijn', ['M. El Idrissi', 'Mounir El Idrissi']],
    ['Goedendag, ik schrijf namens mijn dochter Roos.', ['Roos']],
    ['Hallo, mijn naam is Wendy Tjon A Fong.', ['Wendy Tjon A Fong']],
    ['Thanks, Ben Whitaker', ['Ben Whitaker']],
    ["Hi it's Will again 😅 will the session be recorded?", ['Will']],
    ['Kind regards,\nArjun Mehta', ['Arjun Mehta']],
    ["Hi, I'm Nguyen Thi Lan from Vietnam.", ['Nguyen Thi Lan']],
    ['Gister met Sven en Tygo naar de open dag geweest', ['Sven', 'Tygo']],
    ['Fleur kijk dit is die open avond!!', ['Fleur']],
  ])('finds the names in %j', (text, expected) => expect(persons(text)).toEqual(expected));

  it('finds lower-case names in informal chat when cued', () => {
    expect(persons('hallo ik ben fatima ik wil verpleegkunde doen')).toEqual(['fatima']);
    expect(persons('kan dat? groetjes kevin')).toEqual(['kevin']);
    expect(persons('kees hier, vader van lotte. bel mij maar')).toEqual(['kees', 'lotte']);
    expect(persons('mijn naam is ricardo martina tel 0618827645')).toEqual(['ricardo martina']);
  });

  it('leaves ordinary words that look like names alone', () => {
    expect(persons('Mag ik mijn hond meenemen? Ben benieuwd!')).toEqual([]);
    expect(persons('ik ben bang dat ik te laat ben, ik ben christen')).toEqual([]);
    expect(persons('Storm komt eraan, gaat de open dag door?')).toEqual([]);
    expect(persons('Will the lectures be recorded? May I ask?')).toEqual([]);
    expect(persons('Roos en rozen op de open dag')).toEqual([]);
  });

  it('does not take organisations, programmes, places or months for people', () => {
    expect(persons('Ik heb een bachelor van Istanbul Teknik Üniversitesi en woon in Hong Kong.')).toEqual([]);
    expect(
      persons('Is de bachelor Pedagogische Wetenschappen in Utrecht? Of Integrale Veiligheidskunde?'),
    ).toEqual([]);
    expect(persons('De open dag is op 1 mei, de deadline 1 May.')).toEqual([]);
    expect(persons('Do I need IELTS for the BSc Computer Science at Delhi University?')).toEqual([]);
  });

  it('finds all occurrences of a found name, in any case', () => {
    expect(persons('Groet, Rutger\n\nPS rutger is ook mijn gebruikersnaam')).toEqual(['Rutger', 'rutger']);
  });

  it('continues a cued lower-case name with a listed surname that is also a word', () => {
    expect(persons('hoi mijn naam is noor bakker, klopt het?')).toEqual(['noor bakker']);
  });
});
