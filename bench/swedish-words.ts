// A Swedish-like vocabulary for bench/search.ts: function words, then the forums' domain words and
// their inflections (bidrag/bidraget/bidragen, förening/föreningen/föreningar/föreningarna, …),
// compounds (föreningsbidrag, lokalhyra, …), verbs, adjectives and place names. The order is the
// Zipf rank: the bench draws rank r with probability ∝ 1/r.

/** A seeded PRNG (mulberry32): the same vocabulary order on every run. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// The most frequent words of running Swedish (mostly stop words in the 'swedish' text search config).
const functionWords = `och i att det som en på är av för med till den har de inte om ett var jag vi men ni
han hon så kan från eller man sig vid när alla hur vad detta där nu också bara efter under mot sedan redan
många mycket någon något några andra vår vårt våra er era hos utan mellan genom ska skulle måste vill får
dem denna dessa ju väl här även ännu kanske alltså därför eftersom medan samt varje hela själv tack hej`
  .split(/\s+/)
  .filter(Boolean);

// Nouns: [indefinite, definite, plural, definite plural].
const nounForms: [string, string, string, string][] = [
  ['bidrag', 'bidraget', 'bidrag', 'bidragen'],
  ['förening', 'föreningen', 'föreningar', 'föreningarna'],
  ['ansökan', 'ansökan', 'ansökningar', 'ansökningarna'],
  ['lokal', 'lokalen', 'lokaler', 'lokalerna'],
  ['upphandling', 'upphandlingen', 'upphandlingar', 'upphandlingarna'],
  ['kvalitet', 'kvaliteten', 'kvaliteter', 'kvaliteterna'],
  ['verksamhet', 'verksamheten', 'verksamheter', 'verksamheterna'],
  ['projekt', 'projektet', 'projekt', 'projekten'],
  ['stöd', 'stödet', 'stöd', 'stöden'],
  ['avtal', 'avtalet', 'avtal', 'avtalen'],
  ['redovisning', 'redovisningen', 'redovisningar', 'redovisningarna'],
  ['förvaltning', 'förvaltningen', 'förvaltningar', 'förvaltningarna'],
  ['kommun', 'kommunen', 'kommuner', 'kommunerna'],
  ['stad', 'staden', 'städer', 'städerna'],
  ['budget', 'budgeten', 'budgetar', 'budgetarna'],
  ['möte', 'mötet', 'möten', 'mötena'],
  ['år', 'året', 'år', 'åren'],
  ['organisation', 'organisationen', 'organisationer', 'organisationerna'],
  ['samverkan', 'samverkan', 'samverkningar', 'samverkningarna'],
  ['uppföljning', 'uppföljningen', 'uppföljningar', 'uppföljningarna'],
  ['utvärdering', 'utvärderingen', 'utvärderingar', 'utvärderingarna'],
  ['volontär', 'volontären', 'volontärer', 'volontärerna'],
  ['medlem', 'medlemmen', 'medlemmar', 'medlemmarna'],
  ['styrelse', 'styrelsen', 'styrelser', 'styrelserna'],
  ['ordförande', 'ordföranden', 'ordförande', 'ordförandena'],
  ['kassör', 'kassören', 'kassörer', 'kassörerna'],
  ['revisor', 'revisorn', 'revisorer', 'revisorerna'],
  ['stadga', 'stadgan', 'stadgar', 'stadgarna'],
  ['årsmöte', 'årsmötet', 'årsmöten', 'årsmötena'],
  ['handläggare', 'handläggaren', 'handläggare', 'handläggarna'],
  ['ersättning', 'ersättningen', 'ersättningar', 'ersättningarna'],
  ['avgift', 'avgiften', 'avgifter', 'avgifterna'],
  ['hyra', 'hyran', 'hyror', 'hyrorna'],
  ['nyckel', 'nyckeln', 'nycklar', 'nycklarna'],
  ['träff', 'träffen', 'träffar', 'träffarna'],
  ['aktivitet', 'aktiviteten', 'aktiviteter', 'aktiviteterna'],
  ['grupp', 'gruppen', 'grupper', 'grupperna'],
  ['målgrupp', 'målgruppen', 'målgrupper', 'målgrupperna'],
  ['ungdom', 'ungdomen', 'ungdomar', 'ungdomarna'],
  ['familj', 'familjen', 'familjer', 'familjerna'],
  ['skola', 'skolan', 'skolor', 'skolorna'],
  ['fritidsgård', 'fritidsgården', 'fritidsgårdar', 'fritidsgårdarna'],
  ['kultur', 'kulturen', 'kulturer', 'kulturerna'],
  ['integration', 'integrationen', 'integrationer', 'integrationerna'],
  ['språk', 'språket', 'språk', 'språken'],
  ['rådgivning', 'rådgivningen', 'rådgivningar', 'rådgivningarna'],
  ['insats', 'insatsen', 'insatser', 'insatserna'],
  ['metod', 'metoden', 'metoder', 'metoderna'],
  ['satsning', 'satsningen', 'satsningar', 'satsningarna'],
  ['utlysning', 'utlysningen', 'utlysningar', 'utlysningarna'],
  ['beslut', 'beslutet', 'beslut', 'besluten'],
  ['överenskommelse', 'överenskommelsen', 'överenskommelser', 'överenskommelserna'],
  ['partnerskap', 'partnerskapet', 'partnerskap', 'partnerskapen'],
  ['anbud', 'anbudet', 'anbud', 'anbuden'],
  ['kontrakt', 'kontraktet', 'kontrakt', 'kontrakten'],
  ['villkor', 'villkoret', 'villkor', 'villkoren'],
  ['krav', 'kravet', 'krav', 'kraven'],
  ['underlag', 'underlaget', 'underlag', 'underlagen'],
  ['rapport', 'rapporten', 'rapporter', 'rapporterna'],
  ['blankett', 'blanketten', 'blanketter', 'blanketterna'],
  ['mall', 'mallen', 'mallar', 'mallarna'],
  ['tidsplan', 'tidsplanen', 'tidsplaner', 'tidsplanerna'],
  ['period', 'perioden', 'perioder', 'perioderna'],
  ['termin', 'terminen', 'terminer', 'terminerna'],
  ['månad', 'månaden', 'månader', 'månaderna'],
  ['vecka', 'veckan', 'veckor', 'veckorna'],
  ['kväll', 'kvällen', 'kvällar', 'kvällarna'],
  ['helg', 'helgen', 'helger', 'helgerna'],
  ['utbildning', 'utbildningen', 'utbildningar', 'utbildningarna'],
  ['kurs', 'kursen', 'kurser', 'kurserna'],
  ['handledning', 'handledningen', 'handledningar', 'handledningarna'],
  ['ledare', 'ledaren', 'ledare', 'ledarna'],
  ['personal', 'personalen', 'personaler', 'personalerna'],
  ['lön', 'lönen', 'löner', 'lönerna'],
  ['kostnad', 'kostnaden', 'kostnader', 'kostnaderna'],
  ['intäkt', 'intäkten', 'intäkter', 'intäkterna'],
  ['resultat', 'resultatet', 'resultat', 'resultaten'],
  ['effekt', 'effekten', 'effekter', 'effekterna'],
  ['mål', 'målet', 'mål', 'målen'],
  ['syfte', 'syftet', 'syften', 'syftena'],
  ['behov', 'behovet', 'behov', 'behoven'],
  ['problem', 'problemet', 'problem', 'problemen'],
  ['fråga', 'frågan', 'frågor', 'frågorna'],
  ['svar', 'svaret', 'svar', 'svaren'],
  ['erfarenhet', 'erfarenheten', 'erfarenheter', 'erfarenheterna'],
  ['kunskap', 'kunskapen', 'kunskaper', 'kunskaperna'],
  ['kompetens', 'kompetensen', 'kompetenser', 'kompetenserna'],
  ['rutin', 'rutinen', 'rutiner', 'rutinerna'],
  ['riktlinje', 'riktlinjen', 'riktlinjer', 'riktlinjerna'],
  ['lag', 'lagen', 'lagar', 'lagarna'],
  ['förordning', 'förordningen', 'förordningar', 'förordningarna'],
  ['samtycke', 'samtycket', 'samtycken', 'samtyckena'],
  ['försäkring', 'försäkringen', 'försäkringar', 'försäkringarna'],
  ['säkerhet', 'säkerheten', 'säkerheter', 'säkerheterna'],
  ['tillgänglighet', 'tillgängligheten', 'tillgängligheter', 'tillgängligheterna'],
  ['ramp', 'rampen', 'ramper', 'ramperna'],
  ['hiss', 'hissen', 'hissar', 'hissarna'],
  ['kök', 'köket', 'kök', 'köken'],
  ['sal', 'salen', 'salar', 'salarna'],
  ['rum', 'rummet', 'rum', 'rummen'],
  ['fastighet', 'fastigheten', 'fastigheter', 'fastigheterna'],
  ['hyresvärd', 'hyresvärden', 'hyresvärdar', 'hyresvärdarna'],
  ['bostad', 'bostaden', 'bostäder', 'bostäderna'],
  ['boende', 'boendet', 'boenden', 'boendena'],
  ['hemlöshet', 'hemlösheten', 'hemlösheter', 'hemlösheterna'],
  ['ensamhet', 'ensamheten', 'ensamheter', 'ensamheterna'],
  ['ohälsa', 'ohälsan', 'ohälsor', 'ohälsorna'],
  ['missbruk', 'missbruket', 'missbruk', 'missbruken'],
  ['kvinnojour', 'kvinnojouren', 'kvinnojourer', 'kvinnojourerna'],
  ['stödgrupp', 'stödgruppen', 'stödgrupper', 'stödgrupperna'],
  ['läxhjälp', 'läxhjälpen', 'läxhjälper', 'läxhjälperna'],
  ['lovverksamhet', 'lovverksamheten', 'lovverksamheter', 'lovverksamheterna'],
  ['bibliotek', 'biblioteket', 'bibliotek', 'biblioteken'],
  ['omvärld', 'omvärlden', 'omvärldar', 'omvärldarna'],
  ['forskning', 'forskningen', 'forskningar', 'forskningarna'],
  ['studie', 'studien', 'studier', 'studierna'],
  ['nätverk', 'nätverket', 'nätverk', 'nätverken'],
  ['konferens', 'konferensen', 'konferenser', 'konferenserna'],
  ['seminarium', 'seminariet', 'seminarier', 'seminarierna'],
  ['inbjudan', 'inbjudan', 'inbjudningar', 'inbjudningarna'],
  ['anmälan', 'anmälan', 'anmälningar', 'anmälningarna'],
  ['kallelse', 'kallelsen', 'kallelser', 'kallelserna'],
  ['protokoll', 'protokollet', 'protokoll', 'protokollen'],
  ['samarbete', 'samarbetet', 'samarbeten', 'samarbetena'],
  ['företag', 'företaget', 'företag', 'företagen'],
  ['förbund', 'förbundet', 'förbund', 'förbunden'],
  ['kansli', 'kansliet', 'kanslier', 'kanslierna'],
  ['evenemang', 'evenemanget', 'evenemang', 'evenemangen'],
  ['tillstånd', 'tillståndet', 'tillstånd', 'tillstånden'],
  ['uppdrag', 'uppdraget', 'uppdrag', 'uppdragen'],
  ['område', 'området', 'områden', 'områdena'],
  ['förslag', 'förslaget', 'förslag', 'förslagen'],
  ['intresse', 'intresset', 'intressen', 'intressena'],
  ['utbyte', 'utbytet', 'utbyten', 'utbytena'],
  ['stiftelse', 'stiftelsen', 'stiftelser', 'stiftelserna'],
  ['region', 'regionen', 'regioner', 'regionerna'],
  ['myndighet', 'myndigheten', 'myndigheter', 'myndigheterna'],
  ['tjänsteperson', 'tjänstepersonen', 'tjänstepersoner', 'tjänstepersonerna'],
  ['samordnare', 'samordnaren', 'samordnare', 'samordnarna'],
  ['deltagare', 'deltagaren', 'deltagare', 'deltagarna'],
  ['barn', 'barnet', 'barn', 'barnen'],
  ['förälder', 'föräldern', 'föräldrar', 'föräldrarna'],
  ['pensionär', 'pensionären', 'pensionärer', 'pensionärerna'],
  ['nyanländ', 'nyanlände', 'nyanlända', 'nyanlända'],
  ['arbete', 'arbetet', 'arbeten', 'arbetena'],
  ['plan', 'planen', 'planer', 'planerna'],
  ['policy', 'policyn', 'policyer', 'policyerna'],
  ['dokument', 'dokumentet', 'dokument', 'dokumenten'],
  ['underskrift', 'underskriften', 'underskrifter', 'underskrifterna'],
  ['faktura', 'fakturan', 'fakturor', 'fakturorna'],
  ['kvitto', 'kvittot', 'kvitton', 'kvittona'],
  ['konto', 'kontot', 'konton', 'kontona'],
  ['granskning', 'granskningen', 'granskningar', 'granskningarna'],
  ['indikator', 'indikatorn', 'indikatorer', 'indikatorerna'],
  ['enkät', 'enkäten', 'enkäter', 'enkäterna'],
  ['intervju', 'intervjun', 'intervjuer', 'intervjuerna'],
  ['lärdom', 'lärdomen', 'lärdomar', 'lärdomarna'],
  ['exempel', 'exemplet', 'exempel', 'exemplen'],
  ['modell', 'modellen', 'modeller', 'modellerna'],
  ['pilot', 'piloten', 'piloter', 'piloterna'],
  ['finansiering', 'finansieringen', 'finansieringar', 'finansieringarna'],
  ['medfinansiering', 'medfinansieringen', 'medfinansieringar', 'medfinansieringarna'],
  ['egeninsats', 'egeninsatsen', 'egeninsatser', 'egeninsatserna'],
  ['fond', 'fonden', 'fonder', 'fonderna'],
  ['lotteri', 'lotteriet', 'lotterier', 'lotterierna'],
  ['insamling', 'insamlingen', 'insamlingar', 'insamlingarna'],
  ['gåva', 'gåvan', 'gåvor', 'gåvorna'],
  ['sponsor', 'sponsorn', 'sponsorer', 'sponsorerna'],
  ['hemsida', 'hemsidan', 'hemsidor', 'hemsidorna'],
  ['nyhetsbrev', 'nyhetsbrevet', 'nyhetsbrev', 'nyhetsbreven'],
  ['inlägg', 'inlägget', 'inlägg', 'inläggen'],
  ['tråd', 'tråden', 'trådar', 'trådarna'],
  ['forum', 'forumet', 'forum', 'forumen'],
  ['lokalbokning', 'lokalbokningen', 'lokalbokningar', 'lokalbokningarna'],
  ['nyckelkort', 'nyckelkortet', 'nyckelkort', 'nyckelkorten'],
  ['städning', 'städningen', 'städningar', 'städningarna'],
  ['larm', 'larmet', 'larm', 'larmen'],
  ['utrustning', 'utrustningen', 'utrustningar', 'utrustningarna'],
  ['projektor', 'projektorn', 'projektorer', 'projektorerna'],
  ['stol', 'stolen', 'stolar', 'stolarna'],
  ['bord', 'bordet', 'bord', 'borden'],
];

// Verbs: infinitive, present, past, supine (and a passive for some).
const verbForms: string[][] = [
  ['söka', 'söker', 'sökte', 'sökt', 'söks'],
  ['ansöka', 'ansöker', 'ansökte', 'ansökt'],
  ['redovisa', 'redovisar', 'redovisade', 'redovisat', 'redovisas'],
  ['samarbeta', 'samarbetar', 'samarbetade', 'samarbetat'],
  ['hyra', 'hyr', 'hyrde', 'hyrt', 'hyrs'],
  ['boka', 'bokar', 'bokade', 'bokat', 'bokas'],
  ['dela', 'delar', 'delade', 'delat'],
  ['låna', 'lånar', 'lånade', 'lånat'],
  ['behöva', 'behöver', 'behövde', 'behövt', 'behövs'],
  ['undra', 'undrar', 'undrade', 'undrat'],
  ['fråga', 'frågar', 'frågade', 'frågat'],
  ['svara', 'svarar', 'svarade', 'svarat'],
  ['hjälpa', 'hjälper', 'hjälpte', 'hjälpt'],
  ['ordna', 'ordnar', 'ordnade', 'ordnat'],
  ['planera', 'planerar', 'planerade', 'planerat'],
  ['genomföra', 'genomför', 'genomförde', 'genomfört', 'genomförs'],
  ['bevilja', 'beviljar', 'beviljade', 'beviljat', 'beviljas'],
  ['avslå', 'avslår', 'avslog', 'avslagit', 'avslås'],
  ['skicka', 'skickar', 'skickade', 'skickat'],
  ['lämna', 'lämnar', 'lämnade', 'lämnat', 'lämnas'],
  ['skriva', 'skriver', 'skrev', 'skrivit'],
  ['läsa', 'läser', 'läste', 'läst'],
  ['tycka', 'tycker', 'tyckte', 'tyckt'],
  ['tänka', 'tänker', 'tänkte', 'tänkt'],
  ['veta', 'vet', 'visste', 'vetat'],
  ['kunna', 'kunde', 'kunnat'],
  ['vilja', 'ville', 'velat'],
  ['få', 'fick', 'fått'],
  ['ge', 'ger', 'gav', 'gett', 'ges'],
  ['ta', 'tar', 'tog', 'tagit'],
  ['komma', 'kommer', 'kom', 'kommit'],
  ['göra', 'gör', 'gjorde', 'gjort', 'görs'],
  ['se', 'ser', 'såg', 'sett'],
  ['finnas', 'finns', 'fanns', 'funnits'],
  ['bli', 'blir', 'blev', 'blivit'],
  ['ha', 'hade', 'haft'],
  ['vara', 'varit'],
  ['gå', 'går', 'gick', 'gått'],
  ['starta', 'startar', 'startade', 'startat'],
  ['avsluta', 'avslutar', 'avslutade', 'avslutat'],
  ['rapportera', 'rapporterar', 'rapporterade', 'rapporterat'],
  ['anmäla', 'anmäler', 'anmälde', 'anmält'],
  ['kontakta', 'kontaktar', 'kontaktade', 'kontaktat'],
  ['träffa', 'träffar', 'träffade', 'träffat', 'träffas'],
  ['välkomna', 'välkomnar', 'välkomnade', 'välkomnat'],
  ['presentera', 'presenterar', 'presenterade', 'presenterat'],
  ['diskutera', 'diskuterar', 'diskuterade', 'diskuterat'],
  ['utveckla', 'utvecklar', 'utvecklade', 'utvecklat'],
  ['förbättra', 'förbättrar', 'förbättrade', 'förbättrat'],
  ['mäta', 'mäter', 'mätte', 'mätt'],
  ['visa', 'visar', 'visade', 'visat'],
  ['beskriva', 'beskriver', 'beskrev', 'beskrivit'],
  ['tacka', 'tackar', 'tackade', 'tackat'],
  ['erbjuda', 'erbjuder', 'erbjöd', 'erbjudit'],
  ['delta', 'deltar', 'deltog', 'deltagit'],
  ['betala', 'betalar', 'betalade', 'betalat'],
  ['kosta', 'kostar', 'kostade', 'kostat'],
  ['underteckna', 'undertecknar', 'undertecknade', 'undertecknat'],
  ['granska', 'granskar', 'granskade', 'granskat'],
  ['följa', 'följer', 'följde', 'följt'],
  ['samla', 'samlar', 'samlade', 'samlat'],
  ['stänga', 'stänger', 'stängde', 'stängt'],
  ['öppna', 'öppnar', 'öppnade', 'öppnat'],
  ['anordna', 'anordnar', 'anordnade', 'anordnat'],
  ['rekrytera', 'rekryterar', 'rekryterade', 'rekryterat'],
  ['utbilda', 'utbildar', 'utbildade', 'utbildat'],
  ['påminna', 'påminner', 'påminde', 'påmint'],
  ['överklaga', 'överklagar', 'överklagade', 'överklagat'],
  ['upphandla', 'upphandlar', 'upphandlade', 'upphandlat', 'upphandlas'],
];

// Adjectives: base, neuter, plural/definite.
const adjectiveForms: string[][] = [
  ['ny', 'nytt', 'nya'],
  ['stor', 'stort', 'stora'],
  ['liten', 'litet', 'små'],
  ['bra', 'bättre', 'bäst'],
  ['viktig', 'viktigt', 'viktiga'],
  ['svår', 'svårt', 'svåra'],
  ['enkel', 'enkelt', 'enkla'],
  ['möjlig', 'möjligt', 'möjliga'],
  ['tydlig', 'tydligt', 'tydliga'],
  ['ideell', 'ideellt', 'ideella'],
  ['idéburen', 'idéburet', 'idéburna'],
  ['offentlig', 'offentligt', 'offentliga'],
  ['kommunal', 'kommunalt', 'kommunala'],
  ['gemensam', 'gemensamt', 'gemensamma'],
  ['långsiktig', 'långsiktigt', 'långsiktiga'],
  ['ekonomisk', 'ekonomiskt', 'ekonomiska'],
  ['social', 'socialt', 'sociala'],
  ['kulturell', 'kulturellt', 'kulturella'],
  ['tillgänglig', 'tillgängligt', 'tillgängliga'],
  ['öppen', 'öppet', 'öppna'],
  ['ledig', 'ledigt', 'lediga'],
  ['billig', 'billigt', 'billiga'],
  ['dyr', 'dyrt', 'dyra'],
  ['aktuell', 'aktuellt', 'aktuella'],
  ['nöjd', 'nöjt', 'nöjda'],
  ['intresserad', 'intresserat', 'intresserade'],
  ['ansvarig', 'ansvarigt', 'ansvariga'],
  ['digital', 'digitalt', 'digitala'],
  ['fysisk', 'fysiskt', 'fysiska'],
  ['regional', 'regionalt', 'regionala'],
  ['nationell', 'nationellt', 'nationella'],
  ['internationell', 'internationellt', 'internationella'],
  ['europeisk', 'europeiskt', 'europeiska'],
  ['nordisk', 'nordiskt', 'nordiska'],
  ['svensk', 'svenskt', 'svenska'],
  ['snabb', 'snabbt', 'snabba'],
  ['lång', 'långt', 'långa'],
  ['kort', 'kortare', 'korta'],
  ['tidig', 'tidigt', 'tidiga'],
  ['sen', 'sent', 'sena'],
  ['hållbar', 'hållbart', 'hållbara'],
  ['rimlig', 'rimligt', 'rimliga'],
  ['oklar', 'oklart', 'oklara'],
  ['utmärkt', 'utmärkta'],
  ['förra', 'nästa', 'första', 'sista', 'senaste'],
];

const compoundPrefixes = [
  'förenings', 'verksamhets', 'projekt', 'stads', 'kommun', 'ungdoms', 'äldre', 'kultur', 'idrotts', 'integrations',
  'frivillig', 'kvalitets', 'hyres', 'lokal', 'samverkans', 'utvecklings', 'rådgivnings', 'läxhjälps', 'sommar', 'kvälls',
  'helg', 'års', 'start', 'drift', 'arrangemangs', 'hälso', 'språk', 'familje', 'grann', 'miljö',
];
const compoundHeads: [string, string, string, string][] = [
  ['bidrag', 'bidraget', 'bidrag', 'bidragen'],
  ['stöd', 'stödet', 'stöd', 'stöden'],
  ['ansökan', 'ansökan', 'ansökningar', 'ansökningarna'],
  ['lokal', 'lokalen', 'lokaler', 'lokalerna'],
  ['verksamhet', 'verksamheten', 'verksamheter', 'verksamheterna'],
  ['träff', 'träffen', 'träffar', 'träffarna'],
  ['grupp', 'gruppen', 'grupper', 'grupperna'],
  ['projekt', 'projektet', 'projekt', 'projekten'],
  ['avtal', 'avtalet', 'avtal', 'avtalen'],
  ['möte', 'mötet', 'möten', 'mötena'],
  ['ledare', 'ledaren', 'ledare', 'ledarna'],
  ['arbete', 'arbetet', 'arbeten', 'arbetena'],
  ['plan', 'planen', 'planer', 'planerna'],
  ['rapport', 'rapporten', 'rapporter', 'rapporterna'],
  ['uppföljning', 'uppföljningen', 'uppföljningar', 'uppföljningarna'],
  ['budget', 'budgeten', 'budgetar', 'budgetarna'],
  ['kostnad', 'kostnaden', 'kostnader', 'kostnaderna'],
  ['samordnare', 'samordnaren', 'samordnare', 'samordnarna'],
  ['fråga', 'frågan', 'frågor', 'frågorna'],
  ['policy', 'policyn', 'policyer', 'policyerna'],
  ['hyra', 'hyran', 'hyror', 'hyrorna'],
  ['satsning', 'satsningen', 'satsningar', 'satsningarna'],
];

const names = `Stockholm Rinkeby Kista Söderort Skärholmen Farsta Spånga Tensta Hässelby Vällingby Bromma Södermalm
Kungsholmen Östermalm Norrmalm Enskede Årsta Hägersten Liljeholmen Älvsjö Husby Akalla Bagarmossen Skarpnäck
Arvsfonden Länsstyrelsen Socialförvaltningen Kulturförvaltningen Idrottsförvaltningen Arbetsmarknadsförvaltningen
Utbildningsförvaltningen Stadsmissionen Röda Korset Rädda Barnen Folkbildningsrådet Skatteverket Bolagsverket
Göteborg Malmö Uppsala Köpenhamn Oslo Helsingfors Berlin Amsterdam Bryssel LOU IOP GDPR SROI`
  .split(/\s+/)
  .filter(Boolean);

export interface Vocabulary {
  /** Every form, most frequent first. */
  words: string[];
  /** How many of the first words are function words. */
  functionWordCount: number;
}

