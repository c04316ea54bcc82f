"""Which topic cues in a parsed sentence govern a claim: one hit per place, and a broader
topic giving way to a narrower one in the same clause or phrase."""

from __future__ import annotations

import re

from ..ontology import Topic
from .article_state import ArticleState, CueHit
from .quotations import QUOTATION_MARKS
from .contrasts import contrasted_away
from .segment import Sentence


def governing_hits(doc, sentence: Sentence, hits: list[CueHit], topics: tuple[Topic, ...]) -> list[tuple[CueHit, list[int]]]:
    """Cue hits with their tokens, less those that only qualify another: a broader topic gives
    way to a narrower one in the same clause ('join NATO only after the war', but not 'supports
    membership, but cautioned that an invitation should wait'), and a cue
    inside another cue's phrase gives way to it ('an invitation to join NATO')."""
    spans = [(hit, [t.i for t in doc if hit.start <= sentence.start + t.idx < hit.end]) for hit in hits]
    spans = [(hit, tokens) for hit, tokens in spans if tokens]
    narrower = {(t.broader, _qualified_clause(doc[tokens[0]], tokens).i) for t in topics if t.broader
                for hit, tokens in spans if hit.topic == t.id}
    placed = [(hit, tokens) for hit, tokens in spans
              if (hit.topic, clause_head(doc[tokens[0]]).i) not in narrower]
    owner = {i: hit.topic for hit, tokens in placed for i in tokens if doc[i].pos_ in ("NOUN", "PROPN")}
    return [(hit, tokens) for hit, tokens in placed
            if not any(owner.get(a.i, hit.topic) != hit.topic for a in phrase_ancestors(doc[tokens[0]]))]


def headline_topics(title: str | None, published: str | None, topics: tuple[Topic, ...]) -> set[str]:
    """The topics the headline names with a full cue: a bare word in the first sentence ('any
    eastward expansion') already has its topic."""
    if not title:
        return set()
    return {topic.id for topic in topics for cue in topic.cues
            if not cue.follows and cue.applies_on(published) and cue.applies_to(title) and cue.pattern.search(title)}


def given_way(doc, sentence: Sentence, hits: list[CueHit], governing) -> list[tuple[CueHit, list[int]]]:
    """The hits that gave way to a governing one, with their tokens: what the governing cue is
    about, they are about too (a cue about another state's accession gives the classifier no
    topic through the words it contains)."""
    starts = {hit.start for hit, _ in governing}
    spans = [(hit, [t.i for t in doc if hit.start <= sentence.start + t.idx < hit.end]) for hit in hits
             if hit.start not in starts]
    return [(hit, tokens) for hit, tokens in spans if tokens]


def first_per_span(hits: list[CueHit], broad: set[str]) -> list[CueHit]:
    """One hit per place: of overlapping cues a narrower topic wins, then the longest ('a path
    to membership for Ukraine' is about the path, 'a Nato membership action plan' the MAP)."""
    kept: list[CueHit] = []
    for hit in sorted(hits, key=lambda h: (h.topic in broad, -(h.end - h.start), h.start)):
        if any(k.start < hit.end and hit.start < k.end for k in kept):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


# Dependencies that start a clause of its own: a broader cue there is a claim of its own, not
# one qualified by a narrower cue elsewhere in the sentence. Adverbial clauses ('once the war
# is over') qualify their head, so they do not count.
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "parataxis", "relcl"})


def phrase_ancestors(token):
    """The heads above a token within its own phrase: a relative clause on a cue ('membership,
    which he described as a question for after the war') is a claim of its own, and so is a
    conjunct ('membership and US security guarantees were off the table') or a denied apposition
    ('guarantees, not membership')."""
    node = token
    if token.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return  # 'a guarantee that Ukraine will not join NATO': the content clause is a claim of its own
    while node.head.i != node.i and node.dep_ != "conj" and not (node.dep_ == "appos" and contrasted_away(node)):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return
        yield node


