"""Function words per language: a term candidate never starts or ends with one.

Prepositions are kept apart because they may stand *inside* a term ("ustawa o pomocy
społecznej", "asmenys su negalia", "ministry of social security"); every other function word
(conjunctions, pronouns, particles, auxiliaries, number words, abbreviations of dates) breaks
a candidate. For Polish, morfeusz2's tags catch what these lists miss; for Lithuanian and
English these lists are all we have, so they include the common verbs and adverbs of
reports and news texts.
"""

from __future__ import annotations

PREPOSITIONS = {
    "pl": frozenset("""
        bez dla do dookoła drogą mimo koło między na nad naprzeciw o od po pod poza przed
        przeciw przeciwko przez przy spod spoza sprzed u w we wobec wokół wskutek z za ze
        zamiast znad zza ku ponad pomiędzy poprzez podczas według wśród obok około
        """.split()),
    "lt": frozenset("""
        ant apie be dėl iki į iš išskyrus link nuo pagal palei pas per po prie prieš pro
        su tarp ties už virš žemiau šalia aplink arti greta vietoj anot
        """.split()),
    "en": frozenset("""
        about above across after against along among around at before behind below beneath
        beside between beyond by despite down during for from in inside into near of off on
        onto out outside over past since through throughout to toward towards under until
        upon via with within without
        """.split()),
}

_OTHER = {
    "pl": """
        a aby aż albo ale ani bo by być co byli było były będzie będą bardzo czy czyli dlatego
        dlaczego gdy gdyż gdzie go ich i im jak jakie jaki jakiś jako jednak jego jej jest
        jeszcze jeśli już każdy każda każde kiedy kto która które którego której których który
        którym którymi ku lub ma mają mi może można mu my nam nas nawet nie niech nich niego
        niej nim nimi no np oraz on ona one oni ono oto pan pani po prostu przy również się
        sobie sobą swoje swoim swoich swój swoja swoją tak także tam te tego tej ten też to tu
        tych tylko tym tymi tę wiele wszyscy wszystkich wszystko wszystkim zaś że żeby
        jako jakby także ponadto ponieważ natomiast więc zarówno ani czy dnia r rok roku lata
        latach m in ul pl ds itp itd tzw tj br b oraz jest są został została zostało zostali
        zostały został mieć miał miała mieli być może którą którzy tą tę owo ów sam sama
        samo bardzo również czym czego kogo komu wszystkie wszystkich tego tamte taki taka
        takie takich takiej innych inne inny inna innym pierwszy drugi trzeci jeden jedna
        jedno dwa dwie trzy cztery pięć sześć siedem osiem dziewięć dziesięć sto tysiąc
        wiele wielu kilka kilku rzecz fot foto tel
        następujący niniejszy powyższy poniższy cały
        """,
    "lt": """
        ir bei ar o bet kad nes jog kaip taip pat tai tas ta tie tos to tą tų tam tuos tas
        šis ši šie šios šio šią šį šių šiuo šioje šiame šiems šioms jis ji jie jos jo jų jam
        jai jiems joms juos jas juo ja jais jomis jame joje mes jūs aš tu mano tavo mūsų jūsų
        savo save sau savęs kuris kuri kurie kurios kurio kurių kuriam kuriai kuriems kurioms
        kurį kurią kuriuos kurias kuriuo kuria kuriais kuriomis kuriame kurioje kuriuose
        kuriose kas ko kam ką kuo kur kai kada kodėl koks kokia kokie kokios yra buvo bus
        būti būtų gali galima galės turi turėjo reikia ne nėra net jau dar tik labai čia
        ten visi visos visų visiems visoms visus visas viskas visa visam kiti kitos kitų
        kitiems kitoms kitus kitas kitais kitomis kitose kituose kita kitą kt m d mėn š nr
        val t y pvz taip pat kartu taip pat vis tačiau todėl nors arba arba kiekvienas
        kiekviena kiekvieno kiekvienos kiekvieną kiekvienam du dvi trys keturi penki vienas
        viena vieno vienos daug mažai kelios keli kelių pirmoji antroji pirmasis antrasis
        foto tel nei negu metu būdu atveju pagrindu tikslu dėka
        visada niekada tada pavyzdžiui
        """,
    "en": """
        a an and are as be been being both but can could did do does each either etc every
        had has have he her here hers him his how i if is it its itself just may me might
        more most must my neither no nor not now only or other others our ours she should so
        some such than that the their theirs them then there these they this those thus too
        us very was we were what when where which while who whom whose why will would yes yet
        you your also many much one two three four five six seven eight nine ten first second
        third new well among per e g i e mr mrs ms dr st
        """,
}

