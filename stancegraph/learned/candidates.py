"""Candidates for the learned classifier: a sentence with a topic cue or a topic's context words,
and an actor named in it, speaking it or taken up from the sentence before.

The rules see far more of these than they decide. Each candidate carries what the rules know
about how the actor is bound to the sentence (is it the subject, a speaker, inside a quotation),
because the classifier's commonest error is to give a stance to another actor named beside the
holder."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..loaders.asking import demanded
from ..loaders.predicates import GOVERNMENTS, PURSUITS
from ..loaders.publics import counted_public

# Dependencies of a token that make its phrase the one doing or saying something.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
# Words by which a sentence takes up actors named in the one before.
_TAKES_UP = re.compile(r"\b(?:he|she|they|his|her|their|both|these|the (?:two|three|countries|states|leaders|"
                       r"allies|ministers|presidents|governments|signatories))\b", re.IGNORECASE)
_INSIDE_SUBJECT = frozenset({"compound", "poss", "amod", "appos", "conj", "pobj", "prep", "cc"})
# Dependents that belong to a predicate's meaning: 'does not oppose', 'rule out', 'is against it'.
_PREDICATE_PARTS = frozenset({"neg", "prt", "acomp", "xcomp", "ccomp", "dobj", "attr", "prep"})


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
    predicates: tuple[tuple[int, int], ...] = ()  # the words the parse attaches the mentions to ('opposes')


def _phrase_top(token):
    """The token heading the phrase a mention sits in ('Berlin' in 'officials in Berlin' → 'officials')."""
    node = token
    while node.dep_ in _INSIDE_SUBJECT and node.head.i != node.i:
        node = node.head
    return node


def _tokens(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else ()


def is_subject(doc, start: int, end: int) -> bool:
    """Whether the tokens between two sentence offsets are, or sit inside, a clause subject."""
    return any(_phrase_top(token).dep_ in _SUBJECT_DEPS for token in _tokens(doc, start, end))


def predicate_spans(doc, start: int, end: int) -> set[tuple[int, int]]:
    """Character spans of the word a mention's phrase depends on and of that word's negation,
    particle and complements' heads: what the sentence says the actor does."""
    spans = set()
    tokens = _tokens(doc, start, end)
    inside = {token.i for token in tokens}
    for token in tokens:
        if token.head.i != token.i and token.head.i in inside:
            continue  # only the mention's own head looks outside it
        top = _phrase_top(token)
        head = top.head  # a phrase heading the sentence is its own predicate ('Poland's push for …')
        for word in (head, *(child for child in head.children if child.dep_ in _PREDICATE_PARTS)):
            spans.add((word.idx, word.idx + len(word.text)))
    return spans


def find_candidates(sentences, mentions, cues, docs, voices, in_quote, name_of, topics=(),
                    decided=frozenset(), themes=frozenset()) -> list[Candidate]:
    """Every (sentence, actor) pair where the sentence holds a topic cue or a topic's context
    words; the topics it may take are those, and the cues of the sentence before, less those
    `decided` (actor, topic) already: the classifier is asked only what the rules left open,
    and a sentence goes on to its second layer only for an open topic.

    `themes` are the actors the topics are about (Ukraine), named inside a cue only as its object.
    `mentions`, `cues`, `docs` and `voices` are keyed by sentence index; `voices` are the actors
    the attribution stage found speaking in that sentence (speech frames, the quotation's
    speaker), who may hold a position there without being named in it ('"…," he said')."""
    found = []
    named = _named_by_name(sentences, mentions, name_of)
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
        before = _taken_up(sentences, sentence, mentions, voices, docs) - set(spans) - speaking
        people = {m.actor for m in mentions.get(sentence.index, ()) if m.is_person}
        bystanders = _bystanders(doc, spans, named, people) - speaking if doc is not None else set()
        bystanders |= _only_inside_cues(doc, sentence, spans, cues.get(sentence.index, ())) & themes - speaking
        if doc is not None and any(t.dep_ == "nsubj" and counted_public(t) for t in doc):
            bystanders |= speaking  # 'Poroshenko said 60% of Ukrainians support …': the figure he cites, not his view
        for actor in sorted(set(spans) | set(speaking) | before):
            if actor in bystanders:
                continue
            open_topics = tuple(sorted(topic for topic in allowed if (actor, topic) not in decided))
            if not open_topics:
                continue
            name = name_of(actor)
            if name is None:
                continue
            own = tuple(sorted(set(spans.get(actor, ()))))
            predicates = set().union(*(predicate_spans(doc, a, b) for a, b in own)) if doc is not None else set()
            found.append(Candidate(
                sentence.index, sentence.start, sentence.end, sentence.text, actor, name, own,
                open_topics, speaker=actor in speaking,
                subject=doc is not None and any(is_subject(doc, a, b) for a, b in own),
                quoted=in_quote(sentence), earlier=actor in before, cued=tuple(sorted(cued)),
                predicates=tuple(sorted(predicates - set(own))),
            ))
    return found


