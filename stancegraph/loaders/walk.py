"""The state of one walk from a cue up the parse, and the claims it ends in.

`stances.claims_for_cue` climbs; each predicate on the way is applied to the walk (its class
turns the sign, its negation turns it again, its clause's phrases mark it hedged, mixed, put
off or not ready), and a holder found turns the walk into a `Claim`. The anaphora and relative
clause stages make claims of their own the same way."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from .acts import denied_content, denied_power_verb, modal, refuting_verb
from .attribution import Frame
from .conditions import condition_clause, for_now, names_a_time, step_wanted_now
from .holders import VOICING
from .lexicon import Lexicon
from .negation import is_negated
from .resolve import Resolver

HEDGE_PHRASES_MIXED = {"exclude", "rule"}  # 'would not exclude', 'did not rule out'
# 'does not reject the scenario of deploying': a possibility not refused, not a proposal accepted
# ('did not reject the proposal' backs it)
HYPOTHETICAL_OBJECTS = {"scenario", "possibility", "option", "prospect", "eventuality"}
STOP, CLIMB = "stop", None


# prepositions whose object can be the subject of a gerund clause ('opposition to Ukraine joining')
GERUND_PREPOSITIONS = {"to", "against", "for", "of", "about", "on", "over"}


def governor(node):
    """The token a node hangs from, with one mis-parse undone. A gerund clause after a
    preposition ('expressed opposition to Ukraine joining NATO', 'spoke out against Kyiv joining')
    is often parsed as an adverbial clause of the main verb, with its own subject left as the
    preposition's object; the clause belongs to the preposition. And the preposition of such a
    clause, or of a voiced position, hung on the verb, belongs to the noun just before it ('voiced
    objections to Kyiv joining', 'voiced Hungary's opposition to an invitation')."""
    if node.tag_ == "VBG" and node.dep_ in ("advcl", "acl") and node.i > 1 \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in node.children):
        before = node.doc[node.i - 1]
        for subject in (before, before.head):
            preposition = subject.head
            if subject.dep_ == "pobj" and subject.right_edge.i == node.i - 1 \
                    and preposition.lower_ in GERUND_PREPOSITIONS \
                    and node.head.i in (preposition.head.i, preposition.head.head.i):
                return preposition
    if node.dep_ == "prep" and node.head.pos_ == "VERB" and node.i > 0 and (
            any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in node.children)
            or node.lower_ in ("to", "for", "against") and node.head.lemma_.lower() in VOICING):
        noun = node.doc[node.i - 1]  # 'voiced objections to Kyiv joining', 'voiced Hungary's opposition to …'
        if noun.dep_ == "dobj" and noun.head.i == node.head.i and noun.pos_ == "NOUN":
            return noun
    return node.head


@dataclass(frozen=True)
class Claim:
    holders: tuple[str, ...]
    polarity: str
    hedged: bool
    frame: Frame | None
    predicate: str  # the lemma that carried the position, for the fact's rule
    condition: str | None
    self_stated: bool  # the holder's own predicate is a speech act ('rejected', 'urged')
    deferred: bool = False  # put off to a later time ('one day'): mixed where timing matters
    for_now: bool = False  # refused only for now: mixed where timing does not matter
    unready: bool = False  # 'not (yet) ready': mixed where timing does not matter, else a refusal now
    others_backed: bool = False  # 'will not send soldiers, but will support countries that do'
    condition_is_time: bool = False  # 'when conditions allow' names a later time, not a condition
    wanted_now: bool = False  # the step itself is timed now: 'Ukraine should join NATO now'

    def about_the_step_now(self) -> bool:
        """'Joining the alliance now is not an option', 'offering Ukraine membership now': the
        step now is refused or wanted, not the goal (the development gold: 'membership is not on
        the agenda at the moment' opposes the invitation, as 'opposition to immediate entry' does)."""
        wanted_now = self.polarity == "support" and self.wanted_now
        return (self.polarity == "oppose" and self.for_now or wanted_now) and not self.unready and not self.deferred

    def answered_no(self) -> Claim:
        """The claim a question made, answered 'No.'"""
        flipped = {"support": "oppose", "oppose": "support"}.get(self.polarity, self.polarity)
        return dataclasses.replace(self, polarity=flipped)

    def polarity_on(self, timing_matters: bool = True, conditions_matter: bool = True) -> str:
        """Support under a condition ('when conditions are met') or put off ('one day') is mixed,
        on topics whose definition says so."""
        conditional = self.condition and not self.condition_is_time
        deferred = self.deferred or self.condition_is_time
        if self.polarity == "support" and (conditional and conditions_matter or deferred and timing_matters):
            return "mixed"
        if self.polarity == "oppose" and (self.for_now or self.unready) and not timing_matters:
            return "mixed"  # 'membership is not on the table for now' (a timetable 'unrealistic for now' opposes)
        if self.polarity == "support" and self.unready and not timing_matters:
            return "mixed"  # 'reaffirmed the promise of membership but said the country isn't ready yet'
        if self.polarity == "oppose" and self.others_backed:
            return "mixed"  # refused for oneself, backed for others
        return self.polarity


@dataclass
class Context:
    doc: object
    frames: list[Frame]
    resolver: Resolver
    lexicon: Lexicon
    themes: set[str]
    affiliated: Callable[[str, str], bool]  # (speaker, holder) -> the speaker speaks for the holder
    is_state: Callable[[str], bool]
    home: str | None = None  # the first theme (Ukraine): another theme's own bid (Georgia's) is its own accession


@dataclass
class _Walk:
    sign: int
    hedged: bool = False
    mixed: bool = False
    found: str | None = None
    assertive: bool = False
    condition: str | None = None
    later: bool = False
    unready: bool = False
    supposed: bool = False  # the cue sits in a clause that supposes it happens ('if Ukraine joined')
    others_backed: bool = False
    applied_at: int = -1  # the last node whose class and negation were applied
    cue_head: int = -1
    cue_tokens: frozenset = frozenset()  # of a cue that carries its own polarity
    trading: bool = False  # 'in exchange for …' hangs on a gerund; the trade is the verb above's
    purposed: bool = False  # the walk came through 'with the aim of …', 'in order to …'
    refuted_by: int = -1  # the verb that refutes the argument the walk came through
    but_not: bool = False  # came through the 'but' of 'not A but B': the next negation is A's, not B's


def _apply(node, kind: str, walk: _Walk, lexicon: Lexicon, negated: bool | None = None) -> None:
    walk.found = walk.found or node.lemma_.lower()
    walk.applied_at = node.i
    if kind == "oppose":
        walk.sign = -walk.sign
    if kind == "mixed":
        walk.mixed = True
    if negated if negated is not None else is_negated(node):
        walk.sign = -walk.sign
        if kind == "oppose" and (node.lemma_.lower() in HEDGE_PHRASES_MIXED or any(
                c.dep_ == "dobj" and c.lemma_.lower() in HYPOTHETICAL_OBJECTS for c in node.children)):
            walk.mixed = walk.hedged = True
    _note_phrases(node, walk, lexicon)


def refutation(node, previous, walk: _Walk) -> bool:
    """'Putin demolished any argument about not accepting Ukraine', 'the argument against its
    membership was eliminated': the argument's view turned, and the words up to the refuting verb
    passed with no class or holder of their own (who says so holds the view; the refuter only made
    it moot). An argument not refuted ('has not removed the case against …') keeps its view. A
    power to block denied ('Russia cannot block …') is passed the same way, the view made the open
    door's mixed."""
    if walk.refuted_by >= 0:
        verb = node.doc[walk.refuted_by]
        if node.i == verb.i or verb.is_ancestor(node):
            return True
    denied = denied_power_verb(node, previous)
    if denied is not None:
        walk.mixed = True  # 'Russia cannot block Ukraine's aspirations': the open door, said by whoever says it
        walk.found = walk.found or "no veto"
        walk.refuted_by = denied.i
        return True
    verb = refuting_verb(node, previous)
    if verb is None:
        return False
    if node.pos_ == "NOUN" and walk.found is None and any(c.dep_ == "prep" and c.lower_ == "against" for c in node.children):
        walk.sign = -walk.sign  # 'the case against Ukraine joining', the parse hanging 'joining' on 'case'
        walk.found = "against"
    if not is_negated(verb):
        walk.sign = -walk.sign
        walk.found = walk.found or "refuted"
    walk.refuted_by = verb.i
    return True


def _note_phrases(node, walk: _Walk, lexicon: Lexicon) -> None:
    """Hedges and the phrases of the predicate's own clause: 'not ready', 'one day', 'in principle'."""
    if modal(node, lexicon.hedges) or node.lemma_.lower() in lexicon.hedge_verbs:
        walk.hedged = True
    clause = " ".join(t.lower_ for t in _clause_tokens(node) if not t.is_quote)  # "'open' to sending"
    if any(f" {phrase} " in f" {clause} " for phrase in lexicon.mixed_phrases):
        walk.mixed = True
    later = " ".join(t.lower_ for t in _xcomp_chain_tokens(node))
    if any(f" {phrase} " in f" {clause} " for phrase in lexicon.not_ready):
        walk.unready = True
    if any(f" {phrase} " in f" {clause} {later} " for phrase in lexicon.timing_phrases):
        walk.later = True  # 'should be invited to join the alliance at some point'


def _xcomp_chain_tokens(node) -> list:
    """The clauses a predicate's infinitives make with it ('should be invited to join the alliance
    at some point'), not what a clause coordinated with one of them says ('to sign the protocols,
    and launch ratification once conditions allow')."""
    found = []
    for complement in (c for c in node.children if c.dep_ == "xcomp"):
        found += _clause_tokens(complement) + [t for t in complement.children if t.dep_ in ("dobj", "pobj")
                                               for t in t.subtree] + _xcomp_chain_tokens(complement)
    return found


def _clause_tokens(node):
    """The predicate with its own modifiers, not the clauses it governs, in the sentence's order."""
    return sorted([node] + [c for c in node.children if c.dep_ in ("neg", "advmod", "npadvmod", "acomp", "prep", "attr",
                                                                    "aux", "prt")
                            for c in c.subtree], key=lambda t: t.i)


def _claim(holders, walk: _Walk, frame: Frame | None, node, lexicon: Lexicon,
           self_stated: bool | None = None) -> Claim:
    condition = walk.condition or condition_clause(node, None, lexicon, walk.cue_head)
    sign = -walk.sign if denied_content(node) else walk.sign  # 'denied that he opposes …'
    polarity = "mixed" if walk.mixed else ("support" if sign > 0 else "oppose")
    if self_stated is None:
        self_stated = node.lemma_.lower() in lexicon.communicative
    return Claim(tuple(holders), polarity, walk.hedged, frame, walk.found or "", condition, self_stated, walk.later,
                 for_now(node, lexicon), walk.unready, walk.others_backed,
                 condition is not None and names_a_time(condition, lexicon), step_wanted_now(node, lexicon))
