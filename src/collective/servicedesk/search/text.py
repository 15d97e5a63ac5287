"""Norwegian-aware text normalisation shared by indexing, querying and highlighting.

One pipeline for both sides of the search, so a word is always reduced the same way:
case folding, the Snowball Norwegian stemmer, then folding to ASCII (æ→ae, ø and oe→o,
å and aa→a, accents dropped). "Byggesøknader", "byggesoeknad" and "BYGGESOKNAD" all
become ``byggesoknad``.
"""

from functools import lru_cache
import re
import snowballstemmer
import unicodedata

# Letters and digits; keeps "12/345" apart as two tokens, "e-post" as two.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A query word that may end in the glob characters of ZCTextIndex.
GLOB_WORD_RE = re.compile(r"[^\W_]+[*?]?", re.UNICODE)

# Common Norwegian (Bokmål and Nynorsk) function words. Dropping them keeps a typed
# question such as "hvordan søker jeg om ..." from requiring "jeg" in every match.
STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var
    meg seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin
    dem oss opp man kan hans hvor eller hva skal selv sjøl her alle vil bli ble
    blei blitt kunne inn når være vore kom noen noko nokon skulle hvis dere
    deres ditt din disse hvordan korleis kva kvar kven hvem hvorfor kvifor vi
    eg ho me dei dykk meir mer enn også og om så at ein eit eitt dette denne
    hos hennes hennar mine våre vår vårt mot
    """.split()
)

FOLDING = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o"})
# After folding, the ASCII spellings of ø and å meet the folded letters.
DIGRAPHS = (("aa", "a"), ("oe", "o"))

_stemmer = snowballstemmer.stemmer("norwegian")


def fold(word: str) -> str:
    """Fold a lower-case word to ASCII: æ→ae, ø/oe→o, å/aa→a, other accents dropped."""
    word = word.translate(FOLDING)
    decomposed = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in decomposed if not unicodedata.combining(c))
    for digraph, letter in DIGRAPHS:
        word = word.replace(digraph, letter)
    return word


@lru_cache(maxsize=50_000)
def normalize_word(word: str, stem: bool = True, stop: bool = True) -> str:
    """Reduce one word to its index form (empty string for a stop word)."""
    word = unicodedata.normalize("NFC", word).casefold()
    if stop and word in STOP_WORDS:
        return ""
    if stem and not word.isdigit():
        # Stem the word as written: reading "ae" as "æ" would break "skjemaet".
        word = _stemmer.stemWord(word)
    return fold(word)


def words(text: str) -> list[str]:
    """Split text into its words (no normalisation)."""
    return WORD_RE.findall(text or "")


def tokens(text: str) -> list[str]:
    """Split and normalise text into index terms (stop words removed)."""
    result = []
    for word in words(text):
        term = normalize_word(word)
        if term:
            result.append(term)
    return result


def glob_tokens(text: str) -> list[str]:
    """Like ``tokens`` but a word ending in * or ? is folded, not stemmed."""
    result = []
    for word in GLOB_WORD_RE.findall(text or ""):
        if word[-1] in "*?":
            term = normalize_word(word[:-1], stem=False, stop=False)
            if term:
                result.append(term + word[-1])
            continue
        term = normalize_word(word)
        if term:
            result.append(term)
    return result
