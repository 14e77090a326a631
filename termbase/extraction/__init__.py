"""Term extraction and alignment, in small modules with one job each.

    passages   files (plain text, TMX, XLIFF) -> numbered passages of one language
    stopwords  function words per language: candidates never start or end with them
    analysis   one word -> lemma key and role (noun, adjective, preposition, other), cached
    ngrams     passages -> lemma n-gram statistics (frequency, forms, contexts)
    termhood   C-value combined with specificity against general language (wordfreq)
    baseform   the dictionary form of a phrase (nominative of the head, agreeing adjectives)
    known      which candidates the termbase already has (its index's lemma sequences)
    review     TSV review files and "1-3,7" selections
    adding     chosen candidates -> concepts, imported as one undoable batch

`termbase.extract` and `termbase.align` put them together.
"""
