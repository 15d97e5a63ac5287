"""Demo knowledge: FAQ entries and experience documents of a fictitious municipality.

Bokmål unless marked "nn" (Nynorsk). State "public" = published publicly,
"internal" = published internally; a few drafts and one due for review.
"""

# (key, question, answer HTML, categories, state, tags, language)
FAQ = (
    (
        "byggesoknad-send",
        "Hvordan sender jeg en byggesøknad?",
        "<p>Byggesøknader sendes digitalt gjennom Fellestjenester bygg eller et "
        "godkjent søknadssystem. "
        "Papirsøknad kan leveres på servicetorget for dem som ikke kan søke "
        "digitalt.</p>",
        ["building-permits"],
        "public",
        ["byggesak", "søknad"],
        "nb",
    ),
    (
        "byggesoknad-gebyr",
        "Hva koster det å behandle en byggesøknad?",
        "<p>Gebyret følger kommunens gebyrregulativ for byggesaker. Enkle tiltak som "
        "garasje under 50 m² "
        "har lavere gebyr enn nybygg. Faktura sendes når vedtaket er fattet.</p>",
        ["building-permits", "municipal-fees"],
        "public",
        ["gebyr", "byggesak"],
        "nb",
    ),
    (
        "byggesoknad-tid",
        "Hvor lang tid tar behandlingen av en byggesøknad?",
        "<p>Kommunen har tre ukers frist for søknader uten dispensasjon og tolv uker "
        "for andre søknader. "
        "Fristen løper fra søknaden er komplett.</p>",
        ["building-permits"],
        "public",
        ["saksbehandlingstid"],
        "nb",
    ),
    (
        "garasje-soknadsplikt",
        "Må jeg søke om å bygge garasje?",
        "<p>En frittliggende garasje under 50 m² er ofte unntatt søknadsplikt, men må "
        "følge "
        "reguleringsplanen og avstandskravene. Ta kontakt med byggesak hvis du er i "
        "tvil.</p>",
        ["building-permits"],
        "public",
        ["garasje", "søknadsplikt"],
        "nb",
    ),
    (
        "nabovarsel",
        "Hvordan varsler jeg naboene før jeg søker?",
        "<p>Nabovarsel sendes digitalt eller rekommandert til alle naboer og "
        "gjenboere. "
        "Naboene har to uker på å komme med merknader.</p>",
        ["building-permits"],
        "internal",
        ["nabovarsel"],
        "nb",
    ),
    (
        "eiendomskart",
        "Hvor finner jeg kart og grenser for eiendommen min?",
        "<p>Kart med eiendomsgrenser finnes i kommunens kartløsning og på Norgeskart. "
        "Matrikkelbrev bestilles gjennom servicetorget.</p>",
        ["address-property"],
        "public",
        ["kart", "matrikkel"],
        "nb",
    ),
    (
        "adresse-ny",
        "Hvordan får ny bolig en adresse?",
        "<p>Kommunen tildeler adresse når igangsettingstillatelse er gitt. Adressen "
        "registreres i matrikkelen.</p>",
        ["address-property"],
        "internal",
        ["adresse"],
        "nb",
    ),
    (
        "eiendomsskatt-klage",
        "Hvordan klager jeg på eiendomsskatten?",
        "<p>Klage på eiendomsskatt sendes skriftlig innen seks uker fra "
        "skatteseddelen ble sendt ut. "
        "Bruk klageskjemaet på nettsiden eller send brev til kommunen.</p>",
        ["property-tax", "complaints"],
        "public",
        ["eiendomsskatt", "klage"],
        "nb",
    ),
    (
        "eiendomsskatt-forfall",
        "Når forfaller eiendomsskatten?",
        "<p>Eiendomsskatten betales i fire terminer sammen med de kommunale "
        "avgiftene.</p>",
        ["property-tax"],
        "public",
        ["forfall", "terminer"],
        "nb",
    ),
    (
        "avgifter-faktura",
        "Når kommer fakturaen for kommunale avgifter?",
        "<p>Kommunale avgifter for vann, avløp, renovasjon og feiing faktureres fire "
        "ganger i året: "
        "februar, mai, august og november.</p>",
        ["municipal-fees"],
        "public",
        ["faktura", "avgifter"],
        "nb",
    ),
    (
        "avgifter-avtalegiro",
        "Kan jeg betale kommunale avgifter med avtalegiro?",
        "<p>Ja. Avtalegiro opprettes i nettbanken med KID-nummeret på fakturaen.</p>",
        ["municipal-fees"],
        "public",
        ["avtalegiro", "betaling"],
        "nb",
    ),
    (
        "tomming-dager",
        "Når tømmes søppeldunken min?",
        "<p>Restavfall tømmes annenhver uke, papir hver fjerde uke og matavfall hver "
        "uke. "
        "Tømmekalenderen for din adresse finner du i renovasjonsappen.</p>",
        ["waste-collection"],
        "public",
        ["tømming", "avfall"],
        "nb",
    ),
    (
        "tomming-glemt",
        "Søppeldunken ble ikke tømt – hva gjør jeg?",
        "<p>Meld fra til renovasjonsselskapet samme dag eller dagen etter. Dunken må "
        "stå ved veien "
        "klar til tømming fra klokken sju.</p>",
        ["waste-collection"],
        "public",
        ["tømming", "avvik"],
        "nb",
    ),
    (
        "storavfall",
        "Hvordan blir jeg kvitt storavfall og hageavfall?",
        "<p>Storavfall og hageavfall leveres gratis på gjenvinningsstasjonen. "
        "Henting av storavfall kan bestilles mot gebyr.</p>",
        ["waste-collection"],
        "public",
        ["storavfall", "gjenvinning"],
        "nb",
    ),
    (
        "vannmaler",
        "Hvordan leser jeg av vannmåleren?",
        "<p>Målerstanden meldes inn digitalt før årsskiftet. Bruk koden på "
        "avlesningskortet som "
        "kommer i posten i desember.</p>",
        ["water-sewage"],
        "public",
        ["vannmåler", "avlesning"],
        "nb",
    ),
    (
        "vannbrudd",
        "Det er brudd på vannledningen – hvem ringer jeg?",
        "<p>Ring vakttelefonen for vann og avløp, som er åpen hele døgnet. "
        "Servicetorget setter over i åpningstiden.</p>",
        ["water-sewage"],
        "internal",
        ["vannlekkasje", "vakt"],
        "nb",
    ),
    (
        "broyting",
        "Når blir veien min brøytet?",
        "<p>Kommunale veier brøytes når det har kommet mer enn 8 cm snø. Hovedveier "
        "og bussveier "
        "prioriteres. Private veier må brøytes av eierne.</p>",
        ["roads-snow"],
        "public",
        ["brøyting", "snø"],
        "nb",
    ),
    (
        "gatelys",
        "Hvordan melder jeg feil på gatelys?",
        "<p>Feil på gatelys meldes i kommunens meldingstjeneste med kartpunkt. "
        "Fylkesveier og riksveier har egne ansvarlige.</p>",
        ["roads-snow"],
        "public",
        ["gatelys", "feilmelding"],
        "nb",
    ),
    (
        "parkering-bevis",
        "Hvordan søker jeg om parkeringstillatelse for forflytningshemmede?",
        "<p>Søknad om parkeringstillatelse for forflytningshemmede sendes med "
        "legeerklæring. "
        "Tillatelsen gjelder i hele landet.</p>",
        ["parking"],
        "public",
        ["parkeringstillatelse", "HC-parkering"],
        "nb",
    ),
    (
        "parkering-bot",
        "Hvordan klager jeg på en parkeringsbot?",
        "<p>Klage på kontrollsanksjon sendes innen tre uker til den som skrev ut "
        "boten. "
        "Kommunen behandler bare klager på kommunal parkering.</p>",
        ["parking", "complaints"],
        "public",
        ["parkeringsbot", "klage"],
        "nb",
    ),
    (
        "barnehage-soknad",
        "Hvordan søker jeg barnehageplass?",
        "<p>Søknad om barnehageplass sendes elektronisk. Fristen for hovedopptaket er "
        "1. mars. "
        "Barn som fyller ett år innen utgangen av november har rett til plass.</p>",
        ["kindergarten"],
        "public",
        ["barnehage", "opptak"],
        "nb",
    ),
    (
        "barnehage-pris",
        "Hva koster en barnehageplass?",
        "<p>Foreldrebetalingen følger makspris fastsatt av Stortinget. Familier med "
        "lav inntekt kan søke "
        "redusert pris og gratis kjernetid.</p>",
        ["kindergarten", "municipal-fees"],
        "public",
        ["makspris", "redusert foreldrebetaling"],
        "nb",
    ),
    (
        "sfo-plass",
        "Korleis søkjer eg SFO-plass?",
        "<p>Søknad om plass i skulefritidsordninga sender du elektronisk. Første "
        "klasse har gratis "
        "deltidsplass.</p>",
        ["school"],
        "public",
        ["SFO"],
        "nn",
    ),
    (
        "skolebytte",
        "Hvordan søker jeg om skolebytte?",
        "<p>Søknad om skolebytte sendes til rektor ved skolen eleven ønsker å gå på. "
        "Søknaden avgjøres etter kapasitet.</p>",
        ["school"],
        "internal",
        ["skolebytte"],
        "nb",
    ),
    (
        "legevakt",
        "Kva er telefonnummeret til legevakta?",
        "<p>Legevakta har nasjonalt nummer 116 117. Ved fare for liv ring 113.</p>",
        ["health-services"],
        "public",
        ["legevakt"],
        "nn",
    ),
    (
        "fastlege-bytte",
        "Hvordan bytter jeg fastlege?",
        "<p>Du bytter fastlege på helsenorge.no eller ved å ringe Fastlegetelefonen. "
        "Du kan bytte inntil to ganger i året.</p>",
        ["health-services"],
        "public",
        ["fastlege"],
        "nb",
    ),
    (
        "hjemmetjenester-soknad",
        "Hvordan søker jeg om hjemmetjenester?",
        "<p>Søknad om hjemmesykepleie eller praktisk bistand sendes til "
        "tildelingskontoret. "
        "Pårørende kan hjelpe til med søknaden.</p>",
        ["home-care"],
        "internal",
        ["hjemmesykepleie", "praktisk bistand"],
        "nb",
    ),
    (
        "trygghetsalarm",
        "Korleis får eg trygghetsalarm?",
        "<p>Trygghetsalarm søkjer du om hos tildelingskontoret. Det er ein månadleg "
        "eigendel.</p>",
        ["home-care"],
        "internal",
        ["trygghetsalarm"],
        "nn",
    ),
    (
        "sosialhjelp-soknad",
        "Hvor søker jeg om økonomisk sosialhjelp?",
        "<p>Økonomisk sosialhjelp søkes hos NAV-kontoret i kommunen, digitalt eller "
        "på papir. "
        "Servicetorget kan hjelpe med å finne skjemaet, men ikke behandle "
        "søknaden.</p>",
        ["social-assistance", "nav-referral"],
        "internal",
        ["sosialhjelp", "NAV"],
        "nb",
    ),
    (
        "nav-timer",
        "Når har NAV-kontoret åpent?",
        "<p>NAV-kontoret har drop-in mandag til fredag klokken 10 til 14. "
        "Time avtales på nav.no eller på telefon 55 55 33 33.</p>",
        ["nav-referral"],
        "internal",
        ["NAV", "åpningstider"],
        "nb",
    ),
    (
        "bostotte-soknad",
        "Hvordan søker jeg om bostøtte?",
        "<p>Bostøtte søkes elektronisk hos Husbanken innen den 1. i måneden. Kommunen "
        "kan hjelpe "
        "med søknaden. Inntekt og boutgifter avgjør om du får støtte.</p>",
        ["housing-allowance"],
        "public",
        ["bostøtte", "Husbanken"],
        "nb",
    ),
    (
        "bostotte-avslag",
        "Jeg fikk avslag på bostøtte – kan jeg klage?",
        "<p>Ja, klage sendes til kommunen innen tre uker. Husbanken behandler klagen "
        "hvis kommunen "
        "ikke gir medhold.</p>",
        ["housing-allowance", "complaints"],
        "internal",
        ["bostøtte", "klage"],
        "nb",
    ),
    (
        "kommunal-bolig",
        "Hvordan søker jeg om kommunal bolig?",
        "<p>Søknad om kommunal utleiebolig sendes til boligkontoret med opplysninger "
        "om inntekt, "
        "helse og nåværende bosituasjon.</p>",
        ["municipal-housing"],
        "internal",
        ["utleiebolig"],
        "nb",
    ),
    (
        "bibliotek-apning",
        "Når er biblioteket åpent?",
        "<p>Hovedbiblioteket er betjent mandag til lørdag. Med meråpent bibliotek kan "
        "du bruke "
        "lokalet fra sju til tjuetre med lånekort og PIN-kode.</p>",
        ["culture-library"],
        "public",
        ["bibliotek", "åpningstider"],
        "nb",
    ),
    (
        "lokaler-leie",
        "Kan lag og foreninger leie kommunale lokaler?",
        "<p>Gymsaler, møterom og kulturhuset kan leies av lag og foreninger. "
        "Søknad sendes gjennom bookingløsningen.</p>",
        ["culture-library"],
        "internal",
        ["utleie", "lokaler"],
        "nb",
    ),
    (
        "klage-vedtak",
        "Hvordan klager jeg på et kommunalt vedtak?",
        "<p>Klagen sendes til det organet som fattet vedtaket, normalt innen tre uker. "
        "Skriv hvilket vedtak du klager på og hvorfor.</p>",
        ["complaints"],
        "public",
        ["klage", "forvaltningsloven"],
        "nb",
    ),
    (
        "sentralbord-viderekobling",
        "Hvem setter vi over til når saksbehandler ikke svarer?",
        "<p>Ta imot beskjed i servicetorget og registrer henvendelsen. Enheten får "
        "den i køen sin. "
        "Ikke send innbyggeren til et kontor uten å sjekke hvem som er på vakt.</p>",
        ["switchboard"],
        "internal",
        ["viderekobling", "beskjed"],
        "nb",
    ),
    (
        "startlan",
        "Hvordan søker jeg om startlån?",
        "<p>Startlån søkes elektronisk via Husbanken. Kommunen vurderer om du kan "
        "betjene lånet.</p>",
        ["housing-allowance"],
        "draft",
        ["startlån"],
        "nb",
    ),
    (
        "feiing",
        "Når kommer feieren?",
        "<p>Feiing og tilsyn skjer etter behov, vanligvis hvert fjerde år.</p>",
        ["municipal-fees"],
        "review",
        ["feiing", "tilsyn"],
        "nb",
    ),
    # Common questions added with the search work (issue 16).
    (
        "barnehage-oppsigelse",
        "Hvordan sier jeg opp barnehageplassen?",
        "<p>Barnehageplassen sies opp skriftlig i foresattportalen. Oppsigelsestiden "
        "er to måneder regnet fra den 1. i måneden etter at oppsigelsen er mottatt. "
        "Foreldrebetaling løper ut oppsigelsestiden.</p>",
        ["kindergarten"],
        "public",
        ["oppsigelse", "barnehage"],
        "nb",
    ),
    (
        "sfo-utmelding",
        "Korleis melder eg barnet av SFO?",
        "<p>Utmelding av SFO skjer skriftleg i foreldreportalen. Oppseiingstida er "
        "éin månad frå den 1. i månaden etter at utmeldinga er motteken.</p>",
        ["school"],
        "public",
        ["SFO", "utmelding", "oppseiing"],
        "nn",
    ),
    (
        "skoleskyss",
        "Har barnet mitt rett til gratis skoleskyss?",
        "<p>Elever i 1. klasse har rett til gratis skoleskyss når skoleveien er "
        "lengre enn 2 km, elever i 2.–10. klasse når den er lengre enn 4 km. "
        "Skolebuss og busskort søkes gjennom skolen. Særlig farlig skolevei gir "
        "også rett til skyss.</p>",
        ["school"],
        "public",
        ["skyss", "skolebuss", "busskort"],
        "nb",
    ),
    (
        "flytting-melde",
        "Hvordan melder jeg flytting?",
        "<p>Flytting meldes til Folkeregisteret hos Skatteetaten senest åtte dager "
        "etter at du har flyttet. Kommunen får beskjed automatisk. Husk også å melde "
        "fra om ny adresse til renovasjon og barnehage.</p>",
        ["address-property"],
        "public",
        ["flyttemelding", "folkeregister", "adresseendring"],
        "nb",
    ),
    (
        "renovasjon-abonnement",
        "Hvordan bytter jeg til større eller mindre søppeldunk?",
        "<p>Størrelsen på dunken endres i renovasjonsabonnementet på Min side. "
        "Renovasjonsgebyret endres fra neste termin. Deling av dunk med nabo er "
        "mulig.</p>",
        ["waste-collection", "municipal-fees"],
        "public",
        ["renovasjonsgebyr", "abonnement", "avfallsbeholder"],
        "nb",
    ),
    (
        "vei-hull",
        "Korleis melder eg hol i vegen eller skade på fortauet?",
        "<p>Skade på kommunal veg, fortau eller gang- og sykkelveg meldast i "
        "kartløysinga «Meld feil». Riks- og fylkesvegar meldast til Statens vegvesen "
        "eller fylkeskommunen.</p>",
        ["roads-snow"],
        "public",
        ["veghol", "asfalt", "fortau"],
        "nn",
    ),
    (
        "sykehjem-plass",
        "Hvordan søker jeg om plass på sykehjem?",
        "<p>Søknad om langtidsplass eller korttidsopphold på sykehjem sendes "
        "tildelingskontoret. Kommunen vurderer helsetilstand og behov for "
        "heldøgns omsorg.</p>",
        ["home-care", "health-services"],
        "internal",
        ["sykehjemsplass", "korttidsopphold", "langtidsplass"],
        "nb",
    ),
    (
        "vann-avlop-gebyr",
        "Kva kostar vatn og avløp i året?",
        "<p>Årsgebyret for vatn og avløp har ein fast del og ein del etter forbruk "
        "(vassmålar) eller bustadens areal. Satsane står i gebyrregulativet.</p>",
        ["water-sewage", "municipal-fees"],
        "public",
        ["vassgebyr", "avløpsgebyr", "kommunale avgifter"],
        "nn",
    ),
    (
        "hund-bandtvang",
        "Når er det båndtvang for hunder?",
        "<p>Det er båndtvang fra 1. april til 20. august i hele kommunen, og hele "
        "året i sentrum og på lekeplasser.</p>",
        ["culture-library"],
        "public",
        ["båndtvang", "hund", "hundehold"],
        "nb",
    ),
    (
        "skjenkebevilling",
        "Hvordan søker jeg om skjenkebevilling for et arrangement?",
        "<p>Søknad om skjenkebevilling for en enkelt anledning sendes kommunen "
        "senest tre uker før arrangementet. Ansvarshavende må ha bestått "
        "kunnskapsprøven.</p>",
        ["other"],
        "public",
        ["alkohol", "bevilling", "servering"],
        "nb",
    ),
    (
        "valg-forhandsstemme",
        "Hvor kan jeg forhåndsstemme?",
        "<p>Du kan forhåndsstemme på servicetorget og biblioteket i "
        "forhåndsstemmeperioden. Ta med legitimasjon.</p>",
        ["other"],
        "public",
        ["valg", "stemme", "forhåndsstemming"],
        "nb",
    ),
    (
        "strom-brudd",
        "Kven kontaktar eg ved straumbrot?",
        "<p>Straumbrot meldast til nettselskapet, ikkje kommunen. Ved brot på "
        "gatelys kan du melde feil til kommunen.</p>",
        ["roads-snow"],
        "internal",
        ["straum", "nettselskap"],
        "nn",
    ),
)