# Prepositions that join a term's parts ("opieka nad dziećmi", "usługi dla rodzin",
# "asmenys su negalia", "pagalba į namus"), unlike those of place and time ("w gminach",
# "z rejonu"), which mostly attach circumstances to a phrase. Polish "z" counts only with
# the instrumental ("osoby z zaburzeniami"; "z rejonu" is genitive, "from"). Lithuanian
# "pagal" names the ground of a role or a document ("atstovas pagal įstatymą", "sutartis
# pagal pavedimą").
TERM_PREPOSITIONS = {
    "pl": frozenset({"nad", "dla", "o", "przeciw", "przeciwko", "wobec", "z", "ze"}),
    "lt": frozenset({"su", "į", "be", "prieš", "pagal"}),
    "en": frozenset({"of", "for", "with", "against", "without"}),
}

# Nouns that make a complex preposition with the preposition before them ("w ramach",
# "z zakresu", "na rzecz"): there they are no part of a term.
COMPLEX_PREPOSITION_NOUNS = {
    "pl": frozenset("""ramach rzecz zakresie zakresu celu celach przypadku trakcie wyniku
        oparciu związku imieniu ciągu drodze podstawie odniesieniu stosunku razie miarę
        charakterze skutek przeciwieństwie przedmiocie sprawie pośrednictwem
        szczególności chwilą czasu czasie powodu względu uwagi tytułu toku kątem
        zależności wyjątkiem wpływem porównaniu obliczu myśl warunkiem uwzględnieniem
        mocy zamian racji temat kwestii wysokości terminie okresie trybie granicach
        dniu""".split()),
}


# Units of time, in the forms a number puts them in ("2027 metų", "3 mėnesius", "w 2026
# roku"): a date or a duration, never part of a term.
TIME_UNITS = {
    "pl": frozenset("rok roku roków lat lata latach miesiąc miesiące miesięcy miesiąca dni dnia"
                    " tygodni tygodnie godzin godziny".split()),
    "lt": frozenset("metai metų metus metais mėnesio mėnesių mėnesius mėnesiai dienos dienų"
                    " dienas savaitės savaičių savaites valandų valandas valandos parų paras"
                    " mėnesį pusmetį pusmečio dieną savaitę valandą parą".split()),
    "en": frozenset("year years month months day days week weeks hour hours".split()),
}


# Forms of "to be" that make a passive with the participle after them ("buvo sudarytas
# pagalbos planas", "jest prowadzona dokumentacja"): that participle is the predicate.
AUXILIARIES = {
    "lt": frozenset("yra buvo bus būtų buvę nėra nebuvo nebus nebūtų".split()),
    "pl": frozenset("jest są był była było były byli będzie będą został została zostało "
                    "zostały zostali zostanie zostaną".split()),
    "en": frozenset("is are was were be been being".split()),
}


def is_auxiliary(word: str, lang: str) -> bool:
    return word in AUXILIARIES.get(lang, ())


# Lithuanian relative pronouns (kuris, kuri): a participle right after one is the clause's
# predicate, its "yra" left out: "asmeniui, kuriam [nustatytas] ... lygis"
LT_RELATIVES = frozenset("""kuris kuri kurio kurios kuriam kuriai kurį kurią kuriuo kuria
    kuriame kurioje kurie kurių kuriems kurioms kuriuos kurias kuriais kuriomis kuriuose
    kuriose""".split())


