"""A small hand-made vocabulary for tests: the terms are facts of the field, entered without
observed forms so that inflected matches prove the morphology, not a stored form."""

from termbase.model import Concept, Term

CONCEPTS = [
    ("social worker", [("pl", "pracownik socjalny"), ("lt", "socialinis darbuotojas"), ("en", "social worker")]),
    ("persons with disabilities", [("pl", "osoba niepełnosprawna"), ("lt", "neįgalusis"),
                                   ("lt", "asmuo su negalia"), ("en", "person with a disability")]),
    ("social services centre", [("pl", "centrum usług socjalnych"), ("lt", "socialinių paslaugų centras"),
                                ("en", "social services centre")]),
    ("social assistance centre", [("pl", "ośrodek pomocy społecznej"), ("lt", "socialinės paramos centras"),
                                  ("en", "social assistance centre")]),
    ("social assistance", [("pl", "pomoc społeczna"), ("lt", "socialinė parama"), ("en", "social assistance")]),
    ("eldership", [("lt", "seniūnija"), ("pl", "starostwo"), ("pl", "gmina"), ("en", "eldership")]),
    ("large family", [("pl", "rodzina wielodzietna"), ("lt", "gausi šeima"), ("en", "large family")]),
    ("social exclusion", [("pl", "wykluczenie społeczne"), ("lt", "socialinė atskirtis"), ("en", "social exclusion")]),
    ("night shelter", [("pl", "noclegownia"), ("lt", "nakvynės namai"), ("en", "night shelter")]),
    ("case management", [("pl", "zarządzanie przypadkiem"), ("lt", "atvejo vadyba"), ("en", "case management")]),
]

# Term-level extras: (concept note, lang, text) -> fields
EXTRAS = {
    ("eldership", "pl", "gmina"): {"region": "pl-LT", "note": "in Poland a gmina is a municipality"},
    ("night shelter", "lt", "nakvynės namai"): {},
}


def build_termbase(path, extra_terms=()):
    """A fresh store at `path` holding CONCEPTS (plus (note, Term) pairs in extra_terms)."""
    from termbase import Termbase

    tb = Termbase.open(path, seed=False)
    with tb.store.transaction("fixture") as tx:
        for note, terms in CONCEPTS:
            seen = set()
            concept = Concept(note=note, subject="social services", terms=[
                Term(lang, text, status="admitted" if lang in seen or seen.add(lang) else "preferred",
                     **EXTRAS.get((note, lang, text), {}))
                for lang, text in terms])
            concept.terms += [term for n, term in extra_terms if n == note]
            tx.add(concept)
    return tb


def concept_of(tb, note):
    return next(c.id for c in tb.concepts() if c.note == note)