# (key, title, description, body HTML, kind, categories, state, audience, link,
#  municipality, source)
DOCUMENTS = (
    (
        "rutine-byggesak",
        "Rutine: mottak av byggesøknader på papir",
        "Slik tar servicetorget imot og registrerer byggesøknader som leveres på "
        "papir.",
        "<p>Stemple søknaden med mottaksdato, skann den og registrer henvendelsen med "
        "kategori byggesak. "
        "Gi innbyggeren kvittering. Originalen sendes byggesak i internposten.</p>",
        "routine",
        ["building-permits"],
        "published",
        "internal",
        None,
        "Demo kommune",
        "Byggesak",
    ),
    (
        "veileder-bostotte",
        "Veileder: hjelp med søknad om bostøtte",
        "Steg for steg gjennom Husbankens søknad, med vanlige feil.",
        "<p>Sjekk at alle i husstanden er registrert, at boutgiftene er dokumentert "
        "og at inntekten "
        "stemmer med skatteoppgjøret. Vanlig feil: husleiekontrakt mangler.</p>",
        "user_guide",
        ["housing-allowance"],
        "published",
        "internal",
        "https://husbanken.no/bostotte",
        "",
        "Husbanken",
    ),
    (
        "lov-forvaltningsloven",
        "Forvaltningsloven: klagefrister",
        "Lenke til forvaltningsloven kapittel VI om klage.",
        "<p>Klagefristen er tre uker fra vedtaket kom fram til parten (§ 29).</p>",
        "law_reference",
        ["complaints"],
        "published",
        "public",
        "https://lovdata.no/lov/1967-02-10",
        "",
        "Lovdata",
    ),
    (
        "tjeneste-renovasjon",
        "Tjenestebeskrivelse: renovasjon",
        "Hva innbyggerne får for renovasjonsgebyret.",
        "<p>Henting av restavfall, papir, plast og matavfall, og fri levering på "
        "gjenvinningsstasjonen.</p>",
        "service_description",
        ["waste-collection", "municipal-fees"],
        "published",
        "public",
        None,
        "",
        "Renovasjon",
    ),
    (
        "elaering-personvern",
        "E-læring: personvern i servicetorget",
        "Kurs om taushetsplikt og personopplysninger for ansatte i førstelinjen.",
        "<p>Kurset tar 30 minutter. Alle nye medarbeidere skal ta det første uke.</p>",
        "elearning",
        ["other"],
        "published",
        "internal",
        "https://kurs.demo.kommune.no/personvern",
        "",
        "HR",
    ),
    (
        "sak-vannlekkasje",
        "Løst sak: vannlekkasje i kjeller en helg",
        "Hvordan vakttelefon og servicetorg samarbeidet om en akutt vannlekkasje.",
        "<p>Innbyggeren ringte lørdag. Servicetorget var stengt, men vakttelefonen "
        "tok saken. "
        "Mandag fulgte vi opp med informasjon om forsikring og skademelding.</p>",
        "case_writeup",
        ["water-sewage"],
        "internal",
        "internal",
        None,
        "Demo kommune",
        "Servicetorget",
    ),
    (
        "chat-barnehage",
        "Chatlogg: spørsmål om barnehageopptak",
        "Anonymisert chat om frister og rett til plass.",
        "<p>Innbygger: Når er fristen? Servicetorget: 1. mars for hovedopptaket.</p>",
        "chat_transcript",
        ["kindergarten"],
        "internal",
        "internal",
        None,
        "",
        "Chat",
    ),
    (
        "retningslinje-gebyr",
        "Retningslinje: ettergivelse av gebyr",
        "Når kommunen kan sette ned eller ettergi kommunale gebyrer.",
        "<p>Gebyr kan settes ned ved særlige grunner, for eksempel lav inntekt over "
        "tid. "
        "Søknaden behandles av økonomiavdelingen.</p>",
        "guideline",
        ["municipal-fees"],
        "published",
        "internal",
        None,
        "Demo kommune",
        "Økonomi",
    ),
    (
        "rutine-brøyting",
        "Rutine: henvendelser om brøyting",
        "Hvem som eier veien avgjør hvem som brøyter.",
        "<p>Sjekk i kartet om veien er kommunal, fylkesvei eller privat. Registrer "
        "klager med vei og "
        "tidspunkt.</p>",
        "routine",
        ["roads-snow"],
        "published",
        "internal",
        None,
        "Demo kommune",
        "Teknisk drift",
    ),
    (
        "rutine-legevakt-nn",
        "Rutine: når innbyggjar ringjer om akutt sjukdom",
        "Set over til legevakta eller ring 113 ved fare for liv.",
        "<p>Servicetorget gjev ikkje medisinske råd. Set over til legevakta på 116 "
        "117.</p>",
        "routine",
        ["health-services"],
        "published",
        "internal",
        None,
        "",
        "Helse",
    ),
    (
        "gammel-rutine-parkering",
        "Rutine: parkeringskort (gammel ordning)",
        "Erstattet av digital søknad.",
        "<p>Papirskjema ble sendt i posten.</p>",
        "routine",
        ["parking"],
        "obsolete",
        "internal",
        None,
        "",
        "Parkering",
    ),
    (
        "utkast-sfo",
        "Utkast: SFO-priser neste år",
        "Ikke vedtatt ennå.",
        "<p>Forslag til nye satser.</p>",
        "guideline",
        ["school"],
        "private",
        "internal",
        None,
        "",
        "Oppvekst",
    ),
)
