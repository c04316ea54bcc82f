"""Clauses that qualify a claim instead of stating one: the conditions it is made under
('when allies agree and conditions are met', 'must clean up corruption before it can be
considered'), the refusals only for now, and the suppositions a warning or a judgement hangs on
('warned of a response if Ukraine were to join', 'if we accepted Ukraine, this would mean war')."""

from __future__ import annotations

from .lexicon import Lexicon
from .predicates import NOW_WORDS, evaluated_object

TIME_MEASURES = {"hours", "days", "weeks", "months", "years", "minutes", "moments", "shortly", "soon", "just",
                 "hour", "day", "week", "month", "year", "immediately", "right", "only"}
WARNING_VERBS = {"warn", "threaten", "caution"}
INVERTING_AUXILIARIES = {"should", "were", "had"}  # 'should Ukraine join', 'were Kyiv to be invited'


def for_now(node, lexicon: Lexicon) -> bool:
    text = f" {' '.join(t.lower_ for t in node.sent)} "
    if any(f" {phrase} " in text for phrase in lexicon.for_now):
        return True
    # 'will not join the alliance immediately', 'does not currently envision such membership' refuse
    # it now; 'would immediately lead to war' does not
    return any(t.dep_ == "advmod" and t.lower_ in ("immediately", "currently", "presently")
               and any(c.dep_ == "neg" for c in t.head.children) for t in node.sent) or now_bounded(node, lexicon)


STEP_VERBS = {"join", "invite", "admit", "accept", "enter"}


def now_bounded(node, lexicon: Lexicon) -> bool:
    """The claim's own clause says 'now' (not a phrase elsewhere in the sentence: 'the path is
    irreversible, but no invitation this year')."""
    return any(_now(t, node, lexicon) for t in node.subtree)


def step_wanted_now(node, lexicon: Lexicon) -> bool:
    """'Ukraine should join NATO now', 'invite Ukraine now': the step itself is timed now (not
    'and now with Sweden', 'the focus now is …', 'between now and the moment')."""
    return any(_now(t, node, lexicon) and t.head.lemma_.lower() in STEP_VERBS or _dated_step(t) for t in node.subtree)


def _dated_step(token) -> bool:
    """'the terms of joining NATO in 2022', 'join by 2030': the step with a year set for it is a
    timetable, the topic set's clear path."""
    if not (token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20") and token.dep_ == "pobj"
            and token.head.lower_ in ("in", "by", "before")):
        return False
    step = token.head.head
    # not 'applied to join NATO in 2022', the year the parse hangs on 'join' being the application's
    return step.lemma_.lower() in STEP_VERBS and not (step.dep_ == "xcomp" and step.head.lemma_.lower() == "apply")


def _now(token, node, lexicon: Lexicon) -> bool:
    """'Joining the alliance now is not an option', 'currently sees no place for Ukraine in
    NATO': the time of the refused step, not of a change of mind ('now opposes it') nor a
    reason ('now that Finland has joined')."""
    if token.lower_ not in NOW_WORDS or token.dep_ not in ("advmod", "npadvmod"):
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "that":
        return False
    head = token.head
    if lexicon.polarity_class(head.lemma_, head.pos_) is not None or head.lemma_.lower() in lexicon.speech:
        return False  # 'now backs it', 'said now': when the view is held or told
    if any(t.dep_ == "relcl" or t.dep_ == "advcl" and not any(a.lower_ == "to" for a in t.children)
           for t in (head, *head.ancestors) if node.is_ancestor(t)):
        return False  # 'the situation in which Ukraine finds itself today': another clause's time
    # 'today' dates an event told in the past ('rejected it today'); it bounds a present refusal
    return token.lower_ != "today" or head.tag_ in ("VBZ", "VBP", "MD") or any(
        c.tag_ == "MD" or c.lower_ in ("does", "do") for c in head.children)


PAST_EVENT_MARKS = {"after", "when", "since", "as", "before"}


def condition_clause(node, came_from, lexicon: Lexicon, cue: int = -1) -> str | None:
    """'… when allies agree and conditions are met': a condition clause on the way up (not the
    clause the cue itself is in: 'warned of a bad peace if membership is not approved')."""
    for child in node.children:
        if child.dep_ != "advcl" or (came_from is not None and child.i == came_from.i):
            continue
        if cue >= 0 and child.left_edge.i <= cue <= child.right_edge.i:
            continue
        # the mark may hang from the clause's second conjunct ('when allies agree and conditions are met')
        marks = [c.lower_ for clause in (child, *child.conjuncts) for c in clause.children
                 if c.dep_ in ("mark", "advmod")]
        if any(m.lower_ in TIME_MEASURES for m in child.children if m.dep_ in ("npadvmod", "advmod")):
            continue  # 'hours after Putin proclaimed …' dates the claim, it sets no condition
        if _past_event(child, node, marks):
            continue
        if any(m in lexicon.conditions for m in marks) and "even" not in {t.lower_ for t in child.subtree}:
            return clause_text(child)
    return None


def _past_event(clause, node, marks: list[str]) -> bool:
    """An adverbial clause that tells what happened, no condition: 'applied … after Russia
    claimed …', 'after the country applied on Friday', and after 'after/when/since' any past or
    perfect verb ('will join NATO, after the alliance dashed Kyiv's hopes'; not 'if it joined')."""
    if clause.tag_ == "VBD" and (node.tag_ == "VBD" or any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)):
        return True
    past = clause.tag_ == "VBD" or clause.tag_ == "VBN" and all(
        c.lower_ in ("had", "has", "have", "was", "were") for c in clause.children if c.dep_.startswith("aux"))
    return past and bool(marks) and set(marks) <= PAST_EVENT_MARKS


