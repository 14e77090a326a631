"""Lithuanian roles named in the feminine ("komisijos narė", "socialinė pedagogė",
"skyriaus vedėja") are written in a glossary in the masculine, the generic form, with the
feminine among the forms seen: a minute or a job description names the one woman who
holds the post, the glossary the post.

Sure only: the role noun changes by a role suffix whose masculine the dictionary knows by
its genitive ("vedėja" -> "vedėjas", for "vedėjo" is a word; not "idėja": "idėjas" is its
own accusative plural, and "idėjo" no word), and every adjective agreeing with it before
it only where one masculine explains it ("socialinė" -> "socialinis", "vyriausioji" ->
"vyriausiasis"); otherwise the term stays as the text has it. What follows the role noun
is its complement and stays ("socialinis darbuotojas darbui su šeimomis").
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from termbase.extraction.analysis import analyse, lithuanian_adjective
from termbase.extraction.stopwords import is_preposition
from termbase.text.lithuanian import definite_nominative, masculine_nominative, paradigm
from termbase.text.normalize import tokenize

# (feminine ending, masculine ending) of nouns for persons by their role
ROLE_SUFFIXES = (("ininkė", "ininkas"), ("toja", "tojas"), ("ėja", "ėjas"),
                 ("istė", "istas"), ("ogė", "ogas"), ("antė", "antas"), ("entė", "entas"),
                 ("ierė", "ierius"), ("orė", "orius"), ("narė", "narys"), ("eutė", "eutas"))
# Suffixes that make roles only, masculine known or not: "kineziterapeutė", "ergoterapeutė"
# (the dictionary lacks both genders)
_ONLY_ROLES = ("eutė",)
# their singular oblique cases (and the nominative plural, -ės as the genitive)
_ONLY_ROLE_OBLIQUE = re.compile(r"eut(ės|ei|ę|e|ėje)$", re.IGNORECASE)
_ADJECTIVE_ENDINGS = ("ntis", "inis", "ias", "ęs", "us", "as", "is")
# definite feminine nominative -> the masculine lemma's ending it comes from
_DEFINITE = (("esnioji", "esnis"), ("ioji", "ias"), ("oji", "as"))
# a masculine noun's ending -> its genitive singular's, a form no feminine shares
_GENITIVE = (("ius", "iaus"), ("ys", "io"), ("as", "o"))


@functools.lru_cache(maxsize=None)
def _known(word: str) -> bool:
    from simplemma import is_known

    return is_known(word, lang="lt")


@functools.lru_cache(maxsize=None)
def _noun_genitive(word: str) -> bool:
    """Whether the dictionary knows `word`, and not as a verb's form: "didėjo", "kartojo"
    are past tenses (of "didėti", "kartoti"), so "didėja", "kartoja" are no roles."""
    from simplemma import lemmatize

    return _known(word) and not lemmatize(word, lang="lt").endswith(("ti", "tis"))


def masculine_role(noun: str, attested: Callable[[str], bool] = lambda form: False
                   ) -> str | None:
    """The masculine of a feminine role noun in the nominative singular, or None;
    `attested(form)` tells whether the text has the form (where the dictionary has not:
    "budintis globotojas" beside "budinti globotoja")."""
    lower = noun.lower()
    for feminine, masculine in ROLE_SUFFIXES:
        if lower.endswith(feminine):
            candidate = lower[: len(lower) - len(feminine)] + masculine
            ending, genitive = next(pair for pair in _GENITIVE if candidate.endswith(pair[0]))
            if lithuanian_adjective(candidate):
                return None  # "šventė" is a feast, not a woman who is "šventas"
            if _noun_genitive(candidate[: len(candidate) - len(ending)] + genitive) or \
                    attested(candidate) or feminine in _ONLY_ROLES:
                return noun[:1] + candidate[1:] if noun[:1].isupper() else candidate
    return None


def _masculine_adjective(word: str) -> str | None:
    lower = word.lower()
    for definite, lemma_ending in _DEFINITE:
        if lower.endswith(definite):
            lemma = lower[: len(lower) - len(definite)] + lemma_ending
            return definite_nominative(lemma, "m", False) if _known(lemma) else None
    if not lower.endswith(("ė", "a", "i")):
        return None
    # a present active participle ("budinti") before the -us adjectives its ending allows
    return masculine_nominative(lower, ("ntis",) if lower.endswith("nti")
                                else _ADJECTIVE_ENDINGS)


def masculine_term(term: str, attested: Callable[[str], bool] = lambda form: False) -> str:
    """The term with a feminine role noun in the masculine (see the module's note)."""
    words = [t.text for t in tokenize(term)]
    if len(words) == 1 and words[0] == term:
        # a therapist seen only in an oblique case, shown as seen ("kineziterapeutei"):
        # her role's masculine all the same (in a phrase such a form is a genitive's
        # or a preposition's, "ergoterapeutės konsultacija", and stays)
        oblique = _ONLY_ROLE_OBLIQUE.search(term)
        if oblique:
            return term[:oblique.start(1)] + "as"
    # a role after a preposition is its object, in the case the preposition takes, not
    # the head: "pokalbis su mokytoja" (instrumental) stays
    before = next((k for k, word in enumerate(words) if is_preposition(word.lower(), "lt")),
                  len(words))
    roles = [(k, masculine_role(word, attested)) for k, word in enumerate(words[:before])]
    head, masculine = next(((k, m) for k, m in reversed(roles) if m is not None),
                           (None, None))
    if head is None:
        return term
    changed = {head: masculine}
    for p in range(head - 1, -1, -1):
        word = words[p]
        if not word.lower().endswith(("ė", "a", "i", "oji")):
            break                       # a genitive or another noun: the rest depends on it
        if word[:1].isupper() or analyse(word, "lt").name:
            return term                 # a person's name ("Ona Petraitienė narė")
        adjective = _masculine_adjective(word)
        if adjective is None:
            return term
        changed[p] = adjective
    position, pieces = 0, []
    for k, word in enumerate(words):
        start = term.index(word, position)
        pieces.append(term[position:start] + changed.get(k, word))
        position = start + len(word)
    return "".join(pieces) + term[position:]


def feminine_role(masculine_lemma: str) -> str | None:
    """The feminine of a masculine role noun by its suffix ("darbuotojas" -> darbuotoja)."""
    lemma = masculine_lemma.lower()
    return next((lemma[: len(lemma) - len(masculine)] + feminine
                 for feminine, masculine in ROLE_SUFFIXES if lemma.endswith(masculine)), None)


def may_be_feminine_role(form: str, masculine_lemma: str) -> bool:
    """Whether `form`, filed under a masculine role noun ("darbuotoja" under
    darbuotojas), is a case of its feminine: an adjective before it may be feminine."""
    feminine = feminine_role(masculine_lemma)
    return feminine is not None and form.lower() in paradigm(feminine)
