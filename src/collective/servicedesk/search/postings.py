"""A text index whose postings merge under concurrent writes (issue 19, deliverable 4).

ZCTextIndex's ``OkapiIndex`` keeps, per word id, the documents containing it
in ``_wordinfo`` (an ``IOBTree``): a plain ``dict`` while a word has fewer than
ten documents, an ``IIBTree`` after that. And it assigns the value back into
``_wordinfo`` for every word of every document it indexes.

That makes the text index the place where two registrations at the same time
conflict although they index different documents: each indexing changes a
``_wordinfo`` bucket for each of its words, and ZODB's conflict resolution of
a bucket compares the values of the keys it holds, which for a ``dict`` (not
orderable) fails. Most words are rare (names, streets, typing errors), so
nearly every bucket holds a dict, and two registrations sharing any bucket
conflict on every attempt until one of them has committed.

``ConcurrentOkapiIndex`` keeps every word's postings in an ``IIBTree`` of its
own from the first document on and leaves ``_wordinfo`` alone unless a word is
new (or an old dict is converted). Indexing a document then changes the
postings of its words (different document ids in one bucket merge) and adds
new words as new keys (merged as well; the lexicon draws their ids at random
per connection). Ranking and searching are the same as ``OkapiIndex``'s: the
postings are the same numbers in the type ``OkapiIndex`` already uses for
frequent words.

``convert`` turns an existing index into one of these (the upgrade step to
1014 and the install do it); old dict postings are converted in the same pass.
"""

from BTrees.IIBTree import IIBTree
from Products.ZCTextIndex.OkapiIndex import OkapiIndex

# The ZCTextIndexes of the catalogue are all converted: registrations write to
# ours (servicedesk_text) and to Plone's (SearchableText, Title, Description).


class ConcurrentOkapiIndex(OkapiIndex):
    """``OkapiIndex`` with one ``IIBTree`` per word, touched in place."""

    def _postings_for_update(self, wid: int) -> tuple[IIBTree, bool]:
        """The word's postings as an IIBTree; True if the word is new here."""
        postings = self._wordinfo.get(wid)
        if postings is None:
            postings = self._wordinfo[wid] = IIBTree()
            return postings, True
        if isinstance(postings, dict):  # written before the conversion
            postings = self._wordinfo[wid] = IIBTree(postings)
        return postings, False

    def _mass_add_wordinfo(self, wid2weight, docid):
        new_words = 0
        for wid, weight in wid2weight.items():
            postings, new = self._postings_for_update(wid)
            postings[docid] = weight
            new_words += new
        if new_words:
            self.length.change(new_words)

    def _add_wordinfo(self, wid, f, docid):
        self._mass_add_wordinfo({wid: f}, docid)

    def _del_wordinfo(self, wid, docid):
        postings = self._wordinfo[wid]
        if isinstance(postings, dict):
            del postings[docid]
            if postings:
                self._wordinfo[wid] = IIBTree(postings)
                return
        else:
            del postings[docid]
            if postings:
                return
        del self._wordinfo[wid]
        self.length.change(-1)


def convert_index(zctextindex) -> int:
    """Make one ZCTextIndex use ``ConcurrentOkapiIndex``; return postings converted.

    Only an ``OkapiIndex`` is converted (a cosine index is left as it is). The
    ZCTextIndex's factory is changed too, so that clearing the index (a
    catalogue rebuild) creates the new kind again.
    """
    index = getattr(zctextindex, "index", None)
    if not isinstance(index, OkapiIndex):
        return 0
    if getattr(zctextindex, "_index_factory", None) is OkapiIndex:
        zctextindex._index_factory = ConcurrentOkapiIndex
    converted = 0
    if type(index) is OkapiIndex:
        index._p_activate()
        index.__class__ = ConcurrentOkapiIndex
        index._p_changed = True
    wordinfo = index._wordinfo
    for wid, postings in list(wordinfo.items()):
        if isinstance(postings, dict):
            wordinfo[wid] = IIBTree(postings)
            converted += 1
    return converted


def text_indexes(catalog) -> dict:
    """The catalogue's ZCTextIndexes by name."""
    return {
        name: index
        for name, index in catalog._catalog.indexes.items()
        if getattr(index, "meta_type", "") == "ZCTextIndex"
    }


def convert(catalog) -> dict:
    """Convert every ZCTextIndex of the catalogue; {name: dict postings converted}."""
    return {name: convert_index(index) for name, index in text_indexes(catalog).items()}