def names_a_time(condition: str, lexicon: Lexicon) -> bool:
    """'when conditions allow', 'once the time is right': the diplomatic formula names no
    condition, only a later time (a timing phrase), so membership 'whatever its timing' keeps
    its polarity while a step asked for now stays mixed."""
    text = f" {' '.join(condition.lower().replace(',', ' ').split())} "
    return any(f" {phrase} " in text for phrase in lexicon.timing_phrases)


def clause_text(clause) -> str:
    span = list(clause.subtree)
    return clause.doc[span[0].i:span[-1].i + 1].text


REQUIREMENTS = {"criterion", "criteria", "condition", "requirement", "standard", "benchmark", "reform", "corruption",
                "consensus", "unanimity"}  # 'to invite a new ally, we need consensus'


def gated(clause) -> str | None:
    """'Ukraine has to clean up corruption before it can be considered for membership', 'they
    have to meet other criteria to get into the action plan': what must happen first makes the
    topic conditional (the clause's text, as a condition)."""
    before = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in clause.children) \
        and _required(clause.head)  # not 'wants guarantees before it joins'
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    purpose = to and (clause.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in REQUIREMENTS for c in clause.head.children)
        or clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in REQUIREMENTS)  # 'criteria to join'
    return clause_text(clause) if before or purpose else None


def _required(verb) -> bool:
    """'must clean up', 'has to meet', 'needs to reform', 'has a number of reforms to complete': a
    verb under an obligation, or work still to do."""
    governor = verb.head if verb.dep_ in ("xcomp", "conj") else verb
    governor = governor.head if governor.dep_ == "xcomp" else governor
    obliged = any(c.dep_ == "aux" and c.lower_ in ("must", "should") for v in (verb, governor) for c in v.children)
    return obliged or governor.lemma_.lower() in ("have", "need") and any(
        c.dep_ == "xcomp" or c.dep_ == "dobj" and _still_to_do(c) for c in governor.children)


def _still_to_do(noun) -> bool:
    """'reforms to complete', 'a lot of work to do': what an infinitive says is still to be done."""
    return any(t.dep_ in ("relcl", "acl") and t.pos_ == "VERB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in t.children) for t in noun.subtree)


def supposes_it(clause) -> bool:
    """'if Ukraine were to join', 'should Ukraine join': a clause that supposes the topic happens
    (not 'unless', not the concessive 'even if'). A warning of what would follow opposes it."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if "if" in marks:
        return not any(c.lower_ == "even" for c in clause.children)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and not marks and any(
        c.dep_ == "aux" and c.lower_ in INVERTING_AUXILIARIES and c.i < subject.i for c in clause.children)


def warned_supposition(token, lexicon: Lexicon | None = None) -> tuple[frozenset[int], frozenset[int]]:
    """When a cue sits in a supposition a warning hangs on ('warned that Russia would respond if
    NATO invited Ukraine'), or one the main clause judges ('if we accepted Ukraine, this would
    mean war'): the supposition's tokens and those between it and the warning verb, none of
    which holds the position (the warner, or whoever says the judgement, does); else two empty sets."""
    for clause in (token, *token.ancestors):
        if clause.dep_ in ("advcl", "ccomp", "relcl") and supposes_it(clause):  # an inverted one parses as any
            if lexicon is not None and clause.dep_ in ("advcl", "ccomp") and judges_supposition(clause.head, lexicon):
                return frozenset(t.i for t in clause.subtree), frozenset()
            path = []
            for above in clause.ancestors:
                if above.lemma_.lower() in WARNING_VERBS:
                    return frozenset(t.i for t in clause.subtree), frozenset(path)
                path.append(above.i)
            break
    return frozenset(), frozenset()


def judges_supposition(verb, lexicon: Lexicon) -> bool:
    """'…, this would mean war', '…, it would trigger a world war': a main clause whose pronoun
    subject stands for the supposition and whose predicate judges it."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ("it", "this", "that"):
        return False
    if verb.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children):
        judged = next((c for c in verb.children if c.dep_ == "acomp"), None)  # 'it would be supportive if …'
        if judged is None:  # 'it would be a positive scenario if …': the adjective on the complement judges
            attr = next((c for c in verb.children if c.dep_ == "attr"), None)
            judged = next((c for c in attr.children if c.dep_ == "amod"), None) if attr is not None else None
        if judged is not None and not any(c.dep_ in ("xcomp", "prep") for c in judged.children) and \
                lexicon.polarity_class(judged.lemma_, "ADJ") in ("support", "oppose"):
            return True
    lemma = verb.lemma_.lower()
    return lemma in lexicon.consequences or lemma in lexicon.light_verbs and evaluated_object(verb, lexicon) is not None


def gives_reason(clause) -> bool:
    """A 'because'-, 'since'- or bare 'as'-clause is asserted as the reason, whatever the main
    clause denies: 'it cannot stand because a country at war cannot be accepted', 'offering terms
    is not possible as it is contingent on the end of the war' (not 'as long as', 'as soon as')."""
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("because", "since", "as")]
    return any(m.lower_ != "as" or _reason_as(m) for m in marks)


def _reason_as(mark) -> bool:
    """'as it is contingent on …', 'as it depends on …' give a reason, a state described; 'as
    the war goes on' and 'as Ukraine is at war' say when, 'just as Ukraine will …' compares."""
    clause, before = mark.head, mark.doc[mark.i - 1] if mark.i > 0 else None
    described = clause.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in clause.children) \
        or clause.lemma_ in ("depend", "hinge")
    return described and (before is None or before.lower_ not in ("just", "so", "even", "much", "exactly", "same"))
