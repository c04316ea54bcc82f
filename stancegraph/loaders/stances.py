"""From a topic cue in a parsed sentence to a stance: who holds it, with which polarity.

The cue's syntactic head is followed up the parse towards the root. Every predicate on the
way that carries a position (support, oppose, mixed words; 'should' and 'must') multiplies
the polarity, every negation flips it, and the first such predicate with a named subject
gives the holder. A predicate with an unnamed subject ('some allies want …'), a non-stance
action by a third party ('Poland would engage …') or a third party's hedged position inside
someone's speech (a forecast) ends the search: the sentence ties no named actor to a
position. Without a named subject the holder is whoever says the sentence."""

from __future__ import annotations

from .acts import (
    backs_others, controller, decided, decision_taken, deed, evasion, forecast, modal, others_agreement, own_side,
    third_party, undecided,
)
from .asking import DEMANDING, WISHING, asked_about, demanded, in_question
from .attribution import Frame
from .contrasts import compared_against, contrasted_away, denied_by_no, put_aside, substituted
from .cue_context import (
    CONDITION_NOUNS, ENDING, EVENT_VERBS, able_to, cue_head, draws_from, enclosing_frame, existential, going_to, heads_time_clause,
    imposed, in_side_clause, innermost_frame, launches_own_bid, names_home, nearest_frame, normative,
    obtained_in_condition, own_pursuit, owned_noun, second_object, some_others, speakerless_frame, stance_named, takes_subject_theme, used_as,
)
from .conditions import WARNING_VERBS, condition_clause, gated, gives_reason, supposes_it, warned_supposition
from .holders import (
    ATTITUDES, coordinated_with, generic_country, joined_partners, judged_by, named_holders, own_subject,
    plural_speaker, subject_of,
)
from .plans import acting_owner, plan_owner, spelled_out_by_plan
from .publics import counted_public
from .lexicon import Lexicon
from .signatories import with_signatories
from .negation import ABILITY, doubted, expected_not, is_negated, only_a_fool, outside_scope
from .predicates import COPULAS, OWN_PURSUITS, PURSUITS, idiom, names_something, phrasal, predicate_class
from .at_frame import close_at_frame, condition_of_concession
from .clause_readings import (
    DISCUSSED, EXPRESSING, attribute_owner, brought_with, but_not_ready, construction_class, deliberated,
    discussed_possibility, distanced, evades, excessive, factive, gerund_content, judged_out, lacking, made_clear,
    mistake_made, none_of_it, none_there, purpose_of, put_off, reacts, replaces, sets_as_goal, stands_in_for, supposed,
    traded_for, traded_kind, undergone, voices_position,
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
    lexicon, resolver = ctx.lexicon, ctx.resolver
    if previous.dep_ == "prep" and previous.lower_ in CIRCUMSTANCES and previous.i != walk.cue_head:
        return STOP  # 'must be allowed to determine its future amid Russian demands that …': the setting, not the content
    if node.lemma_.lower() in HEARING and previous.dep_ in ("ccomp", "dobj", "advcl") or distanced(node):
        return STOP  # 'we hear … that this is not the best time for …', 'is supposedly ready to give up …': others' words
    # a negation inside a cue of its own polarity ('when, not if', 'never join') is already in that polarity
    aside = outside_scope(previous, lexicon.speech)  # a participle after the clause: its verb does not govern it
    locked = locked or aside
    but_not, walk.but_not = walk.but_not, False  # 'does not need a moratorium but guarantees that …'
    negated = is_negated(node, walk.cue_tokens) and not aside and not but_not
    if previous.dep_ == "prep" and previous.lower_ == "without":
        walk.sign = -walk.sign  # 'without a US backstop that deployment was not feasible': the backstop is wanted
    elif negated and lacking(node):
        negated, walk.condition = False, walk.condition or "with what it lacks"  # … and the deployment, given it
    if negated and any(c.dep_ == "advmod" and c.lower_ in NOT_AS_SUCH for c in node.children):
        return STOP  # 'an invitation is not automatically guaranteed': denies that it follows, not that it should
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
        kind, walk.found = "support", walk.found or DISCUSSED  # the pipeline keeps it open or drops it by topic
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
        # a copula's negation counts at the copula, not also at its complement ('there will not be US troops deployed')
        own = is_negated(node, walk.cue_tokens, through_copula=False) and not factive(node, previous) and not aside \
            and not but_not \
            and not complement_counted and not (previous.lemma_.lower() in ABILITY and previous.dep_ == "acomp") \
            or previous.dep_ != "attr" and none_there(node)
        if own or (node.pos_ == "NOUN" and node.lemma_.lower() in ABSENCE_NOUNS):
            walk.sign = -walk.sign  # 'the absence of a timetable'
        subject = own_subject(node)
        actors = resolver.actors(subject) if subject is not None and node.pos_ in ("VERB", "AUX") else []
        if actors and walk.found is not None and (voices_position(node, previous) or set(actors) <= ctx.themes
                                                  and frame is None and launches_own_bid(node)):
            return tuple(actors)  # 'he expressed Ukraine's desire to …', 'Ukraine has launched a bid to join' (narrated)
        owner = plan_owner(subject) if node.pos_ == "VERB" and walk.found is not None else None
        if owner is not None and resolver.actors(owner):
            return tuple(resolver.actors(owner))  # 'Trump's plan could involve Kyiv giving up …': the plan's owner
        if actors and walk.purposed and node.pos_ == "VERB":
            walk.found = walk.found or "purpose"  # 'passed a law with the aim of joining': what the act is for
            return tuple(actors)
        if actors and not set(actors) & ctx.themes and locked and deed(node, walk.cue_head):
            walk.found = walk.found or "decision"  # 'NATO dropped the MAP requirement'
            return tuple(actors)
        if actors and node.lemma_.lower() in COPULAS and (previous.dep_ in ("attr", "prep") or previous.dep_ == "acomp"
                                                         and previous.lower_ in ATTITUDES) \
                and walk.applied_at in {t.i for t in previous.subtree}:
            # 'Poland is one of the supporters of …', 'Sweden is among the advocates of …', 'the alliance
            # remains committed to its pledge to …' (the subject's attitude, not a judgement of the topic)
            return tuple(actors)
        if actors and previous.dep_ == "prep" and node.pos_ == "VERB" and brought_with(ctx.doc, walk):
            return tuple(actors)  # 'went into the summit with demands for its entrance': the subject brings them
        if actors and not set(actors) & ctx.themes and not locked:  # 'Ukraine and Georgia will become members'
            if (frame is None or frame.speaker is None) and decided(node, walk.assertive) and not demanded(node):
                walk.found = "decision"  # 'NATO will not issue a formal invitation', 'member states will not offer …'
                return tuple(actors)
            if walk.assertive and frame is not None and own_side(actors, frame, ctx):
                # 'Scholz said Germany would not send soldiers': the speaker's position on his own
                # side's course (the dev gold codes the person who speaks for a state, not the state)
                walk.found = "assertion"
                # a later sentence naming the speaker ('The promise was made by …') names the state
                # as the agent of its own sentence: both are coded (the development set's README)
                named_after = frame.verb is None and frame.kind == "according"
                bodies = tuple(a for a in actors if a not in frame.speakers and ctx.resolver.is_organisation(a)) \
                    if subject is not None and subject.lower_ == "we" else ()
                return tuple(frame.speakers) + (tuple(actors) if named_after else bodies)  # '"we decided …," Rutte said
            if frame is not None and node.head.i == frame.verb and ctx.doc[frame.verb].lemma_.lower() in lexicon.consent:
                walk.found = walk.found or "consent"  # 'Russia had agreed that the US could offer …'
                return CLIMB
            if demanded(node) or expected_not(node) or gerund_content(node):
                return CLIMB  # 'urged that NATO invite Ukraine', 'does not expect it to invite …', 'the idea of NATO admitting …'
            return STOP  # what a third party does or might do is not a position
        if not actors and subject is not None and walk.assertive and node.pos_ in ("VERB", "AUX") and not locked \
                and some_others(subject):
            return STOP  # 'some states would not send troops', in someone's words: their course, not the speaker's
        return CLIMB
    against_counted = copula_counted and previous.dep_ == "prep" and previous.lower_ == "against"
    # 'called the discussion of membership "premature"', the word parsed under the cue: counted there
    named_below = kind is not None and node.lemma_.lower() == "call" and names_something(node) \
        and walk.applied_at >= 0 and ctx.doc[walk.applied_at].pos_ == "ADJ" and node.is_ancestor(ctx.doc[walk.applied_at])
    if complement_counted or against_counted or named_below:
        _note_phrases(node, walk, lexicon)  # 'was not ready', 'is against': the class and negation counted once, below
    else:
        _apply(node, kind, walk, lexicon, negated)
    judges = judged_by(node, ctx)
    if judges:
        return judges  # 'would be unacceptable to Russia': Russia holds the position
    if spelled_out_by_plan(node):
        return CLIMB  # 'the plan could involve Kyiv giving up its bid': the plan's content, not Kyiv's view
    subject = subject_of(node, lexicon)
    if node.pos_ == "NOUN" and subject is not None and subject.dep_ == "nsubj" and subject.i == node.i - 1:
        subject = None  # a headline parsed as 'NATO bid(s)': the noun's compound, not its subject
    # 'Budapest's veto blocked the invitation' (an act); not 'Latvia's push was premature' (a judgement of it)
    owner = acting_owner(subject, lexicon) if node.pos_ == "VERB" and node.lemma_.lower() not in COPULAS else None
    by_plan = owner is not None and plan_owner(subject) is not None  # 'would require': what the plan says, no forecast
    subject = owner if owner is not None else subject
    subject_kind = resolver.kind(subject)
    if subject is not None and subject.dep_ == "csubj" and (subject == previous or previous.is_ancestor(subject)):
        return CLIMB  # 'inviting Ukraine would have triggered a world war': the topic acts; whoever says so judges it
    owner = attribute_owner(node) if kind is not None and subject is not None and subject.i == walk.cue_head else None
    if owner is not None and resolver.actors(owner):  # 'NATO membership remains Ukraine's priority'
        owners = resolver.actors(owner)  # the priority's owner, or who speaks for it (as the development gold codes)
        spoken_for = frame is not None and frame.speakers and own_side(owners, frame, ctx)
        return tuple(frame.speakers) if spoken_for else tuple(owners)
    if subject is not None and subject.i == walk.cue_head and subject.dep_ in ("nsubj", "nsubjpass"):
        return CLIMB  # 'NATO is off the table': the name is the topic here, not its holder
    if subject is not None and subject.lower_ == "they" and frame is not None and frame.speakers \
            and (len(frame.speakers) > 1 or frame.verb is not None and plural_speaker(ctx.doc[frame.verb])):
        return frame.speakers  # 'the leaders of Poland, … and Slovakia said they supported …', 'the US and others said they …'
    if subject_kind == "unnamed" and generic_country(subject):
        return CLIMB  # 'a country with unresolved conflicts was not ready for a MAP': the speaker's judgement
    if subject_kind == "unnamed":  # 'allies should give …' is the speaker's demand; 'efforts by some allies' may be opposed
        return CLIMB if kind == "normative" or node.pos_ == "NOUN" or controller(node) is not None else STOP
    if subject_kind != "actor":
        if subject is not None and (subject.dep_ == "poss" and own_pursuit(node, subject) or counted_public(subject)):
            walk.found = None  # 'its hopes of joining were over', '60% of Ukrainians support': named, not held
        return CLIMB
    named = named_holders(node, subject, resolver)
    actors = named + [a for a in joined_partners(node, resolver) if a not in named]
    if subject.dep_ == "amod" and frame is not None and frame.speakers and own_side(actors, frame, ctx):
        actors = list(frame.speakers)  # 'according to Kristersson, there is Swedish openness to …': his, as for his state
    pursued = node.lemma_.lower() in OWN_PURSUITS and subject is not None and subject.dep_ == "poss" \
        or node.lemma_.lower() in PURSUING and node.pos_ == "VERB" and not names_home(ctx.doc[walk.cue_head], ctx)
    if pursued and ctx.home in actors:  # 'Georgia and Ukraine's applications', 'Ukraine and Georgia have sought admission'
        actors = [a for a in actors if a == ctx.home or not ctx.is_state(a)]
    elif pursued and all(map(ctx.is_state, actors)) and not any(set(resolver.actors(t)) & ctx.themes for t in node.subtree):
        return STOP  # 'Sweden and Finland, which have applied to join NATO, …': their own entry, Ukraine unnamed
    own_act = node.lemma_.lower() in lexicon.volition or phrasal(node) in lexicon.volition or sets_as_goal(node) \
        or reacts(node, lexicon) or \
        idiom(node, lexicon) and node.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not modal(node, lexicon.hedges) or by_plan
    if set(actors) <= ctx.themes and (not own_act or imposed(node, lexicon)) and not own_pursuit(node, subject) \
            and not (frame is None and launches_own_bid(node)):  # 'He said Ukraine had submitted an application': his
        return CLIMB  # 'Ukraine deserves a path': whoever says so holds the position; not 'took it off its agenda'
    if (kind == "normative" or normative(node, lexicon)) and frame is not None:
        return CLIMB  # 'the alliance should offer Ukraine a path': the speaker's demand on it
    if demanded(node):
        return CLIMB  # 'demanded that NATO immediately accept Ukraine': the demand is the position held
    if forecast(node, actors, frame, ctx) and not by_plan:
        return STOP if frame is None or ctx.doc[frame.verb].lemma_.lower() not in lexicon.composing else CLIMB
    if node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.lemma_.lower() in ENDING:
        if subject is not None and subject.head.i != node.i and subject.head.head.i != node.i \
                and not spelled_out_by_plan(node.head):  # 'a plan involving Kyiv dropping its bid' is the plan's
            walk.sign = -walk.sign  # held by the verb's subject: 'Turkey dropped its objection to …', 'lifted its veto on …'
            if is_negated(node.head):
                walk.sign = -walk.sign  # 'has never abandoned its aim of joining': kept, not given up
        else:
            walk.found = None  # 'ready to drop Ukraine's bid': whoever drops it holds, by the verb
            return CLIMB
    governing = controller(node)
    if governing is not None and predicate_class(governing, lexicon) is not None:
        return CLIMB  # 'oppose offering Ukraine …', 'declined to offer a timetable': the governing verb counts too
    return tuple(actors)


NOT_AS_SUCH = {"automatically", "necessarily"}
CIRCUMSTANCES = {"amid", "amidst", "despite", "notwithstanding"}
# "we hear that …", "language that could be read as an invitation": what others say, a construal
HEARING = {"hear", "overhear", "read"}
IMPLYING = {"mean", "imply", "signify"}
PURSUING = {"seek", "apply", "aspire", "strive", "pursue"}  # beside Ukraine, another state seeks its own entry
ABSENCE_NOUNS = {"absence", "lack"}
