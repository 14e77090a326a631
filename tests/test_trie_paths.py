"""The trie's nodes of a bulk load, taken from the complete sequences in key order, are
exactly every word prefix of every sequence, once each, in key order."""

from hypothesis import given, settings, strategies as st

from termbase.index.trie_paths import new_prefixes

sequences = st.lists(
    st.tuples(st.sampled_from(["en", "lt", "pl"]),
              st.lists(st.integers(1, 120), min_size=1, max_size=6).map(
                  lambda ids: " ".join(map(str, ids)))),
    max_size=60)


def every_prefix(pairs):
    return {(lang, " ".join(path.split()[:n]))
            for lang, path in pairs for n in range(1, len(path.split()) + 1)}


@settings(max_examples=400)
@given(sequences)
def test_every_prefix_once_in_key_order(pairs):
    pairs = sorted(pairs + pairs[:3])            # in key order, some sequences repeated
    made = list(new_prefixes(pairs))
    assert made == sorted(every_prefix(pairs))


def test_a_prefix_shared_with_an_earlier_sequence_is_not_made_again():
    pairs = [("pl", "12 7"), ("pl", "12 7 40"), ("pl", "12 70"), ("pl", "120")]
    assert list(new_prefixes(pairs)) == [
        ("pl", "12"), ("pl", "12 7"), ("pl", "12 7 40"), ("pl", "12 70"), ("pl", "120")]
