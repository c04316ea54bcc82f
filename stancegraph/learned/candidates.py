"""Candidates for the learned classifier: a sentence with a topic cue or a topic's context words,
and an actor named in it, speaking it or taken up from the sentence before.

The rules see far more of these than they decide. Each candidate carries what the rules know
about how the actor is bound to the sentence (is it the subject, a speaker, inside a quotation),
because the classifier's commonest error is to give a stance to another actor named beside the
holder."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Dependencies of a token that make its phrase the one doing or saying something.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
# Words by which a sentence takes up actors named in the one before.
_TAKES_UP = re.compile(r"\b(?:he|she|they|his|her|their|both|these|the (?:two|three|countries|states|leaders|"
                       r"allies|ministers|presidents|governments|signatories))\b", re.IGNORECASE)
_INSIDE_SUBJECT = frozenset({"compound", "poss", "amod", "appos", "conj", "pobj", "prep", "cc"})


@dataclass(frozen=True)
class Candidate:
    sentence_index: int
    sentence_start: int  # offsets of the sentence in the article text
    sentence_end: int
    sentence_text: str
    actor: str  # actor id
    name: str  # the actor's canonical name
    spans: tuple[tuple[int, int], ...]  # the actor's mentions, offsets into sentence_text
    topics: tuple[str, ...]  # topics the model may decide: cued in this sentence or the one before
    speaker: bool = False  # a speech frame or the quotation the sentence sits in is the actor's
    subject: bool = False  # a mention is (inside) a clause subject
    quoted: bool = False  # the sentence lies in a quotation
    earlier: bool = False  # named only in the sentence before, which this one takes up ('They …')
    cued: tuple[str, ...] = ()  # topics a rule cue names in this sentence
    context: str = ""  # the sentence before in the same paragraph, which may say what 'it' is

    def marked_text(self) -> str:
        """The sentence with each mention of the actor bracketed: 'Officials in [Berlin] said …'."""
        text, out, cursor = self.sentence_text, [], 0
        for start, end in sorted(self.spans):
            out += [text[cursor:start], "[", text[start:end], "]"]
            cursor = end
        out.append(text[cursor:])
        return "".join(out)

    def holder_text(self) -> str:
        """The first segment of the model's input: the actor and how the parse binds it."""
        marks = [word for word, on in (("speaker", self.speaker), ("subject", self.subject),
                                       ("quoted", self.quoted), ("earlier", self.earlier)) if on]
        return f"{self.name} ; {' '.join(marks) or 'mentioned'}"


def is_subject(doc, start: int, end: int) -> bool:
    """Whether the tokens between two sentence offsets are, or sit inside, a clause subject."""
    for token in doc:
        if not (start <= token.idx < end):
            continue
        node = token
        while node.dep_ in _INSIDE_SUBJECT and node.head is not node:
            node = node.head
        if node.dep_ in _SUBJECT_DEPS:
            return True
    return False


def find_candidates(sentences, mentions, cues, docs, voices, in_quote, name_of, topics=()) -> list[Candidate]:
    """Every (sentence, actor) pair where the sentence holds a topic cue or a topic's context
    words; the topics it may take are those, and the cues of the sentence before.

    `mentions`, `cues`, `docs` and `voices` are keyed by sentence index; `voices` are the actors
    the attribution stage found speaking in that sentence (speech frames, the quotation's
    speaker), who may hold a position there without being named in it ('"…," he said')."""
    found = []
    for sentence in sentences:
        cued = {hit.topic for hit in cues.get(sentence.index, ())}
        allowed = set(cued)
        allowed |= {t.id for t in topics if t.context is not None and t.context.search(sentence.text)}
        if not allowed:
            continue
        allowed |= {hit.topic for hit in cues.get(sentence.index - 1, ())}
        doc = docs.get(sentence.index)
        spans: dict[str, list[tuple[int, int]]] = {}
        for mention in mentions.get(sentence.index, ()):
            spans.setdefault(mention.actor, []).append((mention.start - sentence.start, mention.end - sentence.start))
        speaking = voices.get(sentence.index, frozenset())
        before = _taken_up(sentences, sentence, mentions, voices) - set(spans) - speaking
        for actor in sorted(set(spans) | set(speaking) | before):
            name = name_of(actor)
            if name is None:
                continue
            own = tuple(sorted(set(spans.get(actor, ()))))
            found.append(Candidate(
                sentence.index, sentence.start, sentence.end, sentence.text, actor, name, own,
                tuple(sorted(allowed)), speaker=actor in speaking,
                subject=doc is not None and any(is_subject(doc, a, b) for a, b in own),
                quoted=in_quote(sentence), earlier=actor in before, context=_previous_text(sentences, sentence),
                cued=tuple(sorted(cued)),
            ))
    return found


def _taken_up(sentences, sentence, mentions, voices) -> set[str]:
    """Actors of the sentence before in the same paragraph, when this one refers back to them."""
    if sentence.index == 0 or not _TAKES_UP.search(sentence.text):
        return set()
    previous = sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return set()
    return {m.actor for m in mentions.get(previous.index, ())} | set(voices.get(previous.index, ()))


def _previous_text(sentences, sentence) -> str:
    if sentence.index == 0 or sentences[sentence.index - 1].paragraph != sentence.paragraph:
        return ""
    return sentences[sentence.index - 1].text
