/**
 * Curated word lists. Everything here is ordinary Dutch/English vocabulary or
 * institution vocabulary, never names of real people.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Real words that are also first names: a name only with a cue ("mijn dochter Roos", "it's Will"). */
export const AMBIGUOUS_NAMES = words(`
  ben mag dag man door even lang bang bel ken kent min nat lot los per prima morgen anders alleen
  roos bas lief storm floor hoop wolf winter zomer lente herfst ster
  will may mark frank bill hope grace faith joy summer dawn angel ruby holly lily daisy rain river
  forest crystal diamond honey star sky king prince princess happy lucky rose june april august mei juni juli augustus may
  pearl violet hazel ivy olive rowan sage heath chase cash art guy jack
  sunny rocky dusty misty bonnie fern gay christian major justice victory destiny trinity
  patience charity mercy glory miracle precious unique royal noble lovely beauty pretty
  sterling august hunter chance page price grant mason baker cook miller carter parker
  van der den de le la el al da di du ter ten
`);

/** Never a person name in this domain, whatever the name lists say. */
export const NOT_NAMES = words(`
  hoi hi hey hee heey heej hallo hello hoihoi dag beste geachte lieve dear goedemorgen goedemiddag
  goedenavond goedendag goeiedag goeiemiddag goeiemorgen morning evening afternoon greetings
  groet groetjes groeten gr mvg vriendelijke hartelijke regards cheers thanks thank thx bedankt dank
  alvast liefs xx xxx kind best sincerely yours
  ik jij je hij zij wij jullie u mijn mij me onze ons hun haar zijn het een the a an i you he she we they my
  januari februari maart september oktober november december
  january february march october i'm i've i'll i'd it's what's there's that's let's
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
  monday tuesday wednesday thursday friday saturday sunday
  nederlands engels frans duits spaans italiaans turks arabisch pools chinees
  dutch english french german spanish italian turkish arabic polish chinese
  nederland belgie duitsland europa holland
  universiteit university hogeschool college school academie academy instituut institute
  studielink duo osiris digid nuffic ind whatsapp linkedin instagram facebook tiktok
  master bachelor premaster minor major propedeuse mbo hbo havo vwo vmbo
  open opendag
  ad bsc msc ba ma phd mba
  omg haha hahaha lol oei yo merci gracias danke grazie obrigado dankjewel dankuwel ty
  mr mrs ms dr dhr mevr prof drs ir fam sir madam meneer mevrouw heer miss mister
  team office admissions admission servicedesk studentenservice
  windesheim fontys saxion avans inholland hanze stenden zuyd driestar heijn
`);

/** Cities and regions that name lists also hold; a person only with a cue. */
export const EXTRA_PLACES = words(`
  amsterdam rotterdam utrecht eindhoven tilburg groningen almere breda nijmegen arnhem haarlem enschede
  apeldoorn zwolle leiden maastricht dordrecht delft deventer venlo leeuwarden alkmaar hengelo
  amersfoort den haag den bosch "s-hertogenbosch hong kong gent antwerpen brussel leuven turnhout kortrijk brugge texel bonaire curacao
  aruba suriname paramaribo lima florence paris london berlin madrid rome warsaw ankara istanbul
  dubai delhi mumbai lagos accra dakar hanoi jakarta texas london sydney victoria georgia jordan
  austin dallas houston phoenix orlando chelsea israel india china kenya ghana
  seoul tokyo beijing shanghai taipei bangkok manila kampala nairobi kolkata bangalore chennai karachi
  lahore tehran kabul baghdad damascus beirut cairo casablanca rabat tunis algiers
`);

/** Words that mark a capitalised phrase as an organisation or programme, not a person. */
export const ORG_WORDS = words(`
  universiteit university hogeschool college school academie academy instituut institute
  gymnasium lyceum centrum center centre ziekenhuis hospital bv nv foundation stichting
  business management studies science sciences engineering technology design faculty faculteit
  association vereniging programme program scholarship fund
  universitesi universitat universidad universita universite hochschule uniwersytet politecnico
`);
