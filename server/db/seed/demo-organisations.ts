import type { LegalForm, SizeClass } from '../../../shared/organisations';

// ~30 fictional organisations spread over the 13 districts. Any likeness to real ones is by design of
// their kind, not their identity.
export interface DemoOrganisation {
  name: string;
  legalForm: LegalForm;
  sizeClass: SizeClass;
  signedAt: string | null;
  districts: string[];
  targetGroups: string[];
  administrations: string[];
  resources: string[];
  description: string;
  resourceDescription: string;
  contacts: { name: string; title: string; monthsSinceConfirmed: number }[];
}

const d = (
  name: string,
  legalForm: LegalForm,
  sizeClass: SizeClass,
  signedAt: string | null,
  districts: string[],
  targetGroups: string[],
  administrations: string[],
  resources: string[],
  description: string,
  resourceDescription: string,
  contacts: DemoOrganisation['contacts'],
): DemoOrganisation => ({ name, legalForm, sizeClass, signedAt, districts, targetGroups, administrations, resources, description, resourceDescription, contacts });

export const demoOrganisations: DemoOrganisation[] = [
  d('Stadsmissionen Söderort', 'foundation', 'from250', '2012-11-20', ['sodermalm', 'farsta', 'skarpnack'], ['hemloshet', 'beroende', 'alla'], ['socialforvaltningen', 'sdf-sodermalm'], ['mat', 'volontarer', 'radgivning', 'lokaler'],
    'Vi driver dagverksamhet, matutdelning och stödsamtal för människor i utsatthet i Söderort.', 'Samlingssal för 60 personer i Farsta, kvällar och helger.', [{ name: 'Karin Lind', title: 'Verksamhetschef', monthsSinceConfirmed: 3 }, { name: 'Omar Haddad', title: 'Volontärsamordnare', monthsSinceConfirmed: 15 }]),
  d('Rinkeby Ungdomsforum', 'nonProfitAssociation', 'from50to249', '2013-03-01', ['rinkeby-kista'], ['barn-och-unga'], ['sdf-rinkeby-kista', 'kulturforvaltningen'], ['fritid', 'lokaler', 'sprak'],
    'Läxhjälp, musik och idrott för unga 12–20 år i Rinkeby och Kista.', 'Replokal och ett mindre mötesrum.', [{ name: 'Amina Yusuf', title: 'Ordförande', monthsSinceConfirmed: 2 }]),
  d('Tensta Kvinnocenter', 'nonProfitAssociation', 'from10to49', '2012-11-20', ['spanga-tensta'], ['kvinnor', 'nyanlanda'], ['sdf-spanga-tensta', 'arbetsmarknadsforvaltningen'], ['sprak', 'utbildning', 'radgivning'],
    'Mötesplats för kvinnor med svenskträning, samhällsinformation och stöd till egen försörjning.', 'Samtalsstöd på arabiska, somaliska och dari.', [{ name: 'Hodan Ali', title: 'Samordnare', monthsSinceConfirmed: 14 }]),
  d('Hässelby Seniorer i Rörelse', 'nonProfitAssociation', 'from50to249', null, ['hasselby-vallingby'], ['aldre'], ['aldreforvaltningen', 'sdf-hasselby-vallingby'], ['fritid', 'volontarer'],
    'Promenadgrupper, stolgympa och sociala träffar för äldre i Hässelby och Vällingby.', '', [{ name: 'Gunnel Berg', title: 'Sekreterare', monthsSinceConfirmed: 26 }]),
  d('Brommagårdens Stiftelse', 'foundation', 'from10to49', '2014-05-12', ['bromma'], ['funktionsnedsattning', 'anhoriga'], ['socialforvaltningen', 'sdf-bromma'], ['lokaler', 'bidragskunskap'],
    'Korttidsvistelse och anhörigträffar för familjer med barn med funktionsnedsättning.', 'Tillgänglig lokal med hörslinga, 30 platser.', [{ name: 'Per Ekström', title: 'Föreståndare', monthsSinceConfirmed: 6 }]),
  d('Kungsholmens Frivilligcentral', 'nonProfitAssociation', 'from10to49', '2016-02-01', ['kungsholmen'], ['alla', 'aldre'], ['sdf-kungsholmen'], ['volontarer', 'natverk'],
    'Vi förmedlar volontäruppdrag mellan invånare och föreningar på Kungsholmen.', 'Volontärbank med ca 200 aktiva.', [{ name: 'Lena Sjöberg', title: 'Verksamhetsledare', monthsSinceConfirmed: 1 }]),
  d('Norrmalms Härbärgesförening', 'nonProfitAssociation', 'from10to49', '2012-11-20', ['norrmalm'], ['hemloshet'], ['socialforvaltningen', 'sdf-norrmalm'], ['mat', 'radgivning'],
    'Natthärbärge och frukost för hemlösa i city.', '', [{ name: 'Johan Wik', title: 'Ordförande', monthsSinceConfirmed: 13 }]),
  d('Östermalms Läsombud', 'nonProfitAssociation', 'under10', null, ['ostermalm'], ['aldre', 'funktionsnedsattning'], ['kulturforvaltningen'], ['volontarer'],
    'Högläsning och bokcirklar på äldreboenden.', '', [{ name: 'Birgitta Holm', title: 'Kontaktperson', monthsSinceConfirmed: 4 }]),
  d('Södermalms Jourcentrum', 'nonProfitAssociation', 'from10to49', '2013-09-15', ['sodermalm'], ['valdsutsatta', 'kvinnor'], ['socialforvaltningen', 'sdf-sodermalm'], ['radgivning', 'bidragskunskap'],
    'Stödlinje och skyddat boende för våldsutsatta kvinnor och deras barn.', 'Vi delar gärna erfarenhet av ansökningar till stiftelser.', [{ name: 'Sofia Nyström', title: 'Jourchef', monthsSinceConfirmed: 8 }]),
  d('Enskede Idrottsallians', 'nonProfitAssociation', 'from250', '2015-01-10', ['enskede-arsta-vantor'], ['barn-och-unga'], ['idrottsforvaltningen', 'sdf-enskede-arsta-vantor'], ['fritid', 'lokaler', 'volontarer'],
    'Fotboll, innebandy och friidrott för barn och unga i Enskede, Årsta och Vantör.', 'Klubbstuga och omklädningsrum att låna vardagar.', [{ name: 'Mikael Andersson', title: 'Kanslist', monthsSinceConfirmed: 2 }]),
  d('Skarpnäcks Matkasse', 'economicAssociation', 'under10', null, ['skarpnack'], ['hemloshet', 'alla'], ['sdf-skarpnack'], ['mat'],
    'Räddar överbliven mat från butiker och delar ut till hushåll med små marginaler.', 'Kylrum och transportcykel.', [{ name: 'Elin Dahl', title: 'Samordnare', monthsSinceConfirmed: 30 }]),
  d('Farsta Föräldranätverk', 'nonProfitAssociation', 'from10to49', '2017-04-04', ['farsta'], ['barn-och-unga', 'anhoriga'], ['sdf-farsta', 'utbildningsforvaltningen'], ['natverk', 'utbildning'],
    'Föräldrar som stöttar föräldrar: nattvandring, föräldrakurser och läxhjälp.', '', [{ name: 'Rashid Karimi', title: 'Ordförande', monthsSinceConfirmed: 11 }]),
  d('Hägersten-Älvsjö Kulturhus', 'svbCompany', 'from10to49', '2019-10-01', ['hagersten-alvsjo'], ['alla', 'barn-och-unga'], ['kulturforvaltningen', 'sdf-hagersten-alvsjo'], ['lokaler', 'fritid'],
    'Kulturhus med scen, ateljéer och kafé som drivs med vinstutdelningsbegränsning.', 'Scen för 120 personer och två ateljéer.', [{ name: 'Nora Lindqvist', title: 'VD', monthsSinceConfirmed: 5 }]),
  d('Skärholmens Språkvänner', 'nonProfitAssociation', 'from50to249', '2018-06-06', ['skarholmen'], ['nyanlanda'], ['arbetsmarknadsforvaltningen', 'sdf-skarholmen'], ['sprak', 'volontarer'],
    'Språkcaféer och språkvänner som matchar nyanlända med etablerade stockholmare.', '', [{ name: 'Ingrid Palm', title: 'Volontärsamordnare', monthsSinceConfirmed: 7 }]),
  d('Kista Tech för Alla', 'nonProfitAssociation', 'from10to49', null, ['rinkeby-kista'], ['arbetssokande', 'barn-och-unga'], ['arbetsmarknadsforvaltningen'], ['utbildning', 'lokaler'],
    'Programmering och digital kompetens för unga och arbetssökande.', 'Datorsal med 20 platser.', [{ name: 'Daniel Mekonnen', title: 'Projektledare', monthsSinceConfirmed: 9 }]),
  d('Spånga Missionsförsamling', 'religiousCommunity', 'from50to249', '2012-11-20', ['spanga-tensta'], ['alla', 'aldre'], ['sdf-spanga-tensta'], ['lokaler', 'volontarer', 'mat'],
    'Församling med öppet hus, sopplunch och samtalsgrupper.', 'Kyrksal och församlingshem att hyra.', [{ name: 'Anders Blom', title: 'Pastor', monthsSinceConfirmed: 18 }]),
  d('Vällingby Anhörigcirkel', 'nonProfitAssociation', 'under10', null, ['hasselby-vallingby'], ['anhoriga', 'aldre'], ['aldreforvaltningen'], ['radgivning'],
    'Samtalsgrupper för anhöriga som vårdar en närstående.', '', [{ name: 'Marianne Öberg', title: 'Gruppledare', monthsSinceConfirmed: 3 }]),
  d('Regnbågshuset Stockholm', 'nonProfitAssociation', 'from10to49', '2020-03-01', ['sodermalm', 'norrmalm'], ['hbtqi', 'barn-och-unga'], ['socialforvaltningen'], ['radgivning', 'lokaler', 'natverk'],
    'Trygg mötesplats och stödsamtal för hbtqi-personer i alla åldrar.', 'Mötesrum för 25 personer, tillgängligt.', [{ name: 'Alex Rosén', title: 'Verksamhetsledare', monthsSinceConfirmed: 2 }]),
  d('Bromma Hembygdsförening', 'nonProfitAssociation', 'from50to249', null, ['bromma'], ['alla'], ['kulturforvaltningen'], ['lokaler', 'fritid'],
    'Hembygdsgård med stadsvandringar, arkiv och sommarfester.', 'Hembygdsgården kan lånas av andra föreningar.', [{ name: 'Ulla Forsberg', title: 'Kassör', monthsSinceConfirmed: 40 }]),
  d('Stiftelsen Stockholms Nattvandrare', 'foundation', 'from250', '2012-11-20', ['norrmalm', 'sodermalm', 'rinkeby-kista', 'farsta'], ['barn-och-unga'], ['socialforvaltningen'], ['volontarer', 'utbildning'],
    'Vuxna som vandrar på helgkvällar där unga samlas.', 'Utbildar nya nattvandrare varje månad.', [{ name: 'Henrik Lund', title: 'Samordnare', monthsSinceConfirmed: 1 }]),
  d('Årsta Återbruk', 'economicAssociation', 'under10', null, ['enskede-arsta-vantor'], ['arbetssokande', 'alla'], ['arbetsmarknadsforvaltningen'], ['utbildning'],
    'Second hand och reparationsverkstad som ger arbetsträning.', '', [{ name: 'Fatima Rahimi', title: 'Arbetsledare', monthsSinceConfirmed: 12 }]),
  d('Östermalms Äldrevänner', 'nonProfitAssociation', 'from10to49', '2013-01-20', ['ostermalm'], ['aldre'], ['aldreforvaltningen', 'sdf-ostermalm'], ['volontarer', 'fritid'],
    'Besöksvänner och utflykter för äldre som känner sig ensamma.', '', [{ name: 'Eva Strand', title: 'Ordförande', monthsSinceConfirmed: 5 }]),
  d('Farsta Fritidsgård Ideell', 'nonProfitAssociation', 'from10to49', '2021-09-01', ['farsta'], ['barn-och-unga'], ['sdf-farsta'], ['fritid', 'lokaler'],
    'Föreningsdriven fritidsgård med kvällsöppet fyra dagar i veckan.', 'Stor samlingslokal med kök.', [{ name: 'Samir Nasser', title: 'Föreståndare', monthsSinceConfirmed: 14 }]),
  d('Stockholms Dövas Förening', 'nonProfitAssociation', 'from50to249', '2012-11-20', ['kungsholmen'], ['funktionsnedsattning'], ['socialforvaltningen'], ['sprak', 'natverk'],
    'Intressepolitik och gemenskap för döva och hörselskadade.', 'Teckenspråkstolkar i nätverket.', [{ name: 'Lars Hedlund', title: 'Ordförande', monthsSinceConfirmed: 6 }]),
  d('Skarpnäcks Odlarförening', 'nonProfitAssociation', 'under10', null, ['skarpnack'], ['alla'], ['sdf-skarpnack'], ['fritid'],
    'Stadsodling och kurser i odling för grannar.', '', [{ name: 'Tove Ek', title: 'Kontaktperson', monthsSinceConfirmed: 2 }]),
  d('Hägerstens Brottsofferjour', 'nonProfitAssociation', 'under10', '2016-11-11', ['hagersten-alvsjo', 'skarholmen'], ['valdsutsatta'], ['socialforvaltningen'], ['radgivning'],
    'Stöd till brottsoffer och vittnen.', '', [{ name: 'Camilla Berglund', title: 'Samordnare', monthsSinceConfirmed: 20 }]),
  d('Nyföretagarcentrum Söder', 'svbCompany', 'from10to49', null, ['sodermalm', 'enskede-arsta-vantor'], ['arbetssokande', 'nyanlanda'], ['arbetsmarknadsforvaltningen'], ['radgivning', 'bidragskunskap', 'utbildning'],
    'Rådgivning till dig som vill starta företag eller förening.', 'Vi hjälper andra med budget i bidragsansökningar.', [{ name: 'Jonas Ahmadi', title: 'Rådgivare', monthsSinceConfirmed: 3 }]),
  d('Tensta Läxhjälp', 'nonProfitAssociation', 'from10to49', '2018-08-20', ['spanga-tensta'], ['barn-och-unga'], ['utbildningsforvaltningen'], ['volontarer', 'lokaler'],
    'Gratis läxhjälp fyra kvällar i veckan med studenter som volontärer.', 'Studierum i Tensta centrum.', [{ name: 'Layla Hassan', title: 'Ordförande', monthsSinceConfirmed: 10 }]),
  d('Islamiska Församlingen Järva', 'religiousCommunity', 'from250', '2015-05-05', ['rinkeby-kista', 'spanga-tensta'], ['alla', 'barn-och-unga'], ['sdf-rinkeby-kista'], ['lokaler', 'mat', 'natverk'],
    'Församling med ungdomsverksamhet, samtalsstöd och matutdelning under högtider.', 'Föreläsningssal för 150 personer.', [{ name: 'Yusuf Abdi', title: 'Sekreterare', monthsSinceConfirmed: 16 }]),
  d('Bidragsakademin Stockholm', 'nonProfitAssociation', 'under10', '2022-02-14', ['kungsholmen'], ['alla'], ['stadsledningskontoret'], ['bidragskunskap', 'utbildning'],
    'Nätverk av föreningsfolk som lär varandra att skriva bidragsansökningar.', 'Mallar och genomläsning av ansökningar.', [{ name: 'Maria Sandberg', title: 'Samordnare', monthsSinceConfirmed: 1 }]),
];
