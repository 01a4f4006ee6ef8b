/** Invented people and questions for the demo inbox; every identifier here is fictitious. */
export interface DemoConversation {
  channel: 'whatsapp' | 'facebook' | 'linkedin';
  sender: string;
  name: string;
  messages: string[];
  /** Facebook: written as comments under a page post instead of in Messenger. */
  comment?: boolean;
}

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    channel: 'whatsapp',
    sender: '31611100001',
    name: 'Lotte Verbeek',
    messages: [
      'Hoi! Ik ben Lotte Verbeek en ik zit in 6 vwo. Wanneer is de volgende open dag voor Geneeskunde?',
      'En kan ik me dan ook meteen aanmelden voor een meeloopdag? Mijn mail is lotte.verbeek@example.nl',
    ],
  },
  {
    channel: 'whatsapp',
    sender: '31611100002',
    name: 'Mehmet Yilmaz',
    messages: [
      'Goedemiddag, mijn zoon Emre wil HBO-ICT gaan doen maar heeft wiskunde A. Is dat genoeg? Groet, Mehmet Yilmaz',
    ],
  },
  {
    channel: 'whatsapp',
    sender: '31611100003',
    name: 'Priya Sharma',
    messages: [
      'Hello, I am an international student from India. What is the tuition fee for the MSc Data Science for non-EU students?',
      'Also, does the university help with housing? You can reach me on +31 6 2233 4455.',
    ],
  },
  {
    channel: 'whatsapp',
    sender: '31611100004',
    name: 'Daan de Boer',
    messages: [
      'Ik heb mijn studentnummer 4839201 maar kan niet inloggen op het studentenportaal, kunnen jullie helpen?',
    ],
  },
  {
    channel: 'facebook',
    sender: '7311200000000001',
    name: 'Sophie Bakker',
    messages: [
      'Is er dit jaar nog een numerus fixus voor Fysiotherapie? En tot wanneer kan ik me aanmelden?',
    ],
  },
  {
    channel: 'facebook',
    sender: '7311200000000002',
    name: 'Noah Visser',
    messages: [
      'Ik heb dyslexie, krijg ik extra tijd bij tentamens als ik Rechten ga studeren?',
      'Groetjes, Noah',
    ],
  },
  {
    channel: 'facebook',
    sender: '7311200000000003',
    name: 'Emma Smit',
    comment: true,
    messages: [
      'Wanneer beginnen de introductiedagen in augustus? Ik woon op Kerkstraat 12a, 3511 AB Utrecht, krijg ik een brief?',
    ],
  },
  {
    channel: 'linkedin',
    sender: 'urn:li:person:demo0000001',
    name: 'Arjun Mehta',
    messages: [
      'Dear admissions team, I hold a BCom from Delhi University and would like to know if I need a pre-master for the MSc Supply Chain Management. Kind regards, Arjun Mehta',
    ],
  },
  {
    channel: 'linkedin',
    sender: 'urn:li:person:demo0000002',
    name: 'Julia Schmidt',
    messages: ['Is the part-time MBA taught in English, and are there evening classes? Best, Julia'],
  },
  {
    channel: 'whatsapp',
    sender: '31611100005',
    name: 'Fatima El Amrani',
    messages: [
      'Hallo, ik wil mijn collegegeld in termijnen betalen. Mijn IBAN is NL91ABNA0417164300. Kan dat nog?',
    ],
  },
  {
    channel: 'whatsapp',
    sender: '31611100006',
    name: 'Tim Jansen',
    messages: ['Hoi, kan ik de opleiding Verpleegkunde ook in deeltijd doen naast mijn werk?'],
  },
  {
    channel: 'facebook',
    sender: '7311200000000004',
    name: 'Sara Mulder',
    messages: ['Hoe werkt de studiefinanciering als ik een tussenjaar neem? Bedankt alvast! Sara'],
  },
];