_LABEL_DEPS = frozenset({"poss", "amod", "compound"})
_INSIDE_CUE = frozenset({"poss", "compound", "pobj", "prep", "case"})


def _only_inside_cues(doc, sentence, spans: dict[str, list[tuple[int, int]]], hits) -> set[str]:
    """Actors named only inside a topic cue's phrase ('NATO's enlargement to Ukraine', 'the
    promise of Ukraine's membership in the alliance'). Of the theme actors this is what the topic
    is about, not one who holds a view on it; others may own the cue ('the G7 declaration')."""
    # a cue naming someone's pursuit names its holder too ('Ukraine's bid', 'Kyiv's aspirations')
    covering = [(h.start - sentence.start, h.end - sentence.start) for h in hits
                if not PURSUITS & set(re.findall(r"[a-z]+", sentence.text[h.start - sentence.start:h.end - sentence.start].lower()))]

    def in_cue(start: int, end: int) -> bool:
        if any(a <= start and end <= b for a, b in covering):
            return True
        for token in _tokens(doc, start, end) if doc is not None else ():
            node = token  # 'Ukraine's' in 'Ukraine's membership in the alliance', the cue being 'membership in …'
            while node.dep_ in _INSIDE_CUE and node.head.i != node.i:
                node = node.head
                if any(a <= node.idx < b for a, b in covering):
                    return True
        return False

    return {actor for actor, own in spans.items() if own and all(in_cue(start, end) for start, end in own)}


# Verbs whose object is the one spoken to: 'told Prime Minister Shmyhal', 'assured Kyiv'.
_ADDRESSING = frozenset({"tell", "inform", "assure", "reassure", "brief", "remind", "notify"})
_SPEAKING_TO = frozenset({"say", "speak", "explain", "write", "talk", "announce", "repeat", "reiterate"})
_SUPPOSING = frozenset({"if", "unless"})


def _addressed(doc, start: int, end: int) -> bool:
    """Whether a mention is only the one a speaker addresses: a listener, not a holder."""
    for token in _tokens(doc, start, end):
        top = _phrase_top(token) if token.dep_ not in ("dobj", "dative", "iobj", "pobj") else token
        if top.dep_ in ("dobj", "dative", "iobj") and top.head.lemma_.lower() in _ADDRESSING:
            return True
        if top.dep_ == "pobj" and top.head.lower_ == "to" and top.head.head.lemma_.lower() in _SPEAKING_TO:
            return True
    return False


def _by_name(mention: str, name: str | None) -> bool:
    return bool(name) and name.split()[-1].lower() in mention.lower()


def _named_by_name(sentences, mentions, name_of) -> set[str]:
    """Actors the article names by name somewhere, not only by a role ('the Swedish Prime Minister')."""
    text = {sentence.index: sentence for sentence in sentences}
    return {m.actor for index, found in mentions.items() for m in found
            if _by_name(text[index].text[m.start - text[index].start:m.end - text[index].start], name_of(m.actor))}


def _supposed(doc, start: int, end: int) -> bool:
    """Whether a mention sits inside a condition ('if there is to be a peace agreement between
    Ukraine and Russia, Ukraine should not join'): part of what is supposed, not one who holds."""
    return any(mark.dep_ == "mark" and mark.lower_ in _SUPPOSING
               for token in _tokens(doc, start, end) for clause in token.ancestors for mark in clause.children)