def before_a_predicate(word: str, lang: str) -> bool:
    """A participle after `word` (lower case) is a predicate: an auxiliary ("buvo
    sudarytas"), or in Lithuanian a relative pronoun ("kuriam nustatytas")."""
    return is_auxiliary(word, lang) or lang == "lt" and word in LT_RELATIVES


def is_time_unit(word: str, lang: str) -> bool:
    return word in TIME_UNITS.get(lang, ())


def ends_complex_preposition(preposition: str, noun: str, lang: str) -> bool:
    """True for "w ramach", "z zakresu": `preposition` and `noun` lower-cased."""
    return is_preposition(preposition, lang) and noun in COMPLEX_PREPOSITION_NOUNS.get(lang, ())


# Prepositions no official name holds ("[Żurawcu] pomiędzy [Gminnym Ośrodkiem]": a
# clause between two names, not one name).
NOT_IN_NAMES = frozenset("""pomiędzy między przez według wśród spośród podczas zamiast
    oprócz dzięki około tarp per apie between by during""".split())


# "i" may stand inside a name: "Minister Ochrony Społecznej i Pracy" (see ngrams).
COORDINATORS = {"pl": frozenset({"i", "oraz"}), "lt": frozenset({"ir", "bei"}),
                "en": frozenset({"and"})}

# Words that place an event in time or in a series date or count it, never name a term:
# the months and the days of the week ("w lutym następnego roku", "do 15 marca", "od
# poniedziałku do piątku"; read as nouns, or "lutym" as the rare adjective luty, they
# made "luty następny" and "poniedziałek do piątku" terms), the ordinals past trzeci (lemmas:
# an adjective is a stop word by its lemma, see `analysis`; "do dziesiątego dnia") and
# the adjectives of relative time ("w następnym miesiącu", "w ubiegłym roku").
DATING = {
    "pl": frozenset("""
        styczeń stycznia styczniu luty lutego lutym marzec marca marcu kwiecień kwietnia
        kwietniu maj maja maju czerwiec czerwca czerwcu lipiec lipca lipcu sierpień sierpnia
        sierpniu wrzesień września wrześniu październik października październiku listopad
        listopada listopadzie grudzień grudnia grudniu
        poniedziałek poniedziałku poniedziałki poniedziałków poniedziałkach wtorek wtorku
        wtorki wtorków wtorkach środa środy środę środzie środą środach czwartek czwartku
        czwartki czwartków czwartkach piątek piątku piątki piątków piątkach sobota soboty
        sobotę sobocie sobotą sobotach sobót niedziela niedzieli niedzielę niedzielą
        niedziele niedziel niedzielach
        czwarty piąty szósty siódmy ósmy dziewiąty dziesiąty jedenasty dwunasty trzynasty
        czternasty piętnasty szesnasty siedemnasty osiemnasty dziewiętnasty dwudziesty
        trzydziesty
        następny ubiegły poprzedni zeszły przyszły
        """.split()),
    # lemmas (a Lithuanian word is a stop word by its lemma): "nuo sausio", "penktadienį"
    "lt": frozenset("""
        sausis vasaris kovas balandis gegužė birželis liepa rugpjūtis rugsėjis spalis
        lapkritis gruodis pirmadienis antradienis trečiadienis ketvirtadienis penktadienis
        šeštadienis sekmadienis
        """.split()),
}

STOPWORDS = {lang: frozenset(_OTHER[lang].split()) | PREPOSITIONS[lang]
             | DATING.get(lang, frozenset()) for lang in _OTHER}


def is_stopword(word: str, lang: str) -> bool:
    """`word` lower-cased; languages without a list have no stop words."""
    return word in STOPWORDS.get(lang, ())


def is_preposition(word: str, lang: str) -> bool:
    return word in PREPOSITIONS.get(lang, ())


def is_coordinator(word: str, lang: str) -> bool:
    return word in COORDINATORS.get(lang, ())


def is_term_preposition(word: str, lang: str) -> bool:
    return word in TERM_PREPOSITIONS.get(lang, ())
