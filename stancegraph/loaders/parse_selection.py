"""Which sentences an article's parse is spent on: those that hold a cue and those that can
tell who says it or take it up, within the article's character budget."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .article_state import ArticleState
from .lexicon import Lexicon
from .resolve import DOCUMENT_NOUNS
from .segment import Sentence

# a document named before a cue can be what a later 'The document states …' points back to
DOCUMENT_FORMS = re.compile(r"\b(?:%s)s?\b" % "|".join(sorted(DOCUMENT_NOUNS)), re.IGNORECASE)
MAX_PARSED_TEXT = 200_000  # characters parsed per article; beyond that a huge 'article' is a dump


def within_budget(chosen: list[Sentence], state: ArticleState, done: str = "parsed") -> list[Sentence]:
    total, kept = 0, []
    for sentence in chosen:
        total += len(sentence.text)
        if total > MAX_PARSED_TEXT:
            state.warnings.append(
                f"article of {len(state.article.text):,} characters: only the first {len(kept)} of "
                f"{len(chosen)} candidate sentences were {done} ({MAX_PARSED_TEXT:,}-character budget)")
            break
        kept.append(sentence)
    return kept


def worth_parsing(state: ArticleState, lexicon: Lexicon) -> set[int]:
    """Sentences that hold a cue, and those that can tell who says it or take it up: earlier
    speech or a document issued in the paragraph ('He said … . Even if …'), the next two sentences when they speak
    or take a position ('…,” he said', 'Germany remains wary'), and every sentence of a
    quotation a cue sits in, with the sentences around it."""
    sentences = state.sentences
    chosen = set(state.cues)
    last_cue: dict[int, int] = {}  # paragraph -> its last sentence with a cue
    anchors = sorted(state.cues)
    for i in state.cues:
        last_cue[sentences[i].paragraph] = max(i, last_cue.get(sentences[i].paragraph, -1))
    while anchors:
        i = anchors.pop()
        for k in (i + 1, i + 2):
            if k < len(sentences) and k not in chosen and lexicon.stance_forms.search(sentences[k].text):
                chosen.add(k)
                if lexicon.taking_up_forms.search(sentences[k].text):
                    anchors.append(k)  # 'The Baltic states then joined this initiative. Slovakia and Poland followed.'
    chosen |= {s.index for s in sentences if s.index < last_cue.get(s.paragraph, -1)
               and (lexicon.speech_forms.search(s.text) or DOCUMENT_FORMS.search(s.text))}
    return chosen | _quotation_context(state, chosen)


def _quotation_context(state: ArticleState, chosen: set[int]) -> set[int]:
    starts = [s.start for s in state.sentences]
    extra = set()
    for start, end in state.regions:
        first, last = max(0, bisect_right(starts, start) - 1), bisect_left(starts, end)
        inside = [s.index for s in state.sentences[first:last] if s.start < end and start < s.end]
        if inside and any(i in chosen for i in inside):
            extra |= set(inside)
            extra |= {i for i in (inside[0] - 1, inside[-1] + 1) if 0 <= i < len(state.sentences)}
    return extra