def _qualified_clause(token, tokens=()):
    """The clause a narrower cue qualifies: its own, or, from a relative clause on a subject, the
    subject's ('a country that is at war cannot become a member'); an adverbial clause that tells
    what someone else did with it qualifies nothing ('will join NATO, after the alliance dashed
    Kyiv's hopes for a quick invitation'; not 'join after the war ends', the cue's own clause)."""
    for node in token.ancestors if token.pos_ not in ("VERB", "AUX") else ():  # a noun phrase's cue
        if node.dep_ == "advcl" and node.pos_ == "VERB" and node.i not in tokens and any(
                c.dep_ == "nsubj" and c.i not in tokens for c in node.children):
            return node
        if node.pos_ in ("VERB", "AUX"):
            break
    head = clause_head(token)
    if head.dep_ == "relcl" and head.head.dep_ in ("nsubj", "nsubjpass") and head.head.head.i != head.head.i:
        return clause_head(head.head.head)
    return head


def clause_head(token):
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX") and (node.dep_ in _CLAUSE_DEPS or _reason_clause(node)):
            return node
    return token.sent.root


def _reason_clause(node) -> bool:
    """'membership isn't likely because that would put NATO at war': the reason is asserted
    beside the claim, it does not qualify it as 'once the war is over' does."""
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("because", "since") for c in node.children)


# a clause whose subject is 'it', standing for what the sentence before named
_TAKES_IT_UP = re.compile(r"\b(?:it|that|this)(?:['’]s| is| was| would| will| could| can| cannot| can['’]t| isn['’]t| wasn['’]t)\b",
                          re.IGNORECASE)


def find_cues(state: ArticleState, topics: tuple[Topic, ...], named_by: dict[str, set[str]], broad: set[str]) -> None:
    """Every topic cue of every sentence, into state.cues. A bare word ('its bid') counts only
    once a full cue has named its topic in the article, or where its sentence says what the cue
    is licensed by ('Kyiv's integration aspirations' beside 'NATO'), or its headline does."""
    named = headline_topics(state.article.title, state.article.published, topics)  # topics a full cue has named so far
    title = state.article.title or ""
    # a headline that says what a bare word is about licenses it everywhere ('… threat to NATO: B9 leaders')
    by_title = {id(cue) for topic in topics for cue in topic.cues if cue.licensed_by is not None and cue.licensed_by.search(title)}
    before = None
    for sentence in state.timed(state.sentences):
        date = state.date_of(sentence)
        hits, bare = [], []
        text, origin = unquoted(sentence.text)
        taken_up = before is not None and before.index in state.cues and _TAKES_IT_UP.search(text) is not None
        previous_text, before = (before.text if before is not None else ""), sentence
        for topic in topics:
            for cue in topic.cues:
                if not cue.applies_on(date) or not cue.applies_to(text, taken_up, previous_text):
                    continue
                licensed = id(cue) in by_title or cue.licensed_by is not None and cue.licensed_by.search(text) is not None
                if cue.follows and not named_by[topic.id] & named and not licensed:
                    continue
                for match in (m for m in cue.pattern.finditer(text) if m.end() > m.start()):
                    (bare if cue.follows else hits).append(CueHit(
                        topic.id, sentence.start + origin[match.start()], sentence.start + origin[match.end() - 1] + 1,
                        cue.polarity, cue.asserts, cue.follows, cue.also_broader))
        named |= {hit.topic for hit in hits}
        # a bare word speaks where no full cue of its topic does ('said guarantees had to be
        # real …, adding that Ukraine had not given up on joining the alliance')
        full = {hit.topic for hit in hits}
        hits = hits + [b for b in bare if b.topic not in full]
        if hits:
            state.cues[sentence.index] = first_per_span(hits, broad)




def unquoted(text: str) -> tuple[str, list[int]]:
    """The sentence without its quotation marks, with each character's place in the original:
    a cue reads through scare quotes ('an “irreversible” path to membership')."""
    kept = [i for i, c in enumerate(text) if c not in QUOTATION_MARKS]
    return "".join(text[i] for i in kept), kept
