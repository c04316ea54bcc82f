"""From a topic cue in a parsed sentence to a stance: who holds it, with which polarity.

The cue's syntactic head is followed up the parse towards the root. Every predicate on the
way that carries a position (support, oppose, mixed words; 'should' and 'must') multiplies
the polarity, every negation flips it, and the first such predicate with a named subject
gives the holder. A predicate with an unnamed subject ('some allies want …') or a
non-stance action by a third party ('Poland would engage …') ends the search: the sentence
does not tie a named actor to a position. Without a named subject the holder is whoever
says the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from .attribution import Frame
from .lexicon import Lexicon
from .resolve import Resolver

COPULAS = {"be", "remain", "seem", "become", "appear", "look", "sound", "stay"}
HEDGE_PHRASES_MIXED = {"exclude", "rule"}  # 'would not exclude', 'did not rule out'


@dataclass(frozen=True)
class Claim:
    holders: tuple[str, ...]
    polarity: str
    hedged: bool
    frame: Frame | None
    predicate: str  # the lemma that carried the position, for the fact's rule
    condition: str | None
    self_stated: bool  # the holder's own predicate is a speech act ('rejected', 'urged')
    unnamed: bool = False


@dataclass
class _Walk:
    sign: int
    hedged: bool = False
    mixed: bool = False
    found: str | None = None
    assertive: bool = False


def claim_for_cue(doc, cue_tokens: list[int], inherent: str | None, frames: list[Frame],
                  resolver: Resolver, lexicon: Lexicon, themes: set[str]) -> Claim | None:
    head = _cue_head(doc, cue_tokens)
    frame = innermost_frame(frames, head.i)
    if _in_side_clause(head, lexicon, frame) or _about_someone_else(doc, cue_tokens, resolver, themes):
        return None
    walk = _Walk(sign=-1 if inherent == "oppose" else 1)
    _modifiers_of_cue(head, walk, lexicon)
    previous, node = head, head
    span = set(cue_tokens)
    while True:
        if frame is not None and node.i == frame.verb:
            return _close_at_frame(node, walk, frame, resolver, lexicon, doc)
        if node.i != head.i and previous.dep_ in ("nsubj", "csubj") and not _copular(node):
            return None  # the topic is the agent here, not what the clause takes a position on
        result = _visit(node, node.i in span, walk, resolver, lexicon, themes)
        if result == "stop":
            return None
        if isinstance(result, tuple):
            return _claim(result, walk, frame, node, doc, lexicon)
        if node.head.i == node.i:
            break
        previous, node = node, node.head
    if frame is not None and walk.found is None and walk.assertive:
        walk.found = "assertion"
    if walk.found is None:
        return None
    speaker = frame.speaker if frame else None
    if speaker is None:
        return None
    return _claim(((speaker,), False), walk, frame, node, doc, lexicon)


def _about_someone_else(doc, cue_tokens: list[int], resolver: Resolver, themes: set[str]) -> bool:
    """'Finland's membership', 'their membership path': the topic is not the theme actor's."""
    for i in cue_tokens:
        for child in doc[i].children:
            if child.dep_ == "poss":
                actors = resolver.actors(child)
                if actors and not set(actors) <= themes or child.lower_ in ("their", "our", "my", "your"):
                    return True
    return False


def _cue_head(doc, cue_tokens: list[int]):
    inside = set(cue_tokens)
    for i in cue_tokens:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return doc[cue_tokens[0]]


def innermost_frame(frames: list[Frame], index: int) -> Frame | None:
    holding = [f for f in frames if index in f.content]
    return min(holding, key=lambda f: len(f.content)) if holding else None


def _in_side_clause(token, lexicon: Lexicon, frame: Frame | None) -> bool:
    """A cue inside 'even if …' or 'if …' states a premise, not the claim."""
    for ancestor in [token, *token.ancestors]:
        if frame is not None and ancestor.i == frame.verb:
            return False
        marks = [c for c in ancestor.children if c.dep_ == "mark"]
        for mark in marks:
            before = ancestor.doc[mark.i - 1].lower_ if mark.i > 0 else ""
            if f"{before} {mark.lower_}" in lexicon.concessive or mark.lower_ in lexicon.concessive:
                return True
            if mark.lower_ in ("if", "unless") and ancestor.dep_ in ("advcl", "ccomp", "acl"):
                return True
    return False


def _modifiers_of_cue(head, walk: _Walk, lexicon: Lexicon) -> None:
    """'membership path needed at the summit': a participle or adjective on the cue itself."""
    for child in head.children:
        if child.dep_ in ("acl", "amod") and lexicon.polarity_class(child.lemma_) and child.lemma_.lower() not in lexicon.speech:
            _apply(child, lexicon.polarity_class(child.lemma_), walk, lexicon)


def _copular(node) -> bool:
    return node.lemma_.lower() in COPULAS or any(c.dep_ in ("acomp", "attr") for c in node.children)


def _visit(node, in_cue: bool, walk: _Walk, resolver: Resolver, lexicon: Lexicon, themes: set[str]):
    """None to go on climbing, 'stop' to give up, or (holders, unnamed) when a holder is found."""
    negated = _negated(node, lexicon)
    kind = None if in_cue else _predicate_class(node, lexicon)
    if node.pos_ in ("AUX", "VERB") and any(c.lower_ in lexicon.assertive for c in node.children if c.dep_ == "aux"):
        walk.assertive = True
    if kind is None:
        if negated:
            walk.sign = -walk.sign
        if node.pos_ in ("VERB", "AUX") and not in_cue:
            subject = _subject(node)
            actors = resolver.actors(subject) if subject is not None else []
            if actors and not set(actors) <= themes:
                return "stop"  # what a third party does or might do is not a position
        return None
    _apply(node, kind, walk, lexicon, negated)
    subject = _subject(node)
    subject_kind = resolver.kind(subject)
    if subject_kind == "unnamed":
        return "stop"
    if subject_kind == "actor":
        actors = resolver.actors(subject)
        if kind == "normative" and set(actors) <= themes:
            return None  # 'Ukraine should receive guarantees': whoever says so holds it
        return (tuple(actors), False)
    return None


def _predicate_class(node, lexicon: Lexicon) -> str | None:
    lemma = node.lemma_.lower()
    if node.lower_ == "against" and node.pos_ == "ADP":
        return "oppose"
    if node.pos_ in ("VERB", "ADJ", "NOUN", "AUX"):
        kind = lexicon.polarity_class(lemma)
        if kind and not (node.pos_ == "NOUN" and lemma in ("call", "work", "plan", "aim")):
            return kind
    if node.pos_ in ("AUX", "VERB") and lemma in COPULAS:
        for child in node.children:
            if child.dep_ in ("acomp", "attr") and lexicon.polarity_class(child.lemma_):
                return lexicon.polarity_class(child.lemma_)
            if child.dep_ == "prep" and child.lower_ == "against":
                return "oppose"
            if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in ("favour", "favor") for g in child.children):
                return "support"  # 'be in favour of'
    if any(c.dep_ == "aux" and c.lower_ in lexicon.normative for c in node.children):
        return "normative"
    return None


def _apply(node, kind: str, walk: _Walk, lexicon: Lexicon, negated: bool | None = None) -> None:
    walk.found = walk.found or node.lemma_.lower()
    if kind == "oppose":
        walk.sign = -walk.sign
    if kind == "mixed":
        walk.mixed = True
    if negated if negated is not None else _negated(node, lexicon):
        walk.sign = -walk.sign
        if kind == "oppose" and node.lemma_.lower() in HEDGE_PHRASES_MIXED:
            walk.mixed = walk.hedged = True
    if any(c.dep_ == "aux" and c.lower_ in lexicon.hedges for c in node.children) or node.lemma_.lower() in lexicon.hedge_verbs:
        walk.hedged = True


def _negated(node, lexicon: Lexicon) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in node.children)


def _subject(node):
    for child in node.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    for child in node.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
        if child.dep_ == "nsubjpass":
            return None  # a passive without 'by …' names no agent
    if node.dep_ in ("xcomp", "acomp", "advcl") and node.head.i != node.i:
        if node.dep_ != "advcl" or any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return _subject(node.head)
    if node.dep_ == "relcl":
        return node.head
    if node.pos_ == "ADP" and node.head.i != node.i:
        return _subject(node.head)
    if node.pos_ == "NOUN":
        owner = next((c for c in node.children if c.dep_ == "poss"), None)
        if owner is None and node.dep_ == "pobj" and node.head.head.i != node.head.i:
            return _subject(node.head.head)  # 'allies might be in favour of …'
        return owner
    return None


def _close_at_frame(verb, walk: _Walk, frame: Frame, resolver: Resolver, lexicon: Lexicon, doc) -> Claim | None:
    """Reached the speech verb: a stance verb that is itself a speech act counts ('rejected')."""
    kind = lexicon.polarity_class(verb.lemma_) if verb.lemma_.lower() in lexicon.communicative else None
    if kind:
        _apply(verb, kind, walk, lexicon)
    elif walk.found is None and walk.assertive:
        walk.found = "assertion"
    if walk.found is None or frame.speaker is None:
        return None
    return _claim(((frame.speaker,), False), walk, frame, verb, doc, lexicon, self_stated=bool(kind))


def _claim(result, walk: _Walk, frame: Frame | None, node, doc, lexicon: Lexicon,
           self_stated: bool | None = None) -> Claim:
    holders, unnamed = result
    polarity = "mixed" if walk.mixed else ("support" if walk.sign > 0 else "oppose")
    condition = _condition(node, lexicon)
    if condition and polarity == "support":
        polarity = "mixed"
    if self_stated is None:
        self_stated = node.lemma_.lower() in lexicon.communicative
    return Claim(tuple(holders), polarity, walk.hedged, frame, walk.found or "", condition, self_stated, unnamed)


def _condition(node, lexicon: Lexicon) -> str | None:
    for child in node.children:
        if child.dep_ != "advcl":
            continue
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        if any(m in lexicon.conditions for m in marks) and "even" not in {t.lower_ for t in child.subtree}:
            span = list(child.subtree)
            return child.doc[span[0].i:span[-1].i + 1].text
    return None
