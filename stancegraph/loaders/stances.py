"""From a topic cue in a parsed sentence to a stance: who holds it, with which polarity.

The cue's syntactic head is followed up the parse towards the root. Every predicate on the
way that carries a position (support, oppose, mixed words; 'should' and 'must') multiplies
the polarity, every negation flips it, and the first such predicate with a named subject
gives the holder. A predicate with an unnamed subject ('some allies want …'), a non-stance
action by a third party ('Poland would engage …') or a third party's hedged position inside
someone's speech (a forecast) ends the search: the sentence ties no named actor to a
position. Without a named subject the holder is whoever says the sentence."""

from __future__ import annotations

from .acts import backs_others, decision_taken, evasion, modal, others_agreement, third_party, undecided
from .asking import DEMANDING, WISHING, asked_about, in_question
from .attribution import Frame
from .contrasts import compared_against, contrasted_away, denied_by_no, put_aside, substituted
from .cue_context import (
    CONDITION_NOUNS, EVENT_VERBS, able_to, cue_head, draws_from, enclosing_frame, existential, going_to,
    heads_time_clause, in_side_clause, innermost_frame, nearest_frame, normative, obtained_in_condition, owned_noun,
    second_object, speakerless_frame, stance_named, takes_subject_theme, used_as,
)
from .conditions import WARNING_VERBS, condition_clause, gated, gives_reason, supposes_it, warned_supposition
from .holders import coordinated_with
from .lexicon import Lexicon
from .node_holders import holders_of_classed, holders_of_plain
from .signatories import with_signatories
from .negation import doubted, is_negated, not_yet_done, only_a_fool, outside_scope
from .predicates import COPULAS, PURSUITS, names_something, predicate_class
from .at_frame import close_at_frame, condition_of_concession
from .clause_readings import (
    DISCUSSED, EXPRESSING, but_not_ready, construction_class, deliberated, discussed_possibility, distanced, evades,
    excessive, judged_out, lacking, made_clear, mistake_made, none_of_it, purpose_of, put_off, replaces,
    stands_in_for, supposed, traded_for, traded_kind, undergone,
)
from .walk import (
    CLIMB, HEDGE_PHRASES_MIXED, STOP, Claim, Context, _apply, _claim, _note_phrases, _Walk, governor, refutation,
)

# nouns whose 'that'-clause is their content, not the speaker's assertion ('the idea that Ukraine joins')
CONTENT_NOUNS = {"idea", "notion", "prospect", "possibility", "claim", "suggestion", "assumption", "expectation"}