export function swedishVocabulary(): Vocabulary {
  const random = prng(20_270_101);
  // The first two forms of the core domain nouns come right after the function words: they are the
  // forums' everyday words ("bidrag", "föreningen", "lokalen", …).
  const core = nounForms.slice(0, 20).flatMap(([a, b]) => [a, b]);
  const rest = new Set<string>([
    ...nounForms.flatMap((f) => f),
    ...verbForms.flat(),
    ...adjectiveForms.flat(),
    ...names,
  ]);
  for (const prefix of compoundPrefixes) {
    for (const head of compoundHeads) {
      // Not every combination is a word people use: about half.
      if (random() < 0.5) continue;
      for (const form of head) rest.add(prefix + form);
    }
  }
  const functionSet = new Set(functionWords);
  const coreSet = new Set(core);
  const content = shuffle([...rest].filter((w) => !functionSet.has(w) && !coreSet.has(w)), random);
  const words = [...new Set([...functionWords, ...shuffle(core, random), ...content])];
  return { words, functionWordCount: functionWords.length };
}

// Place-bound compounds ("Tenstalokalen", "Farstabidraget", …): the long tail that a few thousand
// Zipf-ranked forms cannot give at a million posts. The bench adds one to about every eighth post,
// uniformly, so each such word is found in a few hundred posts: the "rare word" searches.
const rarePlaces = `Rinkeby Kista Tensta Husby Akalla Hässelby Vällingby Spånga Bromma Farsta Skärholmen Bagarmossen
Skarpnäck Enskede Årsta Hägersten Liljeholmen Älvsjö Fruängen Högdalen Rågsved Hökarängen Sköndal Vårby Bredäng`
  .split(/\s+/)
  .filter(Boolean);

export function rareWords(): string[] {
  const words: string[] = [];
  for (const place of rarePlaces) for (const head of compoundHeads) for (const form of head) words.push(place + form);
  return [...new Set(words)];
}