def _bystanders(doc, spans: dict[str, list[tuple[int, int]]], named: set[str], people: set[str]) -> set[str]:
    """Actors a sentence names only as another's label, as the one spoken to, inside a condition,
    as the one a wish or demand is made of, or people named only to name a government ('the Biden administration' is the state's, `Resolver`)."""
    listeners = {actor for actor, own in spans.items() if all(_addressed(doc, a, b) for a, b in own)}
    supposed = {actor for actor, own in spans.items() if all(_supposed(doc, a, b) for a, b in own)}
    naming = {actor for actor, own in spans.items() if actor in people and all(_names_a_government(doc, a, b) for a, b in own)}
    asked = {actor for actor, own in spans.items() if all(_asked_to_act(doc, a, b) for a, b in own)}
    return _labels_of_others(doc, spans, named) | listeners | supposed | naming | asked


def _asked_to_act(doc, start: int, end: int) -> bool:
    """'Lithuania's expectation that NATO would reaffirm …', 'urged that the alliance invite …':
    the one a wish or a demand is made of, not one who holds a view."""
    return any(token.dep_ == "nsubj" and demanded(token.head) for token in _tokens(doc, start, end))


def _names_a_government(doc, start: int, end: int) -> bool:
    for token in _tokens(doc, start, end):
        node = token
        while node.dep_ in ("compound", "poss", "flat") and node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in GOVERNMENTS:
                return True
    return False


def _labels_of_others(doc, spans: dict[str, list[tuple[int, int]]], named: set[str]) -> set[str]:
    """Actors named in a sentence only to say whose another actor is ('Slovakia's Robert Fico',
    'Slovak Prime Minister Robert Fico', 'Nausėda, the President of Lithuania', 'Estonian PM: …'
    in an article that names Kallas): a
    label of the one who acts, not a holder beside him. Only beside someone the article names:
    'the Swedish Prime Minister', a role it never fills, leaves the state the one who acts."""
    owner = {token.i: actor for actor, own in spans.items() if actor in named
             for a, b in own for token in _tokens(doc, a, b)}
    labels = set()
    for actor, own in spans.items():
        if all(_labels_another(doc, a, b, actor, owner) for a, b in own):
            labels.add(actor)
    return labels


def _labels_another(doc, start: int, end: int, actor: str, owner: dict[int, str]) -> bool:
    tokens = _tokens(doc, start, end)
    inside = {token.i for token in tokens}
    roots = [token for token in tokens if token.head.i not in inside or token.head.i == token.i]
    if len(roots) > 1 and len({token.head.i for token in roots}) == 1:
        roots = roots[-1:]  # 'Verkhovna Rada Speaker Andriy Parubiy': a flat name, each word on the title
    if len(roots) == 1 and _titled_apposition(roots[0]):
        return owner.get(roots[0].head.head.head.i, actor) != actor  # 'Nausėda, the President of Lithuania,'
    if len(roots) != 1 or roots[0].dep_ not in _LABEL_DEPS:
        return False
    node = roots[0]
    while node.dep_ in _LABEL_DEPS and node.head.i != node.i:
        node = node.head
        if owner.get(node.i, actor) != actor:
            return True
    return False


def _titled_apposition(token) -> bool:
    """The state of a title set beside a name: 'Nausėda, the President of Lithuania'."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "appos" and prep.head.head.i != prep.head.i


def _taken_up(sentences, sentence, mentions, voices, docs) -> set[str]:
    """Actors of the sentence before in the same paragraph, when this one refers back to them:
    its speakers and the actors its clauses are about (subjects), not every place or party it
    names ('Speaking to reporters in India, he suggested …. His proposal …' takes up Vance, not
    India). A referring word after an actor named in the sentence refers to that actor ('Zelensky
    wants guarantees for his country', 'Ukraine's bid is backed by the countries in the east'), so
    only one that comes before every named actor reaches back."""
    refers = _TAKES_UP.search(sentence.text) if sentence.index else None
    if refers is None:
        return set()
    if any(m.start - sentence.start < refers.start() for m in mentions.get(sentence.index, ())):
        return set()
    previous = sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return set()
    doc = docs.get(previous.index)
    named = mentions.get(previous.index, ())
    subjects = {m.actor for m in named
                if doc is None or is_subject(doc, m.start - previous.start, m.end - previous.start)}
    return subjects | set(voices.get(previous.index, ()))
