import { detect } from '../libs/anonymizer/src/engine/detect';
const msgs = [
  'Hoi, ik ben Femke Hoogland en ik wil graag weten wanneer de open dag van Social Work is. Groetjes',
  'Goedemiddag, mijn dochter Lotte wil Rechten studeren. Kunt u mij bellen op 06-23456789? Mvg Karel de Graaf',
  'Hi, my name is Joaquín Herrera and I am from Chile. Is the IELTS required? Thanks, Joaquín',
  'Bedankt Ingrid voor de rondleiding gisteren! Groeten, Pim',
  'ik ben daan en ik wil vragen of ik mag instromen in februari',
  'Dear Mr. Verbruggen, I would like to apply. Best regards, Aleksandra Kowalczyk',
  'Kan iemand mij helpen? Mijn e-mail is p.jansen1999@gmail.com en mijn bsn is 111222333.',
  'Wanneer is de deadline voor Geneeskunde? Ik hoorde 15 januari.',
  'Mijn adres is Kerkstraat 12 A, 1234 AB Amsterdam. Studentnummer 4567890.',
  'Roos en ik komen samen naar de open dag! Bas ook?',
  'Hallo, ik heb een vraag over mijn inschrijving. Met vriendelijke groet, Thomas van der Meer',
  'Is het mogelijk om Bedrijfskunde in deeltijd te doen? Alvast bedankt!',
  'Hey Noor, weet jij wanneer de intro begint? xx Isa',
  'Beste meneer Bakker, ik kan helaas niet komen. Groet, Sem',
  'My son Oliver Smith will visit the campus on 12 March. You can call me at +44 20 7946 0958. Kind regards, Emily Smith',
  'ik heb een vraag over studiefinanciering. groetjes, lisa',
  'Vanaf welke datum kan ik me aanmelden voor de Master Data Science? Ik heb een bachelor van de Universiteit Gent.',
  'Ik woon op Dorpsstraat 5, 9999 ZZ Ergens. Bel me op 0612345678. Hanneke',
  'Mag ik mijn hond meenemen naar de open dag? Ben benieuwd!',
  'Storm komt eraan, gaat de open dag door?',
  'Will the lectures be recorded? Mark my words, I will ask again.',
  'Hi Jan, heb je mijn mail ontvangen? Groetjes Wim',
  'Zijn er nog kamers beschikbaar via SSH? Ik kom uit Friesland.',
  'Please contact me at admissions@hva.nl or info@hu.nl for questions.',
  'Bel ons gerust op 088 - 525 1234 of 0800-1234.',
  'I was born on 4 July 2004 in Lagos. My passport number is A12345678.',
  'Mijn geboortedatum is 3-3-2005 en mijn V-nummer 1234567890.',
  'Yusuf Demir hier, kan ik mijn aanmelding nog wijzigen?',
  'Hello, I am Fatou Ndiaye from Senegal. Merci!',
  'Check mijn portfolio op www.jesperdevries.nl en insta @jesper.designs',
];
for (const m of msgs) {
  const r = detect(m);
  console.log(m.slice(0, 70).padEnd(70), '=>', r.entities.map((e) => `${e.type}:${m.slice(e.start, e.end)}`).join(' | '), r.special.join(','));
}
