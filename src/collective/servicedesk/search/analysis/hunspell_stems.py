"""Stems from the Norwegian hunspell dictionaries (Debian ``hunspell-no``).

Only for measuring against simplemma (``SERVICEDESK_LEMMATISER=hunspell`` or
``both``); see ``docs/reference/search-quality.md`` for why it is not the default.
Needs the ``hunspell`` binding (pyhunspell), which is not a dependency.
"""

from functools import lru_cache
import os

DICTIONARIES = os.environ.get("SERVICEDESK_HUNSPELL_DIR", "/usr/share/hunspell")


@lru_cache(maxsize=1)
def _spellers():
    import hunspell  # noqa: PLC0415 - optional, measurement only

    return [
        hunspell.HunSpell(f"{DICTIONARIES}/{name}.dic", f"{DICTIONARIES}/{name}.aff")
        for name in ("nb_NO", "nn_NO")
    ]


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """Stems of a lower-case word in the Bokmål and Nynorsk dictionaries."""
    found: list[str] = []
    try:
        encoded = word.encode("latin-1")
    except UnicodeEncodeError:
        return ()
    for speller in _spellers():
        for stem in speller.stem(encoded):
            text = stem.decode("latin-1").lower()
            if text not in found:
                found.append(text)
    return tuple(found)
