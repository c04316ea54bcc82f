"""What is asked of someone: a demand, a wish or an expectation whose content is another's act
('urged that NATO invite Ukraine', 'Lithuania's expectation that NATO would reaffirm …'). The one
asked holds no position by it, and what it is asked to say has not been said. And what is asked
about: the topic of a question is no one's position ('Asked about Ukraine's membership, …')."""

from __future__ import annotations

from .negation import COPULAS, under_ability
from .predicates import asked_passively

DEMANDING = frozenset({"demand", "urge", "insist", "ask", "request", "call", "press", "push"})
WISHING = frozenset({"hope", "wish", "want", "expectation"})
REQUIRING = frozenset({"important", "necessary", "essential", "vital", "crucial", "imperative", "critical", "urgent"})


PLEDGES = {"guarantee", "assurance", "commitment", "pledge", "promise"}
PLEDGING = frozenset(PLEDGES | {"vow", "commit", "assure", "swear"})  # the verbs; a noun lemma never matches a verb
GIVING = frozenset({"make", "give", "offer", "provide", "extend"})
NORMATIVE_MODALS = frozenset({"must", "should", "ought"})


def _asked_for(noun) -> bool:
    """'demands guarantees', 'insists on guarantees', 'wants guarantees'."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return verb is not None and verb.lemma_.lower() in DEMANDING | WISHING


def pledged(node) -> bool:
    """A clause of its own subject under a pledge given ('would make a hard commitment that NATO
    will not admit Ukraine', 'promised that the alliance would not expand'): whoever pledges
    undertakes to bring it about, so it is the pledger's position, whoever is to act."""
    if node.dep_ not in ("acl", "ccomp"):
        return False
    pledge = node.head
    if pledge.pos_ == "NOUN":
        return pledge.lemma_.lower() in PLEDGES and pledge.dep_ == "dobj" and pledge.head.lemma_.lower() in GIVING
    return pledge.pos_ == "VERB" and pledge.lemma_.lower() in PLEDGING


def demanded(node) -> bool:
    """A clause of its own subject under a demand ('demanded that NATO accept Ukraine', 'advocated
    for NATO countries to agree on …'): what the demand asks of someone, not that someone's
    position."""
    if under_ability(node) and node.head.dep_ == "acomp":
        node = node.head.head  # 'hope that the Alliance will be able to agree on …': the clause is the copula's
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children):
        return True  # 'advocated for NATO countries to agree on inviting Ukraine'
    if node.dep_ in ("ccomp", "acl") and node.head.lemma_.lower() in WISHING:
        return True  # 'hoped NATO would invite Ukraine', 'inspires hope that …': a wish, whatever its tense
    if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() == "see" and node.head.dep_ == "xcomp" \
            and node.head.head.lemma_.lower() in WISHING | {"like", "expect"}:
        return True  # 'would like to see NATO also do something for the country's membership'
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in COPULAS and any(
            c.dep_ == "nsubj" and c.lower_ == "it" for c in node.head.children) and any(
            c.dep_ == "acomp" and c.lemma_.lower() in REQUIRING for c in node.head.children):
        return True  # 'it is important that NATO member countries agree on …': the speaker's demand
    if node.dep_ in ("acl", "ccomp") and node.head.lemma_.lower() in PLEDGES and _asked_for(node.head) \
            or node.dep_ == "ccomp" and node.head.lemma_.lower() in DEMANDING | WISHING and any(
                c.dep_ == "dobj" and c.lemma_.lower() in PLEDGES for c in node.head.children):
        return True  # 'demands written guarantees that the alliance will not expand': what is asked for
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in DEMANDING and not any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll") for c in node.children) \
        and not asked_passively(node.head)


QUESTION_WORDS = {"how", "whether", "if", "what", "why", "when", "where", "which", "who"}


def asked_about(node, previous) -> bool:
    """'Asked about Ukraine's membership, …', 'asked whether Ukraine should join', 'asked how the
    proposal differs from membership': the topic of a question, which states no one's position
    ('asked NATO to invite Ukraine' is a request, and stays one)."""
    if node.lemma_.lower() == "comment" and previous.dep_ == "prep" and previous.lower_ == "on" \
            and node.head.lemma_.lower() in ("ask", "request", "question", "invite", "invitation"):
        return True  # 'in response to a request to comment on remarks about Ukraine's accession'
    if node.lemma_.lower() not in ("ask", "question") or node.pos_ != "VERB":
        return False
    if previous.dep_ == "prep" and previous.lower_ == "about":
        return True
    return previous.dep_ in ("ccomp", "advcl", "xcomp") and any(
        c.lower_ in QUESTION_WORDS and c.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr") for c in previous.children)


def in_question(node) -> bool:
    """'Asked about Slovenia's potential support for …': a stance noun inside what was asked about
    is the question's, whoever owns it."""
    child = node
    while child.head.i != child.i:
        if asked_about(child.head, child):
            return True
        child = child.head
    return False


def asked_to_say(verb) -> bool:
    """'NATO allies should signal to Ukraine that …', 'the alliance must tell Kyiv that …': what
    someone ought to say is asked of them by whoever says so ('I must say' is said)."""
    return any(c.dep_ == "aux" and c.lower_ in NORMATIVE_MODALS for c in verb.children) \
        and not any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children)
