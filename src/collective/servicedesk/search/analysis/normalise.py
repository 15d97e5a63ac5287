"""Splitting text into words and folding them to ASCII (no lexicon involved)."""

import re
import unicodedata

# Letters and digits; keeps "12/345" apart as two tokens, "e-post" as two.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
FOLDING = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o"})
# After folding, the ASCII spellings of ø and å meet the folded letters.
DIGRAPHS = (("aa", "a"), ("oe", "o"))


def words(text: str) -> list[str]:
    """Split text into its words (no normalisation)."""
    return WORD_RE.findall(text or "")


def lower(word: str) -> str:
    """Unicode-normalised, case-folded word."""
    return unicodedata.normalize("NFC", word).casefold()


def fold(word: str) -> str:
    """Fold a lower-case word to ASCII: æ→ae, ø/oe→o, å/aa→a, other accents dropped."""
    word = word.translate(FOLDING)
    decomposed = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in decomposed if not unicodedata.combining(c))
    for digraph, letter in DIGRAPHS:
        word = word.replace(digraph, letter)
    return word
