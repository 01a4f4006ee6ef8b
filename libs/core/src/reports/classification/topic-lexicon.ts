import { Topic } from '../dimensions';

/**
 * Topic cues per language, written from admissions practice (not fitted to the evaluation set).
 * Pattern syntax: `word` exact lemma, `stem*` prefix (Dutch inflections and compounds starting
 * with it), `*part*` anywhere in a word (Dutch compounds ending in it), several words for a
 * phrase. Weights: 3 a cue that alone names the topic, 2 strong, 1 supporting; generic words that
 * appear in nearly every message (opleiding, programme) weigh less so a specific cue wins.
 */
export type TopicLexicon = Partial<Record<Topic, Record<string, number>>>;

export const DUTCH_TOPICS: TopicLexicon = {
  admission: {
    'toelat*': 3, 'toegelaten': 3, 'toelaatbaar': 3, 'vooropleiding*': 3, 'vooropl*': 2, 'toelatingseis*': 3,
    'eisen': 2, 'eis': 1, 'vereist*': 2, 'voldoe*': 2, 'selectie*': 3, 'numerus': 3, 'fixus': 3, 'loting': 3,
    'decentrale': 2, 'colloquium': 3, '21+': 3, 'deficienti*': 3, 'premaster*': 3, 'schakel*': 3,
    'vwo': 1, 'havo': 1, 'mbo': 1, 'mbo-4': 1, 'profiel': 2, 'vakkenpakket': 3, 'wiskunde': 1, 'cijfer*': 1,
    'intake*': 2, 'aangenomen': 2, 'binnenkomen': 2, 'zonder diploma': 2, 'diploma': 1, 'doorstromen': 2,
    'doorstroom*': 2, 'instroom*': 2, 'geschikt': 1,
  },
  application: {
    'aanmeld*': 3, 'aangemeld': 3, 'inschrijv*': 3, 'ingeschreven': 3, 'inschrijf*': 3, 'studielink': 3,
    'uitschrijv*': 3, 'uitgeschreven': 3, 'deadline*': 2, 'uiterlijk': 1, '1 mei': 2, 'motivatiebrief*': 3,
    'uploaden': 2, 'geupload': 2, 'documenten': 1, 'formulier*': 1, 'digid': 2, 'bevestiging*': 2,
    'status': 1, 'verzoek tot inschrijving': 3, 'afgewezen': 1, 'plaatsing*': 2, 'annuleren': 2,
  },
  open_day: {
    'open dag': 3, 'open dagen': 3, 'opendag*': 3, 'meeloopdag*': 3, 'meelopen': 3, 'proefstuder*': 3,
    'proefles*': 3, 'voorlichting*': 3, 'informatieavond*': 3, 'infoavond*': 3, 'rondleiding*': 3,
    'kennismakingsdag*': 3, 'open avond': 3, 'bezoeken': 1, 'langskomen': 2, 'aanmelden voor de': 1,
    'webinar*': 2, 'campus bekijken': 2, 'kijkje': 2,
  },
  tuition: {
    'collegegeld*': 3, '*collegegeld*': 3, 'lesgeld*': 3, 'schoolgeld*': 3, 'betal*': 2, 'betaald': 2,
    'termijn*': 2, 'machtiging*': 3, 'incasso*': 3, 'factuur*': 3, 'restitutie*': 3, 'terugbetal*': 2,
    'kosten': 1, 'kost': 1, 'bedrag': 2, 'euro': 1, 'tarief': 2, 'instellingstarief': 3, 'geld terug': 2,
  },
  student_finance: {
    'studiefinanciering': 3, 'stufi': 3, 'duo': 3, 'lening': 3, 'studielening': 3, 'lenen': 3,
    'aanvullende beurs': 3, 'basisbeurs': 3, 'beurs': 2, 'studentenreisproduct': 3, 'reisproduct': 3,
    'ov-kaart': 2, 'ov': 2, 'tegemoetkoming': 3, 'levenlanglerenkrediet': 3, 'collegegeldkrediet': 3,
    'toeslag*': 2, 'studievoorschot': 3, 'prestatiebeurs': 3, 'terugbetalen': 1, 'financier*': 2,
  },
  housing: {
    'kamer': 3, 'kamers': 3, '*kamer': 3, 'studentenkamer*': 3, 'huisvesting': 3, '*huisvesting': 3,
    'woonruimte': 3, 'woning*': 3, 'huur': 3, 'huren': 3, 'huurprijs': 3, 'huurtoeslag': 2, 'duwo': 3,
    'ssh': 3, 'kamernood': 3, 'studentenhuis*': 3, 'onderdak': 3, 'wonen': 2, 'appartement*': 3,
    'slapen': 1, 'accommodatie': 2, 'verhuur*': 3, 'kamerzoek*': 3, 'wachtlijst': 1, 'hospita': 3,
  },
  programme: {
    'opleiding': 1, 'opleidingen': 1, 'studie': 0.5, 'vakken': 2, 'vak': 1, 'curriculum': 3,
    'studieprogramma': 3, 'lesprogramma': 3, 'minor*': 3, 'major*': 3, 'specialisatie*': 3, 'stage*': 3,
    'afstudeer*': 3, 'afstuderen': 3, 'studiepunten': 3, 'ec': 2, 'propedeuse': 3, 'deeltijd': 2,
    'voltijd': 2, 'duaal': 2, 'inhoud': 2, 'leer je': 2, 'leren we': 2, 'beroep*': 2, 'praktijk*': 2,
    'projecten': 2, 'keuzevak*': 3, 'studielast': 2, 'master': 1, 'bachelor': 1, 'ad': 1, 'associate': 1,
  },
  schedule: {
    'rooster*': 3, '*rooster*': 3, 'lesrooster*': 3, 'collegetijden': 3, 'lestijden': 3, 'lesdagen': 3,
    'hoe laat': 3, 'welke dagen': 3, 'begint': 2, 'beginnen': 2, 'start': 2, 'starten': 2, 'startdatum': 3,
    'startmoment*': 3, 'introductieweek': 2, 'vakantie*': 2, 'herkansing*': 2, 'tentamenweek': 3,
    'lesuren': 3, 'uur per week': 3, 'contacturen': 3, 'ochtend': 1, 'middag': 1, 'avond': 1,
    'september': 1, 'februari': 1, 'wanneer': 1, 'datum': 1, 'data': 1, 'tijden': 2,
  },
  international: {
    'buitenland*': 3, 'buitenlands*': 3, 'nuffic': 3, 'diplomawaardering': 3, 'idw': 3,
    'verblijfsvergunning*': 3, 'visum': 3, 'ind': 3, 'internationale student*': 3, 'international*': 2,
    'ielts': 3, 'toefl': 3, 'nt2': 3, 'taaltoets': 2, 'staatsexamen': 2, 'uitwissel*': 3, 'exchange': 3,
    'eer': 2, 'niet-eu': 3, 'eu-student*': 3, 'suriname': 2, 'belgie': 2, 'duitsland': 2, 'marokko': 2,
    'turkije': 2, 'engelstalig*': 2, 'nederlandse taal': 2, 'verhuizen naar nederland': 3,
  },
  accessibility: {
    'beperking*': 3, 'functiebeperking*': 3, 'handicap*': 3, 'dyslexie': 3, 'dyscalculie': 3, 'adhd': 3,
    'add': 2, 'autisme': 3, 'ass': 2, 'rolstoel*': 3, 'toegankelijk*': 3, 'chronisch*': 3, 'ziekte': 2,
    'extra tijd': 3, 'extra tentamentijd': 3, 'voorziening*': 2, 'tentamenvoorziening*': 3,
    'studentendecaan': 3, 'decaan': 2, 'aanpassing*': 2, 'slechthorend': 3, 'slechtziend': 3, 'doof': 3,
    'blind': 3, 'lift': 2, 'ondersteuning': 1, 'begeleiding': 2, 'zorgen': 0.5, 'prikkel*': 2,
  },
};

