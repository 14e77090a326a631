"""Term extraction and alignment, in small modules with one job each.

    passages    files (plain text, TMX, XLIFF) -> numbered passages of one language
    stopwords   function words per language: candidates never start or end with them
    analysis    one word -> lemma key and role (noun, adjective, preposition, other)
    attachment  which noun each adjective modifies (so no candidate splits them)
    ngrams      passages -> lemma n-gram statistics (frequency, forms, contexts, shape)
    lexemes     merge the lemma sets of ambiguous words into one key per lexeme
    termhood    nested-frequency discount x keyness against wordfreq x phrase shape
    polish_np   Polish noun-phrase structure: head, agreeing adjectives, dependents
    baseform    the dictionary form of a phrase (nominative of the head, agreeing adjectives)
    lithuanian  Lithuanian base forms, with nominatives inferred from paradigms
    known       which candidates the termbase already has (its index's lemma sequences)
    review      TSV review files and "1-3,7" selections
    adding      chosen candidates -> concepts, imported as one undoable batch
    evaluation  precision and recall against a reference termbase

`termbase.extract` and `termbase.align` put them together. Words are read through the
morphology backends the index uses too: `termbase.text.polish` (morfeusz2) and
`termbase.text.dictionary` (simplemma's dictionaries, for Lithuanian and English).
"""