def claims_for_cue(cue_tokens: list[int], inherent: str | None, ctx: Context, asserts: bool = False,
                   conceded: bool = False) -> list[Claim]:
    """The claims on a cue, found by climbing from it to its governors: the first holder, and
    where that holder owns a stance noun on the way ('attempts by Poland to offer a plan', 'Ukraine's
    hopes of an invitation'), the holder of what governs that noun too ('the US resists attempts
    by Poland …', 'Hungary poured cold water on Ukraine's hopes …'), its polarity compounded.
    A cue about another state's own accession or that is only a bound has no claims; the caller,
    which also keeps that verdict for the classifier, checks it (`whose_entry.about_someone_else`,
    `cue_context.only_a_bound`) before asking."""
    doc = ctx.doc
    head = cue_head(doc, cue_tokens)
    frame = nearest_frame(head, ctx.frames, innermost_frame(ctx.frames, head.i))
    if inherent is None and obtained_in_condition(head) is not None:
        return condition_of_concession(head, ctx, frame)
    if in_side_clause(head, ctx.lexicon, frame, conceded) or used_as(head) or substituted(doc, cue_tokens[0]):
        return []
    walk = _Walk(sign=-1 if inherent == "oppose" else 1, found="cue" if asserts else None, cue_head=head.i,
                 cue_tokens=frozenset(cue_tokens) if inherent else frozenset(), mixed=inherent == "mixed")
    _modifiers_of_cue(head, walk, ctx.lexicon)
    walk.others_backed = backs_others(head, ctx)
    for complement in (c for c in head.children if c.dep_ == "xcomp" or c.dep_ in ("advcl", "acl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
        # 'invite Ukraine to join when conditions are met', 'an invitation for Ukraine to join when …'
        walk.condition = walk.condition or condition_clause(complement, None, ctx.lexicon)
    if denied_by_no(doc, cue_tokens, ctx.lexicon):
        walk.sign = -walk.sign  # 'no invitation will be extended', 'no American troops would be deployed'
    contrast = contrasted_away(head)
    if put_aside(doc, cue_tokens[0]) or contrast or compared_against(head):
        walk.sign = -walk.sign  # 'focus on weapons rather than on membership'
    # A cue's own words are not the holder's act when it carries its polarity, nor when one heads a
    # time clause ('once the fighting stops' says when, not what is stopped).
    locked = set(cue_tokens) if inherent else {i for i in cue_tokens if heads_time_clause(doc[i])}
    supposition, consequence = warned_supposition(head, ctx.lexicon)
    found: list[Claim] = []

    def done(claim: Claim | None) -> list[Claim]:
        if claim is not None and not (found and set(claim.holders) <= set(found[0].holders)):
            found.append(claim)
        return found

    previous, node = head, head
    while True:
        if previous.dep_ in ("advcl", "ccomp", "relcl") and supposes_it(previous):
            walk.supposed = True
        if inherent == "mixed" and previous.dep_ in ("xcomp", "ccomp") and node.lemma_.lower() in DEMANDING | WISHING:
            walk.mixed = False  # 'asked NATO to reaffirm its open-door policy for Ukraine': the door asked for
        if node.i in supposition or node.i in consequence:  # who would act or respond holds nothing
            walk.sign = -walk.sign if node.i in supposition and is_negated(node) else walk.sign  # 'if … not …'
            previous, node = node, node.head
            continue
        if speakerless_frame(node, frame):
            frame = enclosing_frame(node, ctx.frames, frame)
        if frame is not None and node.i == frame.verb:
            if asked_about(node.head, node):
                return found  # 'asked if he believes Ukraine could be invited': the belief is asked about
            walk.unready = walk.unready or but_not_ready(node, ctx.lexicon)
            return done(close_at_frame(node, walk, frame, ctx, previous))
        if previous.dep_ in ("ccomp", "advcl") and draws_from(node, previous) or gives_reason(previous):
            break  # 'Ukraine will not be invited, so its membership is off the table': a premise, not content
        if asked_about(node, previous):
            return found  # 'Asked about Ukraine's membership, …', 'asked whether Ukraine should join': a question
        if node.i != head.i and previous.dep_ in ("nsubj", "csubj") and not takes_subject_theme(node, ctx.lexicon) \
                and not (inherent and node.lemma_.lower() in ctx.lexicon.realization) and not made_clear(node):
            # the topic is the agent here, not what the clause takes a position on; but a cue
            # of its own polarity can describe the one who would join ('a country at war cannot join')
            return found
        if previous.dep_ == "appos" and node.i != head.i and not ctx.resolver.actors(node) and not contrast:
            return found  # 'a MAP - a list of goals nations had to meet before joining': a definition
        inner = second_object(previous, node, ctx.lexicon) if node.i != head.i else None
        if inner is not None:  # 'North Macedonia's support for Ukraine's aspirations and the invitation …'
            previous, node = inner, inner.head
            continue
        if previous.dep_ == "conj" and node.i != head.i:
            walk.but_not = previous.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "cc" and c.lower_ == "but" for c in (*previous.children, *node.children))
            node = coordinated_with(previous)
            if frame is not None and node.i == frame.verb:
                return done(close_at_frame(node, walk, frame, ctx, previous))
            # '… was unrealistic and that membership was not realistic': a parallel claim lends no polarity, though
            # what a third party does still ends the search; a demand on a third party ('the alliance should stop
            # … and invite Ukraine') is the speaker's ('we will discuss it, but border states should not send troops')
            result = STOP if third_party(node, ctx, frame) and not normative(node, ctx.lexicon) else CLIMB
        else:
            result = _visit(node, previous, node.i in locked, walk, ctx, frame)
        if result == STOP:
            return found
        if isinstance(result, tuple) and (doubted(node) or supposed(node)
                                          or in_question(node) and node.lemma_.lower() not in PURSUITS):
            # 'not sure the previous administration was in favor of it': no one's position; a
            # bid asked about is still its owner's ('asked about support for Ukraine's request')
            return found
        if isinstance(result, tuple):
            walk.unready = walk.unready or but_not_ready(node, ctx.lexicon)
            done(_claim(with_signatories(result, node, frame, ctx), walk, frame, node, ctx.lexicon))
            if found and not owned_noun(node, head) or len(found) == 2:
                return found
            # what governs the owner's noun holds a view on it only by a predicate of its own
            # ('Hungary poured cold water on Ukraine's hopes'), not by naming it ('said Ukraine's bid …');
            # expressing the owner's position is holding it ('he expressed Ukraine's desire to receive …';
            # 'repeated Moscow's demand' reports it, as the project's gold has it)
            if not (node.dep_ == "dobj" and node.head.lemma_.lower() in EXPRESSING):
                walk.found = None
        if node.head.i == node.i:
            break
        previous, node = node, governor(node)
    if walk.found is None and walk.assertive and frame is not None:
        walk.found = "assertion"
    if walk.found is None or frame is None or frame.speaker is None:
        return found
    return done(_claim(frame.speakers, walk, frame, node, ctx.lexicon))


def _modifiers_of_cue(head, walk: _Walk, lexicon: Lexicon) -> None:
    """'membership path needed at the summit': a participle or adjective on the cue itself."""
    for child in head.children:
        participle = child.tag_ == "VBN" or child.dep_ == "acl"  # 'needed', not 'possible' or 'future'
        kind = lexicon.polarity_class(child.lemma_, "ADJ") if participle else None
        if child.dep_ in ("acl", "amod") and kind and child.lemma_.lower() not in lexicon.speech:
            _apply(child, kind, walk, lexicon)


def _visit(node, previous, locked: bool, walk: _Walk, ctx: Context, frame: Frame | None):
    """CLIMB to go on, STOP to give up, or the holders when a named one is found."""
    lexicon = ctx.lexicon
    if previous.dep_ == "prep" and previous.lower_ in CIRCUMSTANCES and previous.i != walk.cue_head:
        return STOP  # 'must be allowed to determine its future amid Russian demands that …': the setting, not the content
    if node.lemma_.lower() in HEARING and previous.dep_ in ("ccomp", "dobj", "advcl") or distanced(node):
        return STOP  # 'we hear … that this is not the best time for …', 'is supposedly ready to give up …': others' words
    # a negation inside a cue of its own polarity ('when, not if', 'never join') is already in that polarity
    aside = outside_scope(previous, lexicon.speech)  # a participle after the clause: its verb does not govern it
    locked = locked or aside
    but_not, walk.but_not = walk.but_not, False  # 'does not need a moratorium but guarantees that …'
    negated = is_negated(node, walk.cue_tokens) and not aside and not but_not
    if previous.dep_ == "prep" and previous.lower_ in ("without", "except"):
        # 'without a US backstop that deployment was not feasible': the backstop is wanted; 'accepted
        # everything except an invitation': the one thing left out ('would not accept any other …, except X')
        walk.sign = -walk.sign
    elif negated and lacking(node):
        negated, walk.condition = False, walk.condition or "with what it lacks"  # … and the deployment, given it
    if negated and (any(c.dep_ == "advmod" and c.lower_ in NOT_AS_SUCH for c in node.children) or not_yet_done(node)):
        return STOP  # 'an invitation is not automatically guaranteed': denies that it follows; 'has not yet accepted': not done so far
    if negated and node.lemma_.lower() in IMPLYING and previous.dep_ == "ccomp":
        return STOP  # 'this does not mean they will be given membership now': a reading denied, no view on it
    if refutation(node, previous, walk):
        return CLIMB
    if mistake_made(node, previous):
        walk.sign = -walk.sign if is_negated(node) else walk.sign
        return CLIMB
    if excessive(node, previous):
        walk.sign = -walk.sign  # 'considered it too early for Ukraine to join', 'too soon to invite Ukraine'
        walk.found = walk.found or "too"
    kind = None if locked else undergone(node, previous, lexicon) or put_off(node) or predicate_class(node, lexicon)
    if kind == "oppose" and previous.dep_ == "prep" and previous.lower_ == "by" and node.pos_ == "VERB" \
            and any(c.dep_ == "dobj" for c in node.children) and node.lemma_.lower() not in lexicon.light_verbs:
        kind = None  # 'by offering … now, it would undermine Russia's rationale': the means (not 'made a mistake by …')
    if kind is not None and previous.dep_ == "nsubjpass" and deliberated(node) and not normative(node, lexicon):
        return STOP  # 'membership is not being considered in the talks': what is on an agenda, no one's view
    walk.purposed = walk.purposed or purpose_of(node, previous)
    if traded_for(previous) or walk.trading:
        kind = traded_kind(node, walk) if not locked else kind
    if kind is None and walk.supposed and node.lemma_.lower() in WARNING_VERBS:
        kind = "oppose"  # 'threatened retaliation should Ukraine join': a warning of what would follow
    if kind == "oppose" and evades(node, previous, lexicon):
        kind = "mixed"  # 'declined to say when an invitation might come' evades, it does not oppose
    if others_agreement(node, previous, kind) or kind is None and stance_named(node, previous, lexicon):
        return STOP  # 'a consensus on membership is unlikely at Vilnius', '… is not there': what others agree
    if negated and node.lemma_.lower() in ("want", "wish") and previous.dep_ == "xcomp" and evasion(previous):
        return STOP  # 'I don't want to get into what pathways there are': no view given
    if kind == "oppose" and node.lemma_.lower() in HEDGE_PHRASES_MIXED and node.dep_ == "xcomp" \
            and node.head.lemma_.lower() in ("refuse", "decline"):
        kind = "mixed"  # 'refused to rule out membership' keeps it open, as 'did not rule out' does
    if not locked and previous.dep_ in ("nsubj", "nsubjpass") and node.lemma_.lower() in lexicon.deferrals:
        kind = "oppose"  # 'an invitation should wait': its subject is what is put off
    if kind is None and not locked and previous.dep_ in ("nsubj", "csubj") and node.lemma_.lower() == "threaten":
        kind = "oppose"  # 'membership could threaten European security'; not 'threatened to veto' (its own act)
    if kind is None and node.lemma_.lower() in CONDITION_NOUNS and previous.dep_ == "prep" and previous.lower_ == "for" \
            and not judged_out(node, lexicon) and not (node.dep_ == "attr" and is_negated(node.head)):
        # not 'the conditions for membership are unrealistic', nor 'it cannot be a condition for membership'
        kind = "mixed"  # 'a ceasefire is a precondition for deploying troops': the deployment is conditional
    if kind is None and undecided(node, previous):
        kind, negated = "mixed", False  # 'has not yet decided whether to send troops': still open
    if kind is None and decision_taken(node, previous):
        kind = "support"  # 'decided not to provide a membership plan', 'NATO's decision to invite': what was decided
    if kind is None and node.lemma_.lower() == "see" and previous.dep_ == "dobj":
        kind = "support"  # 'sees a path', 'saw no place for Ukraine in the alliance': a view held
    if kind is None and node.lemma_.lower() in lexicon.as_verbs and previous.dep_ == "prep" and previous.lower_ == "as":
        kind = "support"  # 'never saw Ukraine as a NATO member', 'regards it as a future member'
    if only_a_fool(node):
        kind, negated = "oppose", False  # 'only a madman can think about Ukraine's entry into NATO'
    elif kind is None and discussed_possibility(node, previous):
        kind, walk.found = "support", DISCUSSED  # the pipeline keeps it open or drops it by topic (also its conditions)
    elif kind is None:
        kind, negated = construction_class(node, previous, negated)
    if kind is None and normative(node, lexicon):
        kind = "normative"
    walk.condition = walk.condition or condition_clause(node, previous, lexicon) or gated(previous)
    if node.pos_ == "NOUN" and previous.dep_ in ("acl", "ccomp") and previous.pos_ in ("VERB", "AUX") and (
            node.lemma_.lower() in CONTENT_NOUNS or lexicon.polarity_class(node.lemma_, "NOUN")):
        walk.assertive = False  # 'the promise that Ukraine would one day become a member': the noun's content, not asserted
    becoming = node.lemma_.lower() in lexicon.realization or node.lemma_ == "be" and node.i == walk.cue_head  # 'will be a NATO member'
    if node.pos_ in ("AUX", "VERB") and becoming and modal(node, lexicon.assertive) \
            or existential(node) and previous.i == walk.cue_head or going_to(node, lexicon.realization) \
            or able_to(node, lexicon.realization, lexicon.assertive) \
            or node.lemma_.lower() in EVENT_VERBS and previous.dep_ in ("nsubj", "nsubjpass"):
        walk.assertive = True  # 'Ukraine will join', 'there will be no invitation this week'
        walk.hedged = walk.hedged or modal(node, {"would", "could"})
    if kind is None and stands_in_for(node, previous):
        kind, negated = "oppose", negated or none_of_it(node)  # 'no alternative to membership': it is wanted
    if kind is None and replaces(node, previous):
        walk.sign = -walk.sign  # 'would not agree to proposals that could replace membership'
    # a copula whose complement's class and negation were counted there ('was not ready', 'there was never a prospect')
    copula_counted = node.lemma_.lower() in COPULAS and walk.applied_at == previous.i
    complement_counted = copula_counted and previous.dep_ in ("attr", "acomp")
    if kind is None:
        return holders_of_plain(node, previous, walk, ctx, frame, locked, negation_counted=aside or but_not
                                or complement_counted)
    against_counted = copula_counted and previous.dep_ == "prep" and previous.lower_ == "against"
    # 'called the discussion of membership "premature"', the word parsed under the cue: counted there
    named_below = kind is not None and node.lemma_.lower() == "call" and names_something(node) \
        and walk.applied_at >= 0 and ctx.doc[walk.applied_at].pos_ == "ADJ" and node.is_ancestor(ctx.doc[walk.applied_at])
    if complement_counted or against_counted or named_below:
        _note_phrases(node, walk, lexicon)  # 'was not ready', 'is against': the class and negation counted once, below
    else:
        _apply(node, kind, walk, lexicon, negated)
    return holders_of_classed(node, previous, kind, walk, ctx, frame)

NOT_AS_SUCH = {"automatically", "necessarily"}
CIRCUMSTANCES = {"amid", "amidst", "despite", "notwithstanding"}
# "we hear that …", "language that could be read as an invitation": what others say, a construal
HEARING = {"hear", "overhear", "read"}
IMPLYING = {"mean", "imply", "signify"}