export const ENGLISH_TOPICS: TopicLexicon = {
  admission: {
    'admission': 3, 'admissions': 2, 'admit': 3, 'admitted': 3, 'requirement': 3, 'requirements': 3,
    'entry requirement': 3, 'eligible': 3, 'eligibility': 3, 'prerequisite': 3, 'qualify': 3,
    'qualification': 2, 'selection': 3, 'numerus': 3, 'fixus': 3, 'pre-master': 3, 'premaster': 3,
    'bridging': 3, 'gpa': 2, 'grade': 1, 'math': 1, 'maths': 1, 'mathematics': 1, 'diploma': 1,
    'high school': 1, 'accept': 2, 'accepted': 2, 'get in': 2, 'enough to': 2, 'need to have': 2,
  },
  application: {
    'apply': 3, 'applied': 3, 'applying': 3, 'application': 3, 'enrol': 3, 'enroll': 3, 'enrolment': 3,
    'enrollment': 3, 'register': 2, 'registration': 3, 'studielink': 3, 'deadline': 2, 'submit': 2,
    'upload': 2, 'document': 1, 'motivation letter': 3, 'cover letter': 3, 'withdraw': 2, 'portal': 2,
    'confirmation': 2, 'status': 1, 'form': 1, 'sign up': 2, 'reject': 1, 'cancel': 2,
  },
  open_day: {
    'open day': 3, 'open days': 3, 'open house': 3, 'campus tour': 3, 'tour': 2, 'trial day': 3,
    'experience day': 3, 'student for a day': 3, 'information evening': 3, 'info session': 3,
    'information session': 3, 'webinar': 2, 'visit': 2, 'visiting': 2, 'come by': 2, 'taster': 3,
  },
  tuition: {
    'tuition': 3, 'fee': 3, 'tuition fee': 3, 'pay': 2, 'payment': 3, 'instalment': 3, 'installment': 3,
    'invoice': 3, 'refund': 3, 'cost': 2, 'price': 2, 'euro': 1, 'amount': 1, 'direct debit': 3,
    'institutional fee': 3, 'statutory fee': 3, 'charge': 2,
  },
  student_finance: {
    'student finance': 3, 'student loan': 3, 'loan': 3, 'duo': 3, 'grant': 3, 'scholarship': 3,
    'allowance': 3, 'funding': 2, 'financial aid': 3, 'financial support': 3, 'travel product': 3,
    'public transport card': 3, 'borrow': 3, 'stipend': 3, 'bursary': 3, 'afford': 1,
  },
  housing: {
    'housing': 3, 'accommodation': 2, 'room': 3, 'rent': 3, 'dorm': 3, 'dormitory': 3, 'apartment': 3,
    'flat': 2, 'landlord': 3, 'studio': 2, 'residence': 2, 'place to live': 3, 'live': 1, 'housemate': 3,
    'roommate': 3, 'student house': 3, 'duwo': 3, 'ssh': 3, 'waiting list': 1, 'stay': 1,
  },
  programme: {
    'programme': 1, 'program': 1, 'course': 1, 'curriculum': 3, 'module': 2, 'subject': 1, 'major': 3,
    'minor': 3, 'internship': 3, 'placement': 3, 'credit': 2, 'ects': 3, 'thesis': 3, 'specialisation': 3,
    'specialization': 3, 'part-time': 2, 'full-time': 2, 'content': 2, 'learn': 2, 'career': 2,
    'project': 2, 'elective': 3, 'workload': 2, 'master': 1, 'bachelor': 1, 'degree': 1, 'study': 0.5,
  },
  schedule: {
    'schedule': 3, 'timetable': 3, 'start date': 3, 'start': 2, 'begin': 2, 'when': 1, 'what time': 3,
    'which day': 3, 'hour per week': 3, 'contact hour': 3, 'class time': 3, 'semester': 1, 'holiday': 2,
    'vacation': 2, 'resit': 2, 'exam week': 3, 'introduction week': 2, 'september': 1, 'february': 1,
    'morning': 1, 'evening': 1, 'date': 1, 'time': 1,
  },
  international: {
    'visa': 3, 'residence permit': 3, 'ind': 3, 'international student': 3, 'international': 2,
    'non-eu': 3, 'eea': 3, 'eu student': 3, 'ielts': 3, 'toefl': 3, 'foreign': 3, 'abroad': 3,
    'exchange': 3, 'nuffic': 3, 'credential': 3, 'evaluation of': 1, 'move to the netherlands': 3,
    'dutch language': 2, 'english test': 3, 'country': 1, 'passport': 2, 'embassy': 3, 'suriname': 2,
    'nigeria': 2, 'india': 2, 'china': 2, 'germany': 2, 'belgium': 2, 'turkey': 2, 'morocco': 2,
  },
  accessibility: {
    'disability': 3, 'disabled': 3, 'dyslexia': 3, 'dyslexic': 3, 'adhd': 3, 'autism': 3, 'autistic': 3,
    'wheelchair': 3, 'accessible': 3, 'accessibility': 3, 'extra time': 3, 'chronic': 3, 'illness': 2,
    'impairment': 3, 'impaired': 3, 'deaf': 3, 'blind': 3, 'special need': 3, 'support need': 3,
    'exam accommodation': 3, 'reasonable adjustment': 3, 'adjustment': 2, 'counsellor': 2, 'counselor': 2,
    'elevator': 2, 'lift': 2, 'anxiety': 2, 'mental health': 3,
  },
};
