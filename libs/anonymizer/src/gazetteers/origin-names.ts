/**
 * Transliterated first names and surnames of the origins that write to Dutch institutions every
 * day and that the npm name lists cover poorly or only in their own script (Moroccan, Turkish,
 * Surinamese-Hindustani and -Creole, Antillean, Indonesian/Moluccan, Chinese, Indian, Polish,
 * Ukrainian, West and East African, Syrian, Afghan). Written for this project; used as one more
 * name source (split like the others in the leave-names-out evaluation) and to train the
 * name-likeness model.
 */
const words = (s: string): string[] => s.trim().split(/\s+/);

export const ORIGIN_FIRST_NAMES: readonly string[] = words(`
  mohamed mohammed mohammad mehmet ahmed ahmet achmed youssef yusuf youssra yasmina yasmine yassine
  hamza bilal ilyas ilias ayoub anouar anwar zakaria soufiane sofyan mounir nordin redouan rachid
  karim khalid hicham tarik tariq said saida fatima fatma khadija malika nadia naima samira loubna
  hanane houda ikram imane meryem meryam salma souad siham zineb zainab zeynep elif emine ayse aysel
  hatice busra buse esra ebru merve kubra gizem sibel derya ozlem yildiz burak emre enes furkan
  kerem mert mustafa oguz onur serkan tolga ufuk volkan yunus cem baris berkay hakan ibrahim ismail
  ravi rajesh rakesh ramesh sanjay sunil vijay anil arjun rohan rahul aditya vikram priya pooja
  ananya anjali deepika divya kavita lakshmi meera neha nisha shreya sunita radha roshni sandhya
  soenita shanti kiran devika rishi amrit navin indra ashwin rishma reshma chandni ganesh
  jerrel jerzy gerrel clyde roderick glenn romano ruthmila sharlene shurandy xiomara jandino
  jurensly kenrick kevino churandy jairzinho quincy rayvano dyonne shanaira genaro lisandro
  dewi sari wulan ayu putri indah fitri ratna rini yuni agus budi dedi eko hendra joko rudi teguh
  wahyu yoga bayu adi rizky dimas fajar galih
  wei ling mei xiao jing yan hui li jun hao yu yi xin ying lei qiang jie ming tao bo chen
  zhiwei xiaoming xiaoli meiling yanmei junjie haoran zihan yuxuan jiahui
  piotr pawel krzysztof tomasz marcin michal grzegorz lukasz jakub kamil wojciech agnieszka
  malgorzata katarzyna joanna magdalena aleksandra dorota ewa beata monika zofia
  oleksandr oleksii olena oksana iryna yulia tetiana nataliia andrii dmytro serhii mykola vasyl
  bohdan taras yevhen viktoriia kateryna svitlana halyna myroslava volodymyr yaroslav
  kwame kofi kojo kwabena ama akosua abena efua chinedu chidi emeka ngozi adaeze oluwaseun tunde
  femi bola ayodele abdi abdullahi hodan hawa faadumo ahmed omar amina asha filmon senait
  yonas tesfay selam semhar luwam abdulrahman ahmad hussein hussain rami sami samer nour noor
  rania lina dana farah layla leyla mahmoud omid farid farzana fereshteh mariam maryam zahra
  sayed wahid jawad
`);

export const ORIGIN_SURNAMES: readonly string[] = words(`
  el amrani amrani el idrissi idrissi benali ben ali bouzid boukhari el khattabi khattabi
  ouali aoulad haddouchi bakkali el ouahabi azzouzi tahiri hamdaoui chaouch el yousfi yousfi
  ait ouhaddou essafi el hadioui bouchtaoui el mansouri mansouri achahbar
  yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan
  cetin kara koc kurt ozkan simsek polat korkmaz erdogan cakir tekin akgul gunes bulut
  ramdin ramlal ramsaran jagessar mahabier sewdien soekhai bhagwandin ramkisoen kalloe
  tjon a fong tjin a djie sno wijngaarde pinas zeefuik doelwijt bouterse vroom kanhai lachmon
  martina koeiman isenia girigorie rosaria maduro statia sillie winklaar coffie pietersz
  wattimena pattiasina latuperisa tuhumury sahetapy siahaya ririmasse nanlohy matulessy
  sutanto wijaya kusuma santoso hartono gunawan setiawan halim tanoto wibowo
  wang zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin he gao luo zheng
  liang xie tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng
  patel sharma singh kumar gupta reddy nair iyer menon rao joshi mehta shah desai pillai
  chatterjee banerjee mukherjee bhat kapoor malhotra chopra agarwal verma srinivasan
  nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak
  dabrowski kozlowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski pawlowski
  shevchenko bondarenko kovalenko tkachenko kravchenko oliinyk shevchuk koval polishchuk
  bondar tkachuk moroz lysenko marchenko rudenko savchenko petrenko kuzmenko
  mensah owusu boateng asante osei appiah agyeman okafor okonkwo eze nwosu adeyemi adebayo
  oyelaran abubakar mohamud warsame farah hassan tesfaye gebremedhin haile tekle berhane
  al-hassan alhassan haddad khoury nasser darwish rahimi hosseini karimi ahmadi mohammadi
  sultani popal
`);
