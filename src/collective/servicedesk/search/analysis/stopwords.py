"""Function words of Bokmål and Nynorsk, and the words that must survive them.

Negations are never dropped ("ble ikke tømt" is not "ble tømt"). Verb particles
("si opp", "melde av") are dropped as words of their own but kept joined to the
word before them, so a phrasal verb stays one meaning.
"""

STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av der så var meg seg men
    ett har om vi min mitt mi mine ha hadde hun nå over da ved fra du ut sin si
    sitt sine dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil
    bli ble blei blitt kunne inn når være vore kom noen noko nokon skulle hvis
    dere deres ditt din disse hvordan korleis kva kvar kven hvem hvorfor kvifor
    eg ho me dei dykk meir mer enn også ein eit eitt dette denne hos hennes hennar
    våre vår vårt mot for frå til hvilken hvilke kva kor kva for ikkje_ er vert
    blir vart må må få får gjøre gjer gjør jo vel bare berre litt lurer lure
    hei hallo takk meg mitt mykje mye ganske noe nokre noen enda ennå altså
    """.split()
) - {"si", "ikkje_"}

NEGATIONS = frozenset(
    {"ikke", "ikkje", "ingen", "inga", "intet", "aldri", "uten", "utan"}
)

# Particles that make a phrasal verb with a word before them.
PARTICLES = frozenset(
    {"opp", "av", "ut", "inn", "på", "ned", "bort", "igjen", "tilbake", "fram", "frem"}
)
# How far back (in words) a particle looks for its verb: "sier jeg opp".
PARTICLE_REACH = 3
